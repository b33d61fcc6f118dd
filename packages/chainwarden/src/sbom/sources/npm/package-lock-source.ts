import { LockfileError } from '../../../core/errors.js';
import type { SbomSource } from '../../source.js';

/** Placeholder until the npm parser lands. */
export const PackageLockSource: SbomSource = {
  id: 'npm',
  label: 'npm',
  matches: () => false,
  parse: (ctx) => Promise.reject(new LockfileError('the npm format is not implemented yet', { file: ctx.lockfileRel }, { code: 'LOCKFILE_UNSUPPORTED' })),
};
