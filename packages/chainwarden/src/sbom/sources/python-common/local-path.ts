import { posix } from 'node:path';

/**
 * A local package path as the lockfile records it (relative to the lockfile's directory, possibly a `file://` URL or
 * using pdm's `${PROJECT_ROOT}`), made relative to the project directory with POSIX separators. Absolute paths
 * outside the project are reduced to a path relative to it; never an absolute path.
 */
export function projectRelativePath(recorded: string, lockDirRel: string, projectDirAbs: string): string {
  let path = recorded.trim().replace(/\\/g, '/');
  path = path.replace(/^file:(\/\/)?/, '');
  path = path.replace(/^\/?\$\{PROJECT_ROOT\}/, '.');
  path = path.replace(/#.*$/, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    /* keep as recorded */
  }
  const project = projectDirAbs.replace(/\\/g, '/');
  if (posix.isAbsolute(path) || /^[A-Za-z]:\//.test(path)) {
    const rel = posix.relative(project, path);
    return rel === '' ? '.' : rel;
  }
  const joined = posix.normalize(posix.join(lockDirRel === '' ? '.' : lockDirRel, path));
  return joined === '' ? '.' : joined.replace(/\/$/, '');
}
