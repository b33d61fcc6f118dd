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
/** Version 2 added `superseded`; version 1 indexes (without it) are still read. */
export const STORE_INDEX_VERSION = 2;
const READABLE_VERSIONS: readonly unknown[] = [1, 2];

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

/** An entry that `--replace` (or a re-run) replaced: kept until its own `expires`, so its blob stays referenced. */
export interface SupersededEntry extends StoreEntry {
  /** When it was replaced (ISO 8601, seconds). */
  readonly supersededAt: string;
  /** The digest of the content that replaced it. */
  readonly supersededBy: string;
}

export interface StoreIndex {
  readonly release: string;
  readonly entries: readonly StoreEntry[];
  /** Replaced entries, oldest first per name (absent = none). */
  readonly superseded?: readonly SupersededEntry[];
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/u;

function byName(a: StoreEntry, b: StoreEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function bySupersession(a: SupersededEntry, b: SupersededEntry): number {
  return byName(a, b) || (a.supersededAt < b.supersededAt ? -1 : a.supersededAt > b.supersededAt ? 1 : 0) || (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0);
}

function entryJson(e: StoreEntry): Record<string, unknown> {
  return {
    name: e.name,
    kind: e.kind,
    digest: e.digest,
    size: e.size,
    blob: e.blob,
    created: e.created,
    expires: e.expires,
    ...(e.hold !== undefined ? { hold: { reason: e.hold.reason, since: e.hold.since, by: e.hold.by } } : {}),
  };
}

export function serializeIndex(index: StoreIndex): string {
  const entries = [...index.entries].sort(byName).map(entryJson);
  const superseded = [...(index.superseded ?? [])].sort(bySupersession).map((e) => ({ ...entryJson(e), supersededAt: e.supersededAt, supersededBy: e.supersededBy }));
  return `${JSON.stringify({ format: STORE_INDEX_FORMAT, version: STORE_INDEX_VERSION, release: index.release, entries, superseded }, null, 2)}\n`;
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
  const version = value['version'];
  if (!READABLE_VERSIONS.includes(version)) bad('version', `unsupported version ${JSON.stringify(version)} (this chainwarden reads ${READABLE_VERSIONS.join(' and ')})`);
  const id = value['release'];
  if (typeof id !== 'string' || releaseIdProblem(id) !== undefined) return bad('release', 'not a valid release id');
  if (id !== release) bad('release', `says ${JSON.stringify(id)} but the index file is that of ${JSON.stringify(release)}`);
  const list = value['entries'];
  if (!Array.isArray(list)) return bad('entries', 'expected a list');
  const seen = new Set<string>();
  const parseEntry = (raw: unknown, at: string): StoreEntry => {
    if (!isRecord(raw)) return bad(at, 'expected an object');
    const str = (key: string): string => {
      const v = raw[key];
      return typeof v === 'string' ? v : bad(`${at}.${key}`, 'expected a string');
    };
    const name = str('name');
    const nameProblem = entryNameProblem(name);
    if (nameProblem !== undefined) bad(`${at}.name`, `${JSON.stringify(name)} ${nameProblem}`);
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
  };
  const entries = (list as unknown[]).map((raw, i): StoreEntry => {
    const entry = parseEntry(raw, `entries[${i}]`);
    if (seen.has(entry.name)) bad(`entries[${i}].name`, `${JSON.stringify(entry.name)} appears twice`);
    seen.add(entry.name);
    return entry;
  });
  const rawSuperseded = value['superseded'];
  if (version === 1 && rawSuperseded !== undefined) bad('superseded', 'version 1 indexes have no superseded entries');
  if (rawSuperseded !== undefined && !Array.isArray(rawSuperseded)) bad('superseded', 'expected a list');
  const superseded = ((rawSuperseded ?? []) as unknown[]).map((raw, i): SupersededEntry => {
    const at = `superseded[${i}]`;
    const entry = parseEntry(raw, at);
    const r = raw as Record<string, unknown>;
    const supersededAt = r['supersededAt'];
    const supersededBy = r['supersededBy'];
    if (typeof supersededAt !== 'string' || !ISO.test(supersededAt)) bad(`${at}.supersededAt`, 'expected an ISO 8601 UTC time');
    if (typeof supersededBy !== 'string' || blobKey(supersededBy) === undefined) bad(`${at}.supersededBy`, 'expected "sha256:" and 64 lowercase hex digits');
    return { ...entry, supersededAt: supersededAt as string, supersededBy: supersededBy as string };
  });
  return { release: id, entries: entries.sort(byName), superseded: superseded.sort(bySupersession) };
}
