/**
 * Advisories live in the registry database (tables of migration 0002, SQLite or PostgreSQL): `advisories import`
 * stores them there, and re-matching reads them there. The advisory cache file (data/advisories/advisories.ndjson)
 * is a derived copy kept beside it as the speed path: a scan uses it only when it holds exactly the registry's
 * records (same ids and `modified` stamps, compared by a fingerprint), else it reads the registry itself.
 */
import { rm } from 'node:fs/promises';
import { sha256Hex } from '../core/digest.js';
import type { Registry } from '../registry/database.js';
import { DbAdvisoryStore } from './db-store.js';
import { FileAdvisoryStore } from './file-store.js';
import type { AdvisoryStore, AdvisoryStoreStats, PutResult, StoredAdvisory } from './store.js';
import type { AliasGroup } from './alias-groups.js';

function fingerprint(versions: readonly { id: string; modified: string }[]): string {
  return sha256Hex(
    [...versions]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((v) => `${v.id}\t${v.modified}\n`)
      .join(''),
  );
}

async function registryVersions(registry: Registry): Promise<{ id: string; modified: string }[]> {
  return registry.db.selectFrom('advisories').select(['id', 'modified']).execute();
}

export interface ScanAdvisories {
  readonly store: AdvisoryStore;
  /** `cache`: the cache file matched the registry; `registry`: read from the database. */
  readonly source: 'cache' | 'registry';
}

/**
 * The advisories a scan matches against: the cache file when it is exactly the registry's content, else the
 * registry (the registry is the truth: a cache of another registry, or an older copy, is never used).
 */
export async function scanAdvisories(registry: Registry, cachePath: string): Promise<ScanAdvisories> {
  const [cache, stored] = await Promise.all([FileAdvisoryStore.open(cachePath), registryVersions(registry)]);
  const cached = cache.versions();
  if (cached.length === stored.length && fingerprint(cached) === fingerprint(stored)) return { store: cache, source: 'cache' };
  return { store: new DbAdvisoryStore(registry), source: 'registry' };
}

/** Stores in the registry and mirrors every batch into the cache file (reads come from the registry). */
class MirroredStore implements AdvisoryStore {
  constructor(
    private readonly primary: DbAdvisoryStore,
    private readonly mirror: FileAdvisoryStore,
  ) {}
  async put(advisories: readonly StoredAdvisory[]): Promise<PutResult> {
    const result = await this.primary.put(advisories);
    await this.mirror.put(advisories);
    return result;
  }
  get(id: string): Promise<StoredAdvisory | undefined> {
    return this.primary.get(id);
  }
  forPackage(ecosystem: string, name: string): Promise<readonly StoredAdvisory[]> {
    return this.primary.forPackage(ecosystem, name);
  }
  groupOf(id: string): Promise<AliasGroup> {
    return this.primary.groupOf(id);
  }
  stats(): Promise<AdvisoryStoreStats> {
    return this.primary.stats();
  }
  all(): Promise<readonly StoredAdvisory[]> {
    return this.primary.all();
  }
}

/**
 * The store `advisories import` writes to: the registry, with the cache file kept in step. When the cache does not
 * hold the registry's records before the import (another registry, an older copy), it is rebuilt from the registry.
 */
export async function importTarget(registry: Registry, cachePath: string): Promise<{ store: AdvisoryStore; finish(): Promise<void> }> {
  const db = new DbAdvisoryStore(registry);
  const [cache, stored] = await Promise.all([FileAdvisoryStore.open(cachePath), registryVersions(registry)]);
  const cached = cache.versions();
  if (cached.length !== stored.length || fingerprint(cached) !== fingerprint(stored)) {
    return {
      store: db,
      async finish() {
        await rm(cachePath, { force: true });
        const fresh = await FileAdvisoryStore.open(cachePath);
        await fresh.put(await db.all());
      },
    };
  }
  return { store: new MirroredStore(db, cache), finish: () => Promise.resolve() };
}
