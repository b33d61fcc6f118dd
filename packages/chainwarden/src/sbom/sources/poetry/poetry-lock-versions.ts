/**
 * Poetry lockfile versions, as data. 1.x keeps file hashes in `[metadata.files]` and marks dev packages with
 * `category`; 2.0 (Poetry 1.3–1.8) moves `files` into each package (and Poetry 1.5+ drops `category`); 2.1
 * (Poetry 2) adds `groups` and per-group `markers`. Like Poetry, a newer minor version of a known major is read
 * with a warning; an unknown major is refused.
 */
export interface PoetryLockVersion {
  readonly filesInMetadata: boolean;
}

export const POETRY_LOCK_VERSIONS: Readonly<Record<string, PoetryLockVersion>> = {
  '1.0': { filesInMetadata: true },
  '1.1': { filesInMetadata: true },
  '2.0': { filesInMetadata: false },
  '2.1': { filesInMetadata: false },
};

export const SUPPORTED_POETRY_LOCK_VERSIONS = Object.keys(POETRY_LOCK_VERSIONS).join(', ');

/** The capabilities of a lock-version, or undefined when its major version is unknown. */
export function poetryLockVersion(version: string): { caps: PoetryLockVersion; newerMinor: boolean } | undefined {
  const known = POETRY_LOCK_VERSIONS[version];
  if (known !== undefined) return { caps: known, newerMinor: false };
  const major = /^(\d+)\.\d+$/.exec(version)?.[1];
  const latest = Object.keys(POETRY_LOCK_VERSIONS)
    .filter((v) => v.startsWith(`${major}.`))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
    .pop();
  if (major === undefined || latest === undefined || Number(version.split('.')[1]) < Number(latest.split('.')[1])) return undefined;
  return { caps: POETRY_LOCK_VERSIONS[latest] as PoetryLockVersion, newerMinor: true };
}
