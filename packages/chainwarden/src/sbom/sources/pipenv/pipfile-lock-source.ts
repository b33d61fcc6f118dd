import { LockfileError } from '../../../core/errors.js';
import type { SbomSource } from '../../source.js';

/** Placeholder until the pipenv parser lands. */
export const PipfileLockSource: SbomSource = {
  id: 'pipenv',
  label: 'pipenv',
  matches: () => false,
  parse: (ctx) => Promise.reject(new LockfileError('the pipenv format is not implemented yet', { file: ctx.lockfileRel }, { code: 'LOCKFILE_UNSUPPORTED' })),
};
