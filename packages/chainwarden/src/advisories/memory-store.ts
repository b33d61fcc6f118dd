import { AliasIndex } from './alias-groups.js';
import type { AliasGroup } from './alias-groups.js';
import { packageKey, packageKeyOfOsv } from './ecosystems.js';
import type { AdvisoryStore, AdvisoryStoreStats, PutResult, StoredAdvisory } from './store.js';

/**
 * What the index needs to know of a record without reading all of it; `load` gives the full record. Lets the
 * file store parse only the records a scan actually looks at.
 */
export interface IndexedAdvisory {
  readonly id: string;
  readonly modified: string;
  readonly withdrawn: boolean;
  readonly malicious: boolean;
  /** `packageKey`s (`PyPI/requests`) the record names. */
  readonly packages: readonly string[];
  readonly aliases: readonly string[];
  load(): StoredAdvisory;
}

export function indexEntry(advisory: StoredAdvisory): IndexedAdvisory {
  const { record } = advisory;
  return {
    id: record.id,
    modified: record.modified,
    withdrawn: record.withdrawn !== undefined,
    malicious: record.kind === 'malicious',
    packages: [...new Set(record.affected.map((a) => packageKey(packageKeyOfOsv(a.ecosystem, a.name))))],
    aliases: record.aliases,
    load: () => advisory,
  };
}

/** An AdvisoryStore in memory: entries by id, an index by package, and the alias groups. */
export class MemoryAdvisoryStore implements AdvisoryStore {
  private readonly byId = new Map<string, IndexedAdvisory>();
  private readonly byPackage = new Map<string, Set<string>>();
  private readonly aliases = new AliasIndex();

  put(advisories: readonly StoredAdvisory[]): Promise<PutResult> {
    return Promise.resolve(this.putIndexed(advisories.map(indexEntry)));
  }

  /** Adds entries whose full record is read on demand (incremental by `modified`, like `put`). */
  putIndexed(entries: readonly IndexedAdvisory[]): PutResult {
    const added: string[] = [];
    const updated: string[] = [];
    let unchanged = 0;
    for (const entry of entries) {
      const existing = this.byId.get(entry.id);
      if (existing !== undefined && Date.parse(existing.modified) >= Date.parse(entry.modified)) {
        unchanged++;
        continue;
      }
      if (existing !== undefined) this.unindex(existing);
      this.byId.set(entry.id, entry);
      this.index(entry);
      (existing === undefined ? added : updated).push(entry.id);
    }
    return { added, updated, unchanged };
  }

  /** Every entry (index fields and loader), sorted by id. */
  entries(): IndexedAdvisory[] {
    return [...this.byId.keys()].sort().flatMap((id) => this.byId.get(id) ?? []);
  }

  get(id: string): Promise<StoredAdvisory | undefined> {
    return Promise.resolve(this.byId.get(id)?.load());
  }

  forPackage(ecosystem: string, name: string): Promise<readonly StoredAdvisory[]> {
    const ids = this.byPackage.get(packageKey({ ecosystem, name }));
    if (ids === undefined) return Promise.resolve([]);
    return Promise.resolve([...ids].sort().flatMap((id) => this.byId.get(id)?.load() ?? []));
  }

  groupOf(id: string): Promise<AliasGroup> {
    return Promise.resolve(this.aliases.group(id));
  }

  stats(): Promise<AdvisoryStoreStats> {
    let withdrawn = 0;
    let malicious = 0;
    for (const entry of this.byId.values()) {
      if (entry.withdrawn) withdrawn++;
      if (entry.malicious) malicious++;
    }
    return Promise.resolve({ records: this.byId.size, withdrawn, malicious, packages: this.byPackage.size, groups: this.aliases.groupCount() });
  }

  all(): Promise<readonly StoredAdvisory[]> {
    return Promise.resolve(this.entries().map((e) => e.load()));
  }

  private index(entry: IndexedAdvisory): void {
    this.aliases.set(entry.id, entry.aliases);
    for (const key of entry.packages) {
      let ids = this.byPackage.get(key);
      if (ids === undefined) this.byPackage.set(key, (ids = new Set()));
      ids.add(entry.id);
    }
  }

  private unindex(entry: IndexedAdvisory): void {
    for (const key of entry.packages) {
      const ids = this.byPackage.get(key);
      ids?.delete(entry.id);
      if (ids?.size === 0) this.byPackage.delete(key);
    }
  }
}
