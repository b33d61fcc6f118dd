import { LockfileError } from '../../../core/errors.js';
import type { SbomSource } from '../../source.js';

/** Placeholder until the yarn parser lands. */
export const YarnLockSource: SbomSource = {
  id: 'yarn',
  label: 'yarn',
  matches: () => false,
  parse: (ctx) => Promise.reject(new LockfileError('the yarn format is not implemented yet', { file: ctx.lockfileRel }, { code: 'LOCKFILE_UNSUPPORTED' })),
};
