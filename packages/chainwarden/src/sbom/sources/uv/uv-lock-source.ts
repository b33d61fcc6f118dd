import { LockfileError } from '../../../core/errors.js';
import type { SbomSource } from '../../source.js';

/** Placeholder until the uv parser lands. */
export const UvLockSource: SbomSource = {
  id: 'uv',
  label: 'uv',
  matches: () => false,
  parse: (ctx) => Promise.reject(new LockfileError('the uv format is not implemented yet', { file: ctx.lockfileRel }, { code: 'LOCKFILE_UNSUPPORTED' })),
};
