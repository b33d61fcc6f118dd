/**
 * One release's index: versioned JSON, entries sorted by name, keys in a fixed order (the same entries give the
 * same bytes). Read as untrusted input: every field is checked, every name and blob key must stay inside the store,
 * and the blob key must be the content address of the digest. A bad index is a StoreIndexError naming the file
 * and the entry.
 */
import { parseJsonText } from '../core/parse.js';
import { StoreIndexError } from './errors.js';
import { blobKey, entryNameProblem, releaseIdProblem } from './keys.js';
import type { ArtifactKind } from './kinds.js';
import { ARTIFACT_KINDS, isArtifactKind } from './kinds.js';

export const STORE_INDEX_FORMAT = 'chainwarden-store-index';
export const STORE_INDEX_VERSION = 1;

export interface LegalHold {
  readonly reason: string;
  readonly since: string;
  readonly by: string;
}

export interface StoreEntry {
  /** The original name (e.g. `dist/sbom/hotpass-like-sbom.json`), unique in the release. */
  readonly name: string;
  readonly kind: ArtifactKind;
  /** `sha256:<hex>`. */
  readonly digest: string;
  readonly size: number;
  /** The storage key of the bytes: always `blobs/sha256/<2>/<hex>` of the digest. */
  readonly blob: string;
  /** ISO 8601, seconds. */
  readonly created: string;
  /** created + the retention period; `retention prune` deletes the entry after this unless it is on hold. */
  readonly expires: string;
  readonly hold?: LegalHold;
}

export interface StoreIndex {
  readonly release: string;
  readonly entries: readonly StoreEntry[];
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/u;

function byName(a: StoreEntry, b: StoreEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function serializeIndex(index: StoreIndex): string {
  const entries = [...index.entries].sort(byName).map((e) => ({
    name: e.name,
    kind: e.kind,
    digest: e.digest,
    size: e.size,
    blob: e.blob,
    created: e.created,
    expires: e.expires,
    ...(e.hold !== undefined ? { hold: { reason: e.hold.reason, since: e.hold.since, by: e.hold.by } } : {}),
  }));
  return `${JSON.stringify({ format: STORE_INDEX_FORMAT, version: STORE_INDEX_VERSION, release: index.release, entries }, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses an index file's text; `file` is how messages name it, `release` the id its key says it holds. */
export function parseIndex(text: string, file: string, release: string): StoreIndex {
  const value = parseJsonText(text, file, (message, loc, cause) => new StoreIndexError(message, { file, ...loc }, { cause }));
  const bad = (path: string, message: string): never => {
    throw new StoreIndexError(message, { file, path });
  };
  if (!isRecord(value)) return bad('', 'expected a JSON object');
  if (value['format'] !== STORE_INDEX_FORMAT) bad('format', `expected "${STORE_INDEX_FORMAT}"`);
  if (value['version'] !== STORE_INDEX_VERSION) bad('version', `unsupported version ${JSON.stringify(value['version'])} (this chainwarden reads ${STORE_INDEX_VERSION})`);
  const id = value['release'];
  if (typeof id !== 'string' || releaseIdProblem(id) !== undefined) return bad('release', 'not a valid release id');
  if (id !== release) bad('release', `says ${JSON.stringify(id)} but the index file is that of ${JSON.stringify(release)}`);
  const list = value['entries'];
  if (!Array.isArray(list)) return bad('entries', 'expected a list');
  const seen = new Set<string>();
  const entries = (list as unknown[]).map((raw, i): StoreEntry => {
    const at = `entries[${i}]`;
    if (!isRecord(raw)) return bad(at, 'expected an object');
    const str = (key: string): string => {
      const v = raw[key];
      return typeof v === 'string' ? v : bad(`${at}.${key}`, 'expected a string');
    };
    const name = str('name');
    const nameProblem = entryNameProblem(name);
    if (nameProblem !== undefined) bad(`${at}.name`, `${JSON.stringify(name)} ${nameProblem}`);
    if (seen.has(name)) bad(`${at}.name`, `${JSON.stringify(name)} appears twice`);
    seen.add(name);
    const kind = str('kind');
    if (!isArtifactKind(kind)) bad(`${at}.kind`, `"${kind}" is not one of ${ARTIFACT_KINDS.join(', ')}`);
    const digest = str('digest');
    const expected = blobKey(digest);
    if (expected === undefined) bad(`${at}.digest`, `expected "sha256:" and 64 lowercase hex digits, got ${JSON.stringify(digest)}`);
    const blob = str('blob');
    if (blob !== expected) {
      bad(`${at}.blob`, /(^|\/)\.\.(\/|$)|^\/|\\/u.test(blob) || !blob.startsWith('blobs/') ? `${JSON.stringify(blob)} points outside the store's blobs (refused)` : `${JSON.stringify(blob)} is not the content address of ${digest} (expected ${expected ?? '?'})`);
    }
    const size = raw['size'];
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) bad(`${at}.size`, 'expected a whole number of bytes');
    const created = str('created');
    const expires = str('expires');
    if (!ISO.test(created)) bad(`${at}.created`, 'expected an ISO 8601 UTC time');
    if (!ISO.test(expires)) bad(`${at}.expires`, 'expected an ISO 8601 UTC time');
    let hold: LegalHold | undefined;
    if (raw['hold'] !== undefined) {
      const h = raw['hold'];
      if (!isRecord(h) || typeof h['reason'] !== 'string' || typeof h['since'] !== 'string' || typeof h['by'] !== 'string') return bad(`${at}.hold`, 'expected {reason, since, by} strings');
      hold = { reason: h['reason'], since: h['since'], by: h['by'] };
    }
    return { name, kind: kind as ArtifactKind, digest, size: size as number, blob, created, expires, ...(hold !== undefined ? { hold } : {}) };
  });
  return { release: id, entries: entries.sort(byName) };
}
