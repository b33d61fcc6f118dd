import { LockfileError } from '../../../core/errors.js';
import type { SbomSource } from '../../source.js';

/** Placeholder until the poetry parser lands. */
export const PoetryLockSource: SbomSource = {
  id: 'poetry',
  label: 'poetry',
  matches: () => false,
  parse: (ctx) => Promise.reject(new LockfileError('the poetry format is not implemented yet', { file: ctx.lockfileRel }, { code: 'LOCKFILE_UNSUPPORTED' })),
};
