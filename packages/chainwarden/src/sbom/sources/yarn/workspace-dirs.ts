/**
 * Yarn classic does not lock its workspaces: the members are the folders the root `workspaces` globs match
 * (`packages/*`, `apps/**`, `!packages/legacy`). Expands them against the lockfile's directory.
 */
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface WorkspaceDirs {
  /** Member folders relative to the lockfile's directory (POSIX, sorted), each holding a package.json. */
  readonly dirs: string[];
  /** Plain folder names (no wildcard) listed as workspaces whose package.json is absent. */
  readonly missing: string[];
  /** Wildcard globs that matched no folder with a package.json. */
  readonly unmatched: string[];
}

const MAX_DEPTH = 8;

export async function expandWorkspaces(baseDir: string, globs: readonly string[]): Promise<WorkspaceDirs> {
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => segmentsOf(g.slice(1)));
  const found = new Set<string>();
  const missing = new Set<string>();
  const unmatched: string[] = [];
  for (const glob of globs) {
    if (glob.startsWith('!')) continue;
    const segments = segmentsOf(glob);
    if (segments.length === 0 || segments.includes('..')) continue; // the root itself, or outside the project
    const matches = (await expand(baseDir, segments, [])).filter((dir) => !exclude.some((ex) => matchSegments(ex, dir.split('/'))));
    if (matches.length === 0) {
      if (segments.some((s) => /[*?[]/.test(s))) unmatched.push(glob);
      else missing.add(segments.join('/'));
    }
    for (const dir of matches) found.add(dir);
  }
  return { dirs: [...found].sort(), missing: [...missing].sort(), unmatched };
}

function segmentsOf(glob: string): string[] {
  return glob
    .trim()
    .replace(/^\.\//, '')
    .replace(/\/+$/, '')
    .split('/')
    .filter((s) => s !== '' && s !== '.');
}

/** Folders under `base` matching the remaining pattern segments that contain a package.json. */
async function expand(base: string, pattern: readonly string[], at: readonly string[]): Promise<string[]> {
  const here = join(base, ...at);
  if (pattern.length === 0) return (await hasManifest(here)) && at.length > 0 ? [at.join('/')] : [];
  if (at.length > MAX_DEPTH) return [];
  const [head, ...rest] = pattern as [string, ...string[]];
  if (head === '**') {
    const out = await expand(base, rest, at);
    for (const dir of await subdirs(here)) out.push(...(await expand(base, pattern, [...at, dir])));
    return out;
  }
  if (!/[*?[]/.test(head)) return expand(base, rest, [...at, head]);
  const re = segmentRegExp(head);
  const out: string[] = [];
  for (const dir of await subdirs(here)) if (re.test(dir)) out.push(...(await expand(base, rest, [...at, dir])));
  return out;
}

function matchSegments(pattern: readonly string[], path: readonly string[]): boolean {
  if (pattern.length === 0) return path.length === 0;
  const [head, ...rest] = pattern as [string, ...string[]];
  if (head === '**') return path.some((_, i) => matchSegments(rest, path.slice(i))) || matchSegments(rest, []);
  return path.length > 0 && segmentRegExp(head).test(path[0] as string) && matchSegments(rest, path.slice(1));
}

function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (const ch of segment) source += ch === '*' ? '[^/]*' : ch === '?' ? '[^/]' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${source}$`);
}

async function subdirs(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

async function hasManifest(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).includes('package.json');
  } catch {
    return false;
  }
}
