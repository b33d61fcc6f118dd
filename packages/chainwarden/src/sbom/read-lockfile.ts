import { readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { IoError, UsageError } from '../core/errors.js';
import type { LockfileResult } from './model.js';
import type { SourceEntry } from './sources/index.js';
import { sourceForFile, supportedFormatsText } from './sources/index.js';

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** Reads and parses one lockfile with the source registered for its name (or the one given). */
export async function readLockfile(projectDir: string, lockfilePath: string, entry?: SourceEntry): Promise<LockfileResult> {
  const absProject = resolve(projectDir);
  const absLock = resolve(absProject, lockfilePath);
  const rel = toPosix(relative(absProject, absLock)) || basename(absLock);
  const chosen = entry ?? sourceForFile(basename(absLock), rel);
  if (chosen === undefined) {
    throw new UsageError(`${rel}: not a supported lockfile (supported: ${supportedFormatsText()})`);
  }
  let content: string;
  try {
    content = await readFile(absLock, 'utf8');
  } catch (error) {
    throw new IoError(`${rel}: cannot read lockfile (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  const source = await chosen.load();
  const lockDir = dirname(absLock);
  return source.parse({
    projectDir: absProject,
    lockfilePath: absLock,
    lockfileRel: rel,
    content,
    readSibling: async (relPath: string) => {
      try {
        return await readFile(join(lockDir, relPath), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
        throw new IoError(`${toPosix(relative(absProject, join(lockDir, relPath)))}: cannot read (${String(error)})`, { cause: error });
      }
    },
  });
}
