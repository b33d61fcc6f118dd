import { resolve } from 'node:path';
import { DEFAULT_ADVISORY_CACHE, FileAdvisoryStore } from './file-store.js';
import type { AdvisoryStore } from './store.js';

export interface OpenedAdvisoryStore {
  readonly store: AdvisoryStore;
  /** Where it is, for messages (`data/advisories/advisories.ndjson`, or the registry's location). */
  readonly location: string;
  close(): Promise<void>;
}

/**
 * The advisory store a command uses: the registry database when a database URL is given (`--database-url` or
 * CHAINWARDEN_DATABASE_URL), else the advisory cache file (`--advisory-cache`, default under the project).
 */
export async function openAdvisoryStore(options: { projectDir: string; databaseUrl?: string; env: NodeJS.ProcessEnv; advisoryCache?: string }): Promise<OpenedAdvisoryStore> {
  // registry/location.ts's DATABASE_URL_ENV, spelled out so a scan over the cache file never loads the database code.
  const url = options.databaseUrl ?? options.env['CHAINWARDEN_DATABASE_URL'];
  if (url !== undefined && url !== '') {
    const { registryUrl } = await import('../registry/location.js');
    const { openRegistry } = await import('../registry/database.js');
    const { DbAdvisoryStore } = await import('./db-store.js');
    const registry = await openRegistry({ url: registryUrl({ projectDir: options.projectDir, flag: url }) });
    return { store: new DbAdvisoryStore(registry), location: registry.location, close: () => registry.close() };
  }
  const shown = options.advisoryCache ?? DEFAULT_ADVISORY_CACHE;
  const store = await FileAdvisoryStore.open(resolve(options.projectDir, shown));
  return { store, location: shown, close: () => Promise.resolve() };
}
