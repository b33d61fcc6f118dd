import { posix } from 'node:path';

/** Normalises a lockfile-relative POSIX path: `packages/ui/../utils` → `packages/utils`, `` → `.`. */
export function normalizeRel(path: string): string {
  const normalized = posix.normalize(path.replace(/\\/g, '/'));
  return normalized.endsWith('/') && normalized !== '/' ? normalized.slice(0, -1) : normalized;
}

/** A `link:` target as seen from a directory (both relative to the lockfile). */
export function joinRel(fromDir: string, target: string): string {
  return normalizeRel(posix.join(fromDir, target));
}

/** A lockfile-relative path made relative to the project (`lockDir` is the lockfile's directory in the project). */
export function projectPath(lockDir: string, relToLock: string): string {
  return lockDir === '.' ? normalizeRel(relToLock) : joinRel(lockDir, relToLock);
}

/** True when a lockfile-relative path stays inside the lockfile's directory (safe to read a manifest from). */
export function staysInside(rel: string): boolean {
  return !posix.isAbsolute(rel) && rel !== '..' && !rel.startsWith('../') && !/^[A-Za-z]:/.test(rel);
}
