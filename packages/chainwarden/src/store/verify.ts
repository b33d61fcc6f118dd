/**
 * `store verify`: reads every index (a hostile one is refused before anything else), re-hashes every blob an entry
 * references and, for the whole store, every other blob too. Tampered (bytes differ from the digest), missing and
 * unreadable blobs are problems; unreferenced blobs and leftovers of interrupted writes are reported, not problems
 * (`retention prune` removes them).
 */
import { sha256Hex } from '../core/digest.js';
import { ChainwardenError } from '../core/errors.js';
import type { ArtifactStore } from './artifact-store.js';
import { BLOB_PREFIX, digestOfBlobKey } from './keys.js';

export interface VerifyProblem {
  readonly problem: 'tampered' | 'missing' | 'unreadable' | 'corrupt-unreferenced';
  /** The key of the bytes (`blobs/sha256/…`). */
  readonly blob: string;
  readonly expected?: string;
  readonly actual?: string;
  /** The entries that reference it, as `<release>/<name>`. */
  readonly entries: readonly string[];
  readonly detail?: string;
}

export interface StoreVerification {
  readonly store: string;
  readonly releases: readonly string[];
  readonly entries: number;
  /** Blobs re-hashed. */
  readonly blobs: number;
  readonly ok: boolean;
  readonly problems: readonly VerifyProblem[];
  readonly unreferenced: readonly string[];
  readonly leftovers: readonly string[];
}

export async function verifyStore(store: ArtifactStore, release?: string): Promise<StoreVerification> {
  const indices = release !== undefined ? [await store.requireIndex(release)] : await store.readAll();
  const refs = new Map<string, { digest: string; entries: string[] }>();
  let entries = 0;
  for (const { index } of indices) {
    for (const e of index.entries) {
      entries++;
      const ref = refs.get(e.blob) ?? { digest: e.digest, entries: [] };
      ref.entries.push(`${index.release}/${e.name}`);
      refs.set(e.blob, ref);
    }
    // Superseded entries are evidence too, until their own expiry.
    for (const e of index.superseded ?? []) {
      entries++;
      const ref = refs.get(e.blob) ?? { digest: e.digest, entries: [] };
      ref.entries.push(`${index.release}/${e.name} (superseded ${e.supersededAt})`);
      refs.set(e.blob, ref);
    }
  }
  const problems: VerifyProblem[] = [];
  const unreferenced: string[] = [];
  const keys = new Set(refs.keys());
  if (release === undefined) for (const o of await store.storage.list(BLOB_PREFIX)) keys.add(o.key);
  let hashed = 0;
  for (const blob of [...keys].sort()) {
    const ref = refs.get(blob);
    const expected = ref?.digest ?? digestOfBlobKey(blob);
    const entryNames = ref?.entries ?? [];
    let content: Uint8Array | undefined;
    try {
      content = await store.storage.get(blob);
    } catch (error) {
      if (!(error instanceof ChainwardenError)) throw error;
      problems.push({ problem: 'unreadable', blob, entries: entryNames, detail: error.message, ...(expected !== undefined ? { expected } : {}) });
      continue;
    }
    if (content === undefined) {
      problems.push({ problem: 'missing', blob, entries: entryNames, ...(expected !== undefined ? { expected } : {}) });
      continue;
    }
    hashed++;
    const actual = `sha256:${sha256Hex(content)}`;
    if (ref === undefined) unreferenced.push(blob);
    if (actual === expected) continue;
    problems.push({ problem: ref === undefined ? 'corrupt-unreferenced' : 'tampered', blob, actual, entries: entryNames, ...(expected !== undefined ? { expected } : { detail: 'not a blob key' }) });
  }
  return {
    store: store.storage.location,
    releases: indices.map((i) => i.index.release),
    entries,
    blobs: hashed,
    ok: problems.length === 0,
    problems,
    unreferenced,
    leftovers: release === undefined ? (await store.storage.leftovers()).map((o) => o.key) : [],
  };
}
