import type { SbomSource } from '../source.js';

/**
 * The one registry of lockfile formats. Each entry loads its implementation lazily so that a command pays
 * only for the formats a project actually uses. Add a format: a folder under sources/ and one line here.
 */
export interface SourceEntry {
  readonly id: string;
  readonly label: string;
  /** Basename patterns (exact names or RegExps) and, for some formats, a directory condition. */
  readonly matches: (fileName: string, relPath: string) => boolean;
  readonly load: () => Promise<SbomSource>;
}

export const SOURCES: readonly SourceEntry[] = [
  { id: 'uv', label: 'uv.lock', matches: (f) => f === 'uv.lock', load: async () => (await import('./uv/uv-lock-source.js')).UvLockSource },
  { id: 'poetry', label: 'poetry.lock', matches: (f) => f === 'poetry.lock', load: async () => (await import('./poetry/poetry-lock-source.js')).PoetryLockSource },
  { id: 'pdm', label: 'pdm.lock', matches: (f) => f === 'pdm.lock', load: async () => (await import('./pdm/pdm-lock-source.js')).PdmLockSource },
  { id: 'pipenv', label: 'Pipfile.lock', matches: (f) => f === 'Pipfile.lock', load: async () => (await import('./pipenv/pipfile-lock-source.js')).PipfileLockSource },
  {
    id: 'requirements',
    label: 'requirements*.txt, requirements/*.txt',
    matches: (f, rel) => /^requirements.*\.txt$/.test(f) || (/(^|\/)requirements\/[^/]+\.txt$/.test(rel) && f.endsWith('.txt')),
    load: async () => (await import('./requirements/requirements-source.js')).RequirementsSource,
  },
  {
    id: 'npm',
    label: 'package-lock.json, npm-shrinkwrap.json',
    matches: (f) => f === 'package-lock.json' || f === 'npm-shrinkwrap.json',
    load: async () => (await import('./npm/package-lock-source.js')).PackageLockSource,
  },
  { id: 'pnpm', label: 'pnpm-lock.yaml', matches: (f) => f === 'pnpm-lock.yaml', load: async () => (await import('./pnpm/pnpm-lock-source.js')).PnpmLockSource },
  { id: 'yarn', label: 'yarn.lock (classic v1 and berry)', matches: (f) => f === 'yarn.lock', load: async () => (await import('./yarn/yarn-lock-source.js')).YarnLockSource },
];

export function sourceForFile(fileName: string, relPath: string): SourceEntry | undefined {
  return SOURCES.find((entry) => entry.matches(fileName, relPath));
}

export function supportedFormatsText(): string {
  return SOURCES.map((s) => s.label).join(', ');
}
