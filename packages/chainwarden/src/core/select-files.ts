import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from './errors.js';
import { globToExactRegExp, isGlob } from './glob.js';

/** Directories a glob never descends into (VCS metadata, installed packages). */
const SKIP_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules']);

export interface SelectFilesOptions {
  /** Directory that patterns and returned names are relative to. */
  readonly baseDir: string;
  /** File paths or glob patterns (`*`, `**`, `?`), relative to baseDir or absolute. */
  readonly patterns: readonly string[];
  /** A glob matching nothing is not an error (a named file that is missing still is). */
  readonly allowEmpty?: boolean;
  /** Absolute paths never selected (e.g. the output file itself). */
  readonly exclude?: readonly string[];
}

export interface SelectedFile {
  /** POSIX path relative to baseDir (may start with `../` for a file named outside it). */
  readonly name: string;
  readonly path: string;
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

async function walk(root: string, rel: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(root, rel), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) await walk(root, child, out);
    } else if (entry.isFile()) out.push(child);
  }
}

/** The directory part of a glob before its first wildcard segment. */
function staticPrefix(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isGlob(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/');
}

/**
 * Resolves file names and globs to regular files: sorted by name, unique. A named file that does not exist, or a glob
 * matching nothing (unless allowEmpty), is an InputError naming the pattern.
 */
export async function selectFiles(options: SelectFilesOptions): Promise<SelectedFile[]> {
  const baseDir = resolve(options.baseDir);
  const exclude = new Set((options.exclude ?? []).map((p) => resolve(p)));
  const found = new Map<string, SelectedFile>();
  const add = (path: string): void => {
    if (exclude.has(path)) return;
    const name = toPosix(relative(baseDir, path));
    found.set(name, { name, path });
  };
  for (const pattern of options.patterns) {
    const posix = pattern.replace(/\\/g, '/');
    if (!isGlob(posix)) {
      const path = resolve(baseDir, pattern);
      const info = await stat(path).catch(() => undefined);
      if (info === undefined) throw new InputError('no such file', { file: pattern });
      if (!info.isFile()) throw new InputError('not a regular file', { file: pattern });
      add(path);
      continue;
    }
    const absolute = isAbsolute(posix);
    const prefix = staticPrefix(posix);
    const root = absolute ? prefix || '/' : resolve(baseDir, prefix);
    const matcher = globToExactRegExp(prefix === '' ? posix : posix.slice(prefix.length + 1));
    const files: string[] = [];
    await walk(root, '', files);
    const matched = files.filter((f) => matcher.test(f));
    if (matched.length === 0 && options.allowEmpty !== true) throw new InputError('no file matches this pattern', { file: pattern });
    for (const f of matched) add(join(root, f));
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
