import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Repository root (tests run from packages/chainwarden/dist/test/...). */
export const REPO_ROOT = resolve(here, '../../../../..');

/** `../shared` beside the repository: real data nobody on the team wrote. Tests fail (never skip) without it. */
export const SHARED = resolve(REPO_ROOT, '../shared');

export function shared(...segments: string[]): string {
  if (!existsSync(SHARED)) {
    throw new Error(`../shared is missing (looked in ${SHARED}); the tests read real data from it`);
  }
  return join(SHARED, ...segments);
}

export function corpus(...segments: string[]): string {
  return shared('corpus', 'lockfiles', ...segments);
}

/** A fresh temporary directory, removed by the returned cleanup function. */
export function tempDir(prefix = 'chainwarden-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The CLI entry point, for tests that run chainwarden as a user would. */
export const CLI = join(REPO_ROOT, 'packages/chainwarden/bin/chainwarden.js');
