import { LockfileError } from '../../../core/errors.js';
import type { SbomSource } from '../../source.js';

/** Placeholder until the pdm parser lands. */
export const PdmLockSource: SbomSource = {
  id: 'pdm',
  label: 'pdm',
  matches: () => false,
  parse: (ctx) => Promise.reject(new LockfileError('the pdm format is not implemented yet', { file: ctx.lockfileRel }, { code: 'LOCKFILE_UNSUPPORTED' })),
};
