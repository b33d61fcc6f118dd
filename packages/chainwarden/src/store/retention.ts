/**
 * `retention prune`: deletes index entries whose `expires` has passed, then blobs no entry references any more, then
 * what interrupted writes left behind. Never an entry on legal hold, never a blob an unexpired (or held) entry of
 * any release still references. Every index is read and checked first: a hostile index stops the prune before
 * anything is deleted. Each deletion is handed to `record` right after it happened (the CLI writes it to the
 * registry's audit log). An unreferenced blob younger than the grace period is left alone: a `store put` running at
 * the same moment writes its blobs before its index.
 */
import { isoSeconds } from '../core/clock.js';
import type { ArtifactStore } from './artifact-store.js';
import { BLOB_PREFIX } from './keys.js';
import type { StoreEntry, SupersededEntry } from './store-index.js';

export const DEFAULT_ORPHAN_GRACE_MINUTES = 60;

export type Deletion =
  | { readonly what: 'entry'; readonly release: string; readonly name: string; readonly kind: string; readonly digest: string; readonly size: number; readonly created: string; readonly expires: string; readonly reason: 'expired'; readonly supersededAt?: string }
  | { readonly what: 'blob'; readonly blob: string; readonly size: number; readonly reason: 'expired' | 'unreferenced' }
  | { readonly what: 'leftover'; readonly key: string; readonly size: number; readonly reason: 'interrupted write' };

export interface PruneOptions {
  readonly dryRun?: boolean;
  readonly graceMinutes?: number;
  /** Called with each batch of deletions after they happened (not in a dry run). */
  readonly record?: (deletions: readonly Deletion[]) => Promise<void>;
}

export interface PruneReport {
  readonly store: string;
  readonly now: string;
  readonly dryRun: boolean;
  /** What was deleted (in a dry run: what would be). */
  readonly deleted: readonly Deletion[];
  /** Expired entries kept because they are on legal hold, as `<release>/<name>`. */
  readonly held: readonly string[];
  /** Blobs of deleted entries kept because an unexpired entry still references them. */
  readonly stillReferenced: readonly string[];
  readonly bytesFreed: number;
}

export async function pruneStore(store: ArtifactStore, options: PruneOptions = {}): Promise<PruneReport> {
  const now = store.now();
  const dryRun = options.dryRun === true;
  const graceEnd = new Date(now.getTime() - (options.graceMinutes ?? DEFAULT_ORPHAN_GRACE_MINUTES) * 60_000);
  const isExpired = (e: StoreEntry): boolean => e.hold === undefined && Date.parse(e.expires) <= now.getTime();
  const record = async (batch: readonly Deletion[]): Promise<void> => {
    if (!dryRun && batch.length > 0 && options.record !== undefined) await options.record(batch);
  };

  const all = await store.readAll();
  const deleted: Deletion[] = [];
  const held: string[] = [];
  const freedBlobs = new Set<string>();
  const remaining = new Set<string>();
  const entryDeletion = (release: string, e: StoreEntry | SupersededEntry): Deletion => ({
    what: 'entry', release, name: e.name, kind: e.kind, digest: e.digest, size: e.size, created: e.created, expires: e.expires, reason: 'expired',
    ...('supersededAt' in e ? { supersededAt: e.supersededAt } : {}),
  });
  for (const { index } of all) {
    for (const e of index.entries) if (e.hold !== undefined && Date.parse(e.expires) <= now.getTime()) held.push(`${index.release}/${e.name}`);
    let removed: StoreEntry[] = index.entries.filter(isExpired);
    let removedSuperseded: SupersededEntry[] = (index.superseded ?? []).filter(isExpired);
    if (!dryRun && removed.length + removedSuperseded.length > 0) {
      const kept = await store.updateIndex(index.release, (entries, superseded) => {
        removed = entries.filter(isExpired);
        removedSuperseded = superseded.filter(isExpired);
        return removed.length + removedSuperseded.length > 0 ? { entries: entries.filter((e) => !isExpired(e)), superseded: superseded.filter((e) => !isExpired(e)) } : undefined;
      });
      for (const e of kept) remaining.add(e.blob);
    } else {
      for (const e of [...index.entries, ...(index.superseded ?? [])]) if (!isExpired(e)) remaining.add(e.blob);
    }
    const batch: Deletion[] = [...removed, ...removedSuperseded].map((e) => entryDeletion(index.release, e));
    for (const e of [...removed, ...removedSuperseded]) freedBlobs.add(e.blob);
    deleted.push(...batch);
    await record(batch);
  }

  // References as they are now (another process may have put meanwhile), then every blob nothing references.
  const referenced = dryRun ? remaining : new Set((await store.readAll()).flatMap(({ index }) => [...index.entries, ...(index.superseded ?? [])].map((e) => e.blob)));
  const stillReferenced = [...freedBlobs].filter((b) => referenced.has(b)).sort();
  const blobBatch: Deletion[] = [];
  for (const o of await store.storage.list(BLOB_PREFIX)) {
    if (referenced.has(o.key)) continue;
    const ofExpired = freedBlobs.has(o.key);
    if (!ofExpired && o.modified > graceEnd) continue;
    if (!dryRun && !(await store.storage.delete(o.key))) continue;
    blobBatch.push({ what: 'blob', blob: o.key, size: o.size, reason: ofExpired ? 'expired' : 'unreferenced' });
  }
  deleted.push(...blobBatch);
  await record(blobBatch);

  const leftovers = (await store.storage.leftovers()).filter((o) => o.modified < graceEnd);
  if (!dryRun) {
    const removed = new Set(await store.storage.removeLeftovers(graceEnd));
    const batch: Deletion[] = leftovers.filter((o) => removed.has(o.key)).map((o) => ({ what: 'leftover', key: o.key, size: o.size, reason: 'interrupted write' }));
    deleted.push(...batch);
    await record(batch);
  } else {
    deleted.push(...leftovers.map((o): Deletion => ({ what: 'leftover', key: o.key, size: o.size, reason: 'interrupted write' })));
  }
  const bytesFreed = deleted.reduce((n, d) => n + (d.what === 'entry' ? 0 : d.size), 0);
  return { store: store.storage.location, now: isoSeconds(now), dryRun, deleted, held: held.sort(), stillReferenced, bytesFreed };
}
