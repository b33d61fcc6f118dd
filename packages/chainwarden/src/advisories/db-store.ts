import type { Registry } from '../registry/database.js';
import { AliasIndex } from './alias-groups.js';
import type { AliasGroup } from './alias-groups.js';
import { packageKey } from './ecosystems.js';
import { indexEntry } from './memory-store.js';
import type { OsvRecord } from './osv-record.js';
import type { AdvisoryStore, AdvisoryStoreStats, PutResult, StoredAdvisory } from './store.js';

const CHUNK = 400;
/** Bind parameters per prefetch query: below SQLite's 32,766 and PostgreSQL's 65,535. */
const PREFETCH_CHUNK = 5_000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Advisories in the registry database (SQLite or PostgreSQL; tables from migration `0002-advisories`). A batch
 * is stored in one transaction (all of it or none), incrementally by `modified`. Alias groups are computed from
 * the alias table, loaded once per store and refreshed after each `put`.
 */
export class DbAdvisoryStore implements AdvisoryStore {
  private aliases: AliasIndex | undefined;
  private readonly prefetched = new Map<string, StoredAdvisory[]>();

  constructor(
    private readonly registry: Registry,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async put(advisories: readonly StoredAdvisory[]): Promise<PutResult> {
    const db = this.registry.db;
    const existing = new Map<string, string>();
    for (const ids of chunks(advisories.map((a) => a.record.id))) {
      for (const row of await db.selectFrom('advisories').select(['id', 'modified']).where('id', 'in', ids).execute()) existing.set(row.id, row.modified);
    }
    const added: string[] = [];
    const updated: string[] = [];
    const changed: StoredAdvisory[] = [];
    for (const a of advisories) {
      const before = existing.get(a.record.id);
      if (before !== undefined && Date.parse(before) >= Date.parse(a.record.modified)) continue;
      (before === undefined ? added : updated).push(a.record.id);
      changed.push(a);
    }
    const importedAt = this.now().toISOString();
    await this.registry.transaction(async (tx) => {
      for (const ids of chunks(updated)) {
        await tx.deleteFrom('advisory_packages').where('advisory_id', 'in', ids).execute();
        await tx.deleteFrom('advisory_aliases').where('advisory_id', 'in', ids).execute();
        await tx.deleteFrom('advisories').where('id', 'in', ids).execute();
      }
      for (const batch of chunks(changed, 200)) {
        const entries = batch.map((a) => ({ a, e: indexEntry(a) }));
        await tx
          .insertInto('advisories')
          .values(entries.map(({ a, e }) => ({ id: e.id, modified: e.modified, withdrawn: e.withdrawn ? 1 : 0, malicious: e.malicious ? 1 : 0, source: a.source, record: JSON.stringify(a.record), imported_at: importedAt })))
          .execute();
        const packages = entries.flatMap(({ e }) => e.packages.map((k) => ({ advisory_id: e.id, package_key: k })));
        for (const p of chunks(packages)) await tx.insertInto('advisory_packages').values(p).execute();
        const aliases = entries.flatMap(({ e }) => [...new Set(e.aliases)].filter((x) => x !== e.id).map((alias) => ({ advisory_id: e.id, alias })));
        for (const p of chunks(aliases)) await tx.insertInto('advisory_aliases').values(p).execute();
      }
    });
    if (changed.length > 0) {
      this.aliases = undefined;
      this.prefetched.clear();
    }
    return { added, updated, unchanged: advisories.length - changed.length };
  }

  async get(id: string): Promise<StoredAdvisory | undefined> {
    const row = await this.registry.db.selectFrom('advisories').select(['source', 'record']).where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : { source: row.source, record: JSON.parse(row.record) as OsvRecord };
  }

  /**
   * Two kinds of query, each in few round trips: which records name the wanted packages (small rows), then each
   * of those records once (a record naming several packages is fetched and parsed once, and shared).
   */
  async prefetch(keys: readonly { ecosystem: string; name: string }[]): Promise<void> {
    const wanted = [...new Set(keys.map(packageKey))].filter((k) => !this.prefetched.has(k));
    if (wanted.length === 0) return;
    const db = this.registry.db;
    const idsByKey = new Map<string, string[]>(wanted.map((k) => [k, []]));
    for (const batch of chunks(wanted, PREFETCH_CHUNK)) {
      for (const row of await db.selectFrom('advisory_packages').select(['package_key', 'advisory_id']).where('package_key', 'in', batch).execute()) {
        idsByKey.get(row.package_key)?.push(row.advisory_id);
      }
    }
    const records = new Map<string, StoredAdvisory>();
    const ids = [...new Set([...idsByKey.values()].flat())];
    for (const batch of chunks(ids, PREFETCH_CHUNK)) {
      for (const row of await db.selectFrom('advisories').select(['id', 'source', 'record']).where('id', 'in', batch).execute()) {
        records.set(row.id, { source: row.source, record: JSON.parse(row.record) as OsvRecord });
      }
    }
    for (const [key, list] of idsByKey) this.prefetched.set(key, list.sort().flatMap((id) => records.get(id) ?? []));
  }

  async forPackage(ecosystem: string, name: string): Promise<readonly StoredAdvisory[]> {
    const cached = this.prefetched.get(packageKey({ ecosystem, name }));
    if (cached !== undefined) return cached;
    const rows = await this.registry.db
      .selectFrom('advisory_packages as p')
      .innerJoin('advisories as a', 'a.id', 'p.advisory_id')
      .select(['a.source', 'a.record'])
      .where('p.package_key', '=', packageKey({ ecosystem, name }))
      .orderBy('a.id')
      .execute();
    return rows.map((r) => ({ source: r.source, record: JSON.parse(r.record) as OsvRecord }));
  }

  async groupOf(id: string): Promise<AliasGroup> {
    return (await this.aliasIndex()).group(id);
  }

  /** Counts in one query; the alias groups from the alias table, read once (the same index `groupOf` uses). */
  async stats(): Promise<AdvisoryStoreStats> {
    const db = this.registry.db;
    const row = await db
      .selectFrom('advisories')
      .select((eb) => [
        eb.fn.countAll<number>().as('records'),
        eb.fn.sum<number>('withdrawn').as('withdrawn'),
        eb.fn.sum<number>('malicious').as('malicious'),
      ])
      .executeTakeFirst();
    const packages = await db.selectFrom('advisory_packages').select((eb) => eb.fn.count<number>('package_key').distinct().as('n')).executeTakeFirst();
    const groups = (await this.aliasIndex()).groupCount();
    return { records: Number(row?.records ?? 0), withdrawn: Number(row?.withdrawn ?? 0), malicious: Number(row?.malicious ?? 0), packages: Number(packages?.n ?? 0), groups };
  }

  /** Every record id with the aliases its current version states (rows of replaced versions are deleted by `put`). */
  private async aliasIndex(): Promise<AliasIndex> {
    if (this.aliases === undefined) {
      const byId = new Map<string, string[]>();
      for (const row of await this.registry.db.selectFrom('advisories').select('id').execute()) byId.set(row.id, []);
      for (const row of await this.registry.db.selectFrom('advisory_aliases').select(['advisory_id', 'alias']).execute()) byId.get(row.advisory_id)?.push(row.alias);
      const index = new AliasIndex();
      for (const [id, aliases] of byId) index.set(id, aliases);
      this.aliases = index;
    }
    return this.aliases;
  }

  async all(): Promise<readonly StoredAdvisory[]> {
    const rows = await this.registry.db.selectFrom('advisories').select(['source', 'record']).orderBy('id').execute();
    return rows.map((r) => ({ source: r.source, record: JSON.parse(r.record) as OsvRecord }));
  }
}
