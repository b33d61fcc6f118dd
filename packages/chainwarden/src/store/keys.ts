/**
 * The store's key scheme: content-addressed blobs `blobs/sha256/<2 hex>/<64 hex>` and one index per release
 * `releases/<release id>.json` (a `/` in a release id, as in the git tag `release/1.0`, is written `%2F`).
 * Every key, release id and entry name is checked here so nothing can point outside the store root.
 */
import { StoreError } from './errors.js';

export const BLOB_PREFIX = 'blobs/';
export const INDEX_PREFIX = 'releases/';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._+@-]*$/u;
const HEX64 = /^[0-9a-f]{64}$/u;

/** Why a release id is unusable, or undefined when it is fine (git tags, commit shas, `run-20261125T061903Z`). */
export function releaseIdProblem(id: string): string | undefined {
  if (id.length === 0 || id.length > 200) return 'must be 1 to 200 characters';
  for (const segment of id.split('/')) {
    if (!SEGMENT.test(segment)) return 'may only hold letters, digits and . _ + @ - in /-separated parts that start with a letter or digit (no "..", no absolute paths)';
  }
  return undefined;
}

export function checkReleaseId(id: string): string {
  const problem = releaseIdProblem(id);
  if (problem !== undefined) throw new StoreError('STORE_INVALID', `release id ${JSON.stringify(id)} ${problem}: it would escape the store root`);
  return id;
}

export function indexKey(release: string): string {
  return `${INDEX_PREFIX}${checkReleaseId(release).replaceAll('/', '%2F')}.json`;
}

/** The release id of an index key, or undefined when the key is not an index. */
export function releaseOfIndexKey(key: string): string | undefined {
  if (!key.startsWith(INDEX_PREFIX) || !key.endsWith('.json')) return undefined;
  const encoded = key.slice(INDEX_PREFIX.length, -'.json'.length);
  if (encoded.includes('/')) return undefined;
  const id = encoded.replaceAll('%2F', '/');
  return releaseIdProblem(id) === undefined ? id : undefined;
}

/** `sha256:<hex>` -> its blob key; undefined for anything else. */
export function blobKey(digest: string): string | undefined {
  const hex = digest.startsWith('sha256:') ? digest.slice('sha256:'.length) : undefined;
  if (hex === undefined || !HEX64.test(hex)) return undefined;
  return `${BLOB_PREFIX}sha256/${hex.slice(0, 2)}/${hex}`;
}

/** The digest a blob key stands for, or undefined when the key is not a well-formed blob key. */
export function digestOfBlobKey(key: string): string | undefined {
  const m = /^blobs\/sha256\/([0-9a-f]{2})\/([0-9a-f]{64})$/u.exec(key);
  return m !== null && m[2]?.startsWith(m[1] ?? '') === true ? `sha256:${m[2]}` : undefined;
}

/**
 * Why an entry name is unusable (it becomes a path in `store get` and `store export`), or undefined: a relative
 * `/`-separated path, no empty, `.` or `..` part, no backslash or control character.
 */
export function entryNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 1024) return 'must be 1 to 1024 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/u.test(name)) return 'may not hold a backslash or a control character';
  if (name.startsWith('/') || /^[A-Za-z]:/u.test(name)) return 'must be a relative path';
  if (name.split('/').some((part) => part === '' || part === '.' || part === '..')) return 'may not hold an empty, "." or ".." part (it would point outside the release)';
  return undefined;
}

/** A storage key is safe: `/`-separated parts without empty, `.` or `..` parts, none hidden, no backslash. */
export function keyProblem(key: string): string | undefined {
  if (key.length === 0) return 'is empty';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/u.test(key) || key.startsWith('/')) return 'is not a relative /-separated key';
  if (key.split('/').some((part) => part === '' || part === '.' || part === '..' || part.startsWith('.'))) return 'escapes the store root';
  return undefined;
}
