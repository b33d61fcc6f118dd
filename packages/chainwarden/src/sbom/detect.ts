import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceEntry } from './sources/index.js';
import { sourceForFile } from './sources/index.js';

/** Directories never searched for lockfiles: installed packages, VCS metadata, build output, virtualenvs. */
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '__pypackages__', 'site-packages', 'dist', 'build', '.tox', '.nox', 'bower_components', '.next', '.cache', 'target', '.yarn', '.pnpm-store']);

/** Python lockfiles that pin a complete resolution; requirements files beside one of them are exports of it. */
const PYTHON_LOCKS = new Set(['uv', 'poetry', 'pdm', 'pipenv']);

export interface DetectedLockfile {
  /** POSIX path relative to the project directory. */
  readonly path: string;
  readonly entry: SourceEntry;
}

export interface Detection {
  readonly lockfiles: DetectedLockfile[];
  readonly notes: string[];
}

/**
 * Finds every supported lockfile under the project (workspace members included), shallowest first, then by path.
 * A requirements file that sits beside a real Python lockfile is skipped (and said so): the lock is the truth.
 */
export async function detectLockfiles(projectDir: string, exclude: readonly RegExp[] = [], maxDepth = 8): Promise<Detection> {
  const found: DetectedLockfile[] = [];
  const notes: string[] = [];
  const walk = async (rel: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(projectDir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    const dirs: string[] = [];
    for (const entry of entries) {
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (exclude.some((re) => re.test(relPath))) continue;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !(entry.name.startsWith('.') && entry.name !== '.')) dirs.push(relPath);
      } else if (entry.isFile()) {
        const source = sourceForFile(entry.name, relPath);
        if (source !== undefined) found.push({ path: relPath, entry: source });
      }
    }
    if (depth < maxDepth) for (const dir of dirs.sort()) await walk(dir, depth + 1);
  };
  await walk('', 0);

  const dirOf = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
  const pythonLockDirs = new Set(found.filter((f) => PYTHON_LOCKS.has(f.entry.id)).map((f) => dirOf(f.path)));
  const kept = found.filter((f) => {
    if (f.entry.id !== 'requirements') return true;
    const dir = dirOf(f.path);
    const parent = f.path.includes('requirements/') ? dirOf(dir) : dir;
    if (pythonLockDirs.has(dir) || pythonLockDirs.has(parent)) {
      notes.push(`${f.path}: skipped, a Python lockfile in the same project is used instead (pass --lockfile to include it)`);
      return false;
    }
    return true;
  });
  const depthOf = (p: string): number => p.split('/').length;
  kept.sort((a, b) => depthOf(a.path) - depthOf(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { lockfiles: kept, notes };
}
