/**
 * The evidence store: content-addressed blobs and one index per release, on any ArtifactStorage. Index updates are
 * compare-and-swap (read, change, write if nobody wrote in between, else again), so two CI jobs putting into the
 * same store, even the same release, never lose each other's entries. Blobs are written before the index that
 * references them; a crash in between leaves an unreferenced blob, which `retention prune` removes.
 */
import { isoSeconds } from '../core/clock.js';
import { sha256Hex } from '../core/digest.js';
import { StoreError } from './errors.js';
import { blobKey, checkReleaseId, entryNameProblem, INDEX_PREFIX, indexKey, releaseOfIndexKey } from './keys.js';
import type { ArtifactKind } from './kinds.js';
import { inferKind } from './kinds.js';
import type { ArtifactStorage } from './storage.js';
import type { LegalHold, StoreEntry, StoreIndex, SupersededEntry } from './store-index.js';
import { parseIndex, serializeIndex } from './store-index.js';

export const DEFAULT_STORE_PATH = 'data/artifacts/supply-chain';
export const DEFAULT_RETENTION_DAYS = 365;

const DAY_MS = 86_400_000;
const MAX_ATTEMPTS = 200;

export interface StoreOptions {
  readonly retentionDays?: number;
  /** The clock (tests and `CHAINWARDEN_NOW` set it). */
  readonly now?: () => Date;
}

export interface PutItem {
  readonly name: string;
  readonly content: Uint8Array;
  /** Default: inferred from the name. */
  readonly kind?: ArtifactKind;
}

export interface PutOptions {
  /** Replace an entry of the same name whose content differs (default: refuse). Never an entry on hold. */
  readonly replace?: boolean;
  /** Put the new entries on legal hold. */
  readonly hold?: { readonly reason: string; readonly by: string };
  readonly retentionDays?: number;
}

export type PutStatus = 'new' | 'unchanged' | 'replaced';

export interface PutResult {
  readonly release: string;
  readonly index: string;
  readonly entries: readonly (StoreEntry & { readonly status: PutStatus })[];
}

/** What an index update writes: the entries, and (when given) the superseded entries. */
export interface IndexChange {
  readonly entries: StoreEntry[];
  readonly superseded?: readonly SupersededEntry[];
}

export interface ReleaseIndex {
  readonly index: StoreIndex;
  /** The storage version it was read at (for compare-and-swap). */
  readonly version: string;
  /** The index key (`releases/<id>.json`). */
  readonly key: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class ArtifactStore {
  readonly retentionDays: number;
  readonly now: () => Date;

  constructor(
    readonly storage: ArtifactStorage,
    options: StoreOptions = {},
  ) {
    this.retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    this.now = options.now ?? (() => new Date());
  }

  /** How messages name an object: `<store location>/<key>`. */
  display(key: string): string {
    return `${this.storage.location}/${key}`;
  }

  /** Every release id with an index, sorted. */
  async releases(): Promise<string[]> {
    const objects = await this.storage.list(INDEX_PREFIX);
    return objects.map((o) => releaseOfIndexKey(o.key)).filter((id): id is string => id !== undefined).sort();
  }

  /** A release's index, or undefined when the store holds nothing for it. A hostile index is a StoreIndexError. */
  async readIndex(release: string): Promise<ReleaseIndex | undefined> {
    const key = indexKey(release);
    const got = await this.storage.getVersioned(key);
    if (got === undefined) return undefined;
    return { index: parseIndex(Buffer.from(got.content).toString('utf8'), this.display(key), release), version: got.version, key };
  }

  async requireIndex(release: string): Promise<ReleaseIndex> {
    const found = await this.readIndex(release);
    if (found === undefined) throw new StoreError('STORE_NOT_FOUND', `${this.storage.location}: no release ${JSON.stringify(release)} in the store (see chainwarden store list)`);
    return found;
  }

  /** Every index, read and checked before anything is done with any of them. */
  async readAll(): Promise<ReleaseIndex[]> {
    const out: ReleaseIndex[] = [];
    for (const release of await this.releases()) {
      const found = await this.readIndex(release);
      if (found !== undefined) out.push(found);
    }
    return out;
  }

  /**
   * Changes a release's index with compare-and-swap: `change` gets the current entries and superseded entries (empty
   * for a new release) and returns the new entries (superseded ones unchanged), both, or undefined for "no change".
   * An index left with nothing deletes the index. Retried on conflict.
   */
  async updateIndex(release: string, change: (entries: readonly StoreEntry[], superseded: readonly SupersededEntry[]) => StoreEntry[] | IndexChange | undefined): Promise<readonly StoreEntry[]> {
    const key = indexKey(release);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.readIndex(release);
      const entries = current?.index.entries ?? [];
      const before = current?.index.superseded ?? [];
      const result = change(entries, before);
      if (result === undefined) return entries;
      const next = Array.isArray(result) ? { entries: result, superseded: before } : { entries: result.entries, superseded: result.superseded ?? before };
      const written =
        next.entries.length === 0 && next.superseded.length === 0
          ? current === undefined || (await this.storage.deleteIfMatch(key, current.version))
          : await this.storage.putIfMatch(key, Buffer.from(serializeIndex({ release, ...next })), current?.version);
      if (written) return next.entries;
      await sleep(Math.random() * Math.min(5 + attempt * 2, 50));
    }
    throw new StoreError('STORE_BUSY', `${this.display(key)}: changed by other writers ${MAX_ATTEMPTS} times in a row; try again`);
  }

  /** Stores files under a release: blobs first, then the index entries (compare-and-swap). */
  async put(release: string, items: readonly PutItem[], options: PutOptions = {}): Promise<PutResult> {
    checkReleaseId(release);
    const now = this.now();
    const created = isoSeconds(now);
    const expires = isoSeconds(new Date(now.getTime() + (options.retentionDays ?? this.retentionDays) * DAY_MS));
    const names = new Set<string>();
    const prepared: StoreEntry[] = items.map((item) => {
      const problem = entryNameProblem(item.name);
      if (problem !== undefined) throw new StoreError('STORE_INVALID', `entry name ${JSON.stringify(item.name)} ${problem}`);
      if (names.has(item.name)) throw new StoreError('STORE_INVALID', `entry name ${JSON.stringify(item.name)} is given twice`);
      names.add(item.name);
      const digest = `sha256:${sha256Hex(item.content)}`;
      const hold: LegalHold | undefined = options.hold !== undefined ? { reason: options.hold.reason, by: options.hold.by, since: created } : undefined;
      return { name: item.name, kind: item.kind ?? inferKind(item.name), digest, size: item.content.byteLength, blob: blobKey(digest) ?? '', created, expires, ...(hold !== undefined ? { hold } : {}) };
    });
    const statuses = new Map<string, PutStatus>();
    const decide = (entries: readonly StoreEntry[], superseded: readonly SupersededEntry[] = []): IndexChange | undefined => {
      statuses.clear();
      const byName = new Map(entries.map((e) => [e.name, e]));
      const replaced: SupersededEntry[] = [...superseded];
      let changed = false;
      for (const entry of prepared) {
        const old = byName.get(entry.name);
        if (old !== undefined && old.digest === entry.digest) {
          statuses.set(entry.name, 'unchanged');
          if (entry.hold !== undefined && old.hold === undefined) {
            byName.set(entry.name, { ...old, hold: entry.hold });
            changed = true;
          }
          continue;
        }
        if (old !== undefined) {
          if (old.hold !== undefined) throw new StoreError('STORE_CONFLICT', `${release}/${entry.name} is on legal hold (${old.hold.reason}) and holds other content (${old.digest}): it cannot be replaced`);
          if (options.replace !== true) throw new StoreError('STORE_CONFLICT', `${release}/${entry.name} is already stored with other content (${old.digest}, now ${entry.digest}); pass --replace to replace it`);
        }
        statuses.set(entry.name, old === undefined ? 'new' : 'replaced');
        // The replaced entry is kept (superseded) until its own expiry: replaced evidence is not silently lost.
        if (old !== undefined) replaced.push({ ...old, supersededAt: created, supersededBy: entry.digest });
        byName.set(entry.name, entry);
        changed = true;
      }
      return changed ? { entries: [...byName.values()], superseded: replaced } : undefined;
    };
    // Refuse conflicts before writing any blob; the compare-and-swap below checks again against the latest index.
    const current = (await this.readIndex(release))?.index;
    decide(current?.entries ?? [], current?.superseded ?? []);
    for (const [i, entry] of prepared.entries()) await this.storage.put(entry.blob, (items[i] as PutItem).content);
    const final = await this.updateIndex(release, decide);
    // A prune running at the same moment may have taken a blob it saw unreferenced: put it back.
    for (const [i, entry] of prepared.entries()) if ((await this.storage.stat(entry.blob)) === undefined) await this.storage.put(entry.blob, (items[i] as PutItem).content);
    const byName = new Map(final.map((e) => [e.name, e]));
    return {
      release,
      index: this.display(indexKey(release)),
      entries: prepared.map((p) => ({ ...(byName.get(p.name) ?? p), status: statuses.get(p.name) ?? 'unchanged' })).sort((a, b) => (a.name < b.name ? -1 : 1)),
    };
  }

  /** Finds an entry by its name, or by its last path part when that is unique in the release. */
  findEntry(index: StoreIndex, name: string): StoreEntry {
    const exact = index.entries.find((e) => e.name === name);
    if (exact !== undefined) return exact;
    const bySuffix = index.entries.filter((e) => e.name.split('/').pop() === name);
    if (bySuffix.length === 1 && bySuffix[0] !== undefined) return bySuffix[0];
    const hint = bySuffix.length > 1 ? ` (${bySuffix.length} entries end in ${name}: ${bySuffix.map((e) => e.name).join(', ')})` : '';
    throw new StoreError('STORE_NOT_FOUND', `release ${index.release} has no entry ${JSON.stringify(name)}${hint}`);
  }

  /** An entry's bytes, checked against its digest; tampered or missing bytes are a StoreError, never returned. */
  async read(entry: StoreEntry, release: string): Promise<Uint8Array> {
    const content = await this.storage.get(entry.blob);
    if (content === undefined) throw new StoreError('STORE_NOT_FOUND', `${release}/${entry.name}: its blob ${this.display(entry.blob)} is missing (run chainwarden store verify)`);
    const actual = `sha256:${sha256Hex(content)}`;
    if (actual !== entry.digest) throw new StoreError('STORE_TAMPERED', `${release}/${entry.name}: ${this.display(entry.blob)} was altered (content hashes to ${actual}, the index says ${entry.digest}); refusing to hand it out`);
    return content;
  }

  /** Puts entries (all of a release, or the named ones) on legal hold, or takes them off (`hold` undefined). */
  async setHold(release: string, names: readonly string[], hold: LegalHold | undefined): Promise<StoreEntry[]> {
    const { index } = await this.requireIndex(release);
    const targets = new Set((names.length === 0 ? index.entries : names.map((n) => this.findEntry(index, n))).map((e) => e.name));
    const changed: StoreEntry[] = [];
    await this.updateIndex(release, (entries) => {
      changed.length = 0;
      const next = entries.map((e) => {
        if (!targets.has(e.name)) return e;
        if (hold === undefined) {
          if (e.hold === undefined) return e;
          const { hold: _released, ...rest } = e;
          changed.push(rest);
          return rest;
        }
        if (e.hold?.reason === hold.reason) return e;
        const held = { ...e, hold };
        changed.push(held);
        return held;
      });
      return changed.length > 0 ? next : undefined;
    });
    return changed;
  }
}

