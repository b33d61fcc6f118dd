import { LockfileError } from '../../../core/errors.js';
import type { SbomSource } from '../../source.js';

/** Placeholder until the requirements parser lands. */
export const RequirementsSource: SbomSource = {
  id: 'requirements',
  label: 'requirements',
  matches: () => false,
  parse: (ctx) => Promise.reject(new LockfileError('the requirements format is not implemented yet', { file: ctx.lockfileRel }, { code: 'LOCKFILE_UNSUPPORTED' })),
};
