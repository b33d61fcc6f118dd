import { basename, dirname } from 'node:path';
import type { RootProject } from '../../model.js';
import type { LockTree } from './lock-entry.js';
import { licensesOf } from './licenses.js';
import type { RootManifest } from './root-manifest.js';

/**
 * The root project: from package.json beside the lockfile when present, else from the lockfile's root entry
 * (`packages[""]`) or top-level `name`/`version`, else the lockfile folder's name.
 */
export function rootProject(tree: LockTree, manifest: RootManifest | undefined, lockfilePath: string): RootProject {
  const rootEntry = tree.entries.get('');
  const name = manifest?.name ?? rootEntry?.name ?? tree.name ?? (basename(dirname(lockfilePath)) || 'root');
  const version = manifest?.version ?? rootEntry?.version ?? tree.version;
  const fromManifest = licensesOf(manifest?.license);
  const licenses = fromManifest.length > 0 ? fromManifest : licensesOf(rootEntry?.license);
  return {
    name,
    ...(version !== undefined ? { version } : {}),
    ...(manifest?.description !== undefined ? { description: manifest.description } : {}),
    licenses,
    ecosystem: 'npm',
    ...(manifest !== undefined ? { manifest: manifest.path } : {}),
  };
}
