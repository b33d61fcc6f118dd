import { LockfileError } from '../../../core/errors.js';
import type { SbomSource } from '../../source.js';

/** Placeholder until the pnpm parser lands. */
export const PnpmLockSource: SbomSource = {
  id: 'pnpm',
  label: 'pnpm',
  matches: () => false,
  parse: (ctx) => Promise.reject(new LockfileError('the pnpm format is not implemented yet', { file: ctx.lockfileRel }, { code: 'LOCKFILE_UNSUPPORTED' })),
};
