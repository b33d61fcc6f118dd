/** The project's store: chainwarden.yaml `store` (path, retention-days), a --store flag, the default folder. */
import { isAbsolute, relative, resolve } from 'node:path';
import type { StoreConfig } from '../config-schema.js';
import { currentTime } from '../core/clock.js';
import { ArtifactStore, DEFAULT_STORE_PATH } from './artifact-store.js';
import { LocalFolderStorage } from './local-folder-storage.js';

export interface OpenStoreOptions {
  readonly projectDir: string;
  readonly config?: StoreConfig;
  /** --store: overrides `store.path`. */
  readonly path?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export function openStore(options: OpenStoreOptions): ArtifactStore {
  const given = options.path ?? options.config?.path ?? DEFAULT_STORE_PATH;
  const root = resolve(options.projectDir, given);
  const rel = relative(options.projectDir, root);
  const shown = rel === '' ? '.' : !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : root;
  const env = options.env ?? process.env;
  const retentionDays = options.config?.['retention-days'];
  return new ArtifactStore(new LocalFolderStorage(root, shown), { ...(retentionDays !== undefined ? { retentionDays } : {}), now: () => currentTime(env) });
}
