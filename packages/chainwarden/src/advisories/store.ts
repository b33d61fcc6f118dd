import type { AliasGroup } from './alias-groups.js';
import type { OsvRecord } from './osv-record.js';

/** A record as stored: the parsed OSV record and where it was imported from (file or `archive.zip!entry`). */
export interface StoredAdvisory {
  readonly record: OsvRecord;
  readonly source: string;
}

/** What storing a batch did: incremental by `modified` (an older or equal copy never replaces a newer one). */
export interface PutResult {
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: number;
}

export interface AdvisoryStoreStats {
  readonly records: number;
  readonly withdrawn: number;
  readonly malicious: number;
  readonly packages: number;
  readonly groups: number;
}

/**
 * Where advisories live. Implementations: `MemoryAdvisoryStore` (tests, one-shot scans), `FileAdvisoryStore`
 * (the versioned NDJSON cache under `data/advisories/`), and the registry database (issue 7).
 */
export interface AdvisoryStore {
  put(advisories: readonly StoredAdvisory[]): Promise<PutResult>;
  get(id: string): Promise<StoredAdvisory | undefined>;
  /** Records naming a package (ecosystem and name as normalised by `ecosystems.ts`), withdrawn ones included. */
  forPackage(ecosystem: string, name: string): Promise<readonly StoredAdvisory[]>;
  /** Optional: loads the records of many packages at once (a database answers in a few queries, not one per package). */
  prefetch?(keys: readonly { ecosystem: string; name: string }[]): Promise<void>;
  /** The alias group of a record id or alias. */
  groupOf(id: string): Promise<AliasGroup>;
  stats(): Promise<AdvisoryStoreStats>;
  /** Every record, sorted by id. */
  all(): Promise<readonly StoredAdvisory[]>;
}
