import type { Scope } from '../../model.js';
import type { LockFlags } from './lock-entry.js';

/** Reads the `dev`/`optional`/`devOptional` flags npm writes on an entry; anything but `true` is false. */
export function readFlags(obj: Record<string, unknown>): LockFlags {
  return { dev: obj['dev'] === true, optional: obj['optional'] === true, devOptional: obj['devOptional'] === true };
}

/**
 * The scope npm's own flags give one install path.
 *
 * - `dev` → excluded: only installed with dev dependencies. `dev` + `optional` is an optional dependency of a dev
 *   dependency, so still excluded.
 * - `optional` → optional: only reachable through optionalDependencies of the production tree.
 * - `devOptional` → optional. npm sets it on packages reachable both through the dev tree and through an optional
 *   dependency of the production tree: `npm install --omit=dev` still installs it (as an optional production
 *   dependency), only `--omit=dev --omit=optional` drops it. Its strongest real-world scope is therefore optional.
 * - no flag → required.
 */
export function scopeOfFlags(flags: LockFlags): Scope {
  if (flags.devOptional) return 'optional';
  if (flags.dev) return 'excluded';
  if (flags.optional) return 'optional';
  return 'required';
}
