import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { minimatch } from 'minimatch';
import { isRecord } from '../../core/parse.js';
import { normalizePypiName } from '../../core/purl.js';
import type { DirectDependency } from '../matrix/inventory.js';
import type { DepFacts } from './dep-facts.js';
import type { StructuredFile } from './structured-file.js';
import { isFinding, parseStructured } from './structured-file.js';
import type { ConfigFinding, Coverage, CoverageStatus, UpdateTool, UpdateToolConfig } from './update-tool.js';

export const DEPENDABOT_CONFIG_FILES = ['.github/dependabot.yml', '.github/dependabot.yaml'] as const;

/** The package-ecosystem values that update each lockfile format: full coverage first, then partial ones. */
const ECOSYSTEMS_OF_FORMAT: Readonly<Record<string, { readonly full: readonly string[]; readonly partial?: Readonly<Record<string, string>> }>> = {
  uv: { full: ['uv'], partial: { pip: 'package-ecosystem pip updates pyproject.toml but not uv.lock; use uv' } },
  poetry: { full: ['pip'] },
  pdm: { full: ['pip'] },
  pipenv: { full: ['pip'] },
  requirements: { full: ['pip'] },
  npm: { full: ['npm'] },
  pnpm: { full: ['npm'] },
  yarn: { full: ['npm'] },
};

interface UpdateEntry {
  readonly index: number;
  readonly line?: number;
  readonly ecosystem: string;
  readonly directories: readonly string[];
  readonly excludePaths: readonly string[];
  readonly ignore: readonly { readonly name: string; readonly partial: boolean; readonly index: number }[];
  readonly allow?: readonly { readonly name?: string; readonly type?: string }[];
  readonly versionUpdatesOff: boolean;
}

export const dependabotTool: UpdateTool = {
  id: 'dependabot',
  async load(projectDir) {
    const notes: string[] = [];
    const found: { file: string; text: string }[] = [];
    for (const file of DEPENDABOT_CONFIG_FILES) {
      const text = await readFile(join(projectDir, file), 'utf8').catch(() => undefined);
      if (text !== undefined) found.push({ file, text });
    }
    const chosen = found[0];
    if (chosen === undefined) return { findings: [], notes };
    if (found.length > 1) notes.push(`${found[1]?.file ?? ''}: a second Dependabot config; GitHub reads only one`);
    const parsed = await parseStructured(chosen.text, chosen.file, 'yaml', 'dependabot');
    if (isFinding(parsed)) return { findings: [parsed], notes };
    const findings: ConfigFinding[] = [];
    const entries = readEntries(parsed, chosen.file, findings);
    return { ...(entries !== undefined ? { config: dependabotConfig(chosen.file, entries) } : {}), findings, notes };
  },
};

function readEntries(parsed: StructuredFile, file: string, findings: ConfigFinding[]): UpdateEntry[] | undefined {
  const at = (path: (string | number)[], message: string): void => {
    const line = parsed.lineOf(path);
    findings.push({ tool: 'dependabot', file, ...(line !== undefined ? { line } : {}), message });
  };
  const doc = parsed.value;
  if (!isRecord(doc)) {
    at([], 'expected a mapping with version and updates');
    return undefined;
  }
  if (doc['version'] !== 2) at(['version'], `version: expected 2, got ${JSON.stringify(doc['version'] ?? null)}`);
  const updates = doc['updates'];
  if (!Array.isArray(updates)) {
    at(['updates'], 'updates: expected a list');
    return undefined;
  }
  const entries: UpdateEntry[] = [];
  updates.forEach((u: unknown, index) => {
    if (!isRecord(u)) return at(['updates', index], `updates[${index}]: expected a mapping`);
    const ecosystem = u['package-ecosystem'];
    if (typeof ecosystem !== 'string') return at(['updates', index], `updates[${index}]: package-ecosystem is missing`);
    const directories = [u['directory'], ...(Array.isArray(u['directories']) ? (u['directories'] as unknown[]) : [])].filter((d): d is string => typeof d === 'string');
    if (directories.length === 0) return at(['updates', index], `updates[${index}]: directory or directories is missing`);
    const ignore: UpdateEntry['ignore'][number][] = [];
    if (u['ignore'] !== undefined && !Array.isArray(u['ignore'])) at(['updates', index, 'ignore'], `updates[${index}].ignore: expected a list`);
    (Array.isArray(u['ignore']) ? (u['ignore'] as unknown[]) : []).forEach((i, n) => {
      if (!isRecord(i) || typeof i['dependency-name'] !== 'string') return at(['updates', index, 'ignore', n], `updates[${index}].ignore[${n}]: dependency-name is missing`);
      ignore.push({ name: i['dependency-name'], partial: i['versions'] !== undefined || i['update-types'] !== undefined, index: n });
    });
    let allow: { name?: string; type?: string }[] | undefined;
    if (Array.isArray(u['allow'])) {
      allow = (u['allow'] as unknown[]).filter(isRecord).map((a) => ({
        ...(typeof a['dependency-name'] === 'string' ? { name: a['dependency-name'] } : {}),
        ...(typeof a['dependency-type'] === 'string' ? { type: a['dependency-type'] } : {}),
      }));
    }
    const excludePaths = Array.isArray(u['exclude-paths']) ? (u['exclude-paths'] as unknown[]).filter((p): p is string => typeof p === 'string') : [];
    const line = parsed.lineOf(['updates', index]);
    entries.push({
      index,
      ...(line !== undefined ? { line } : {}),
      ecosystem,
      directories: directories.map(normalizeDirectory),
      excludePaths,
      ignore,
      ...(allow !== undefined ? { allow } : {}),
      versionUpdatesOff: u['open-pull-requests-limit'] === 0,
    });
  });
  return entries;
}

function normalizeDirectory(dir: string): string {
  const clean = `/${dir.replace(/^\.?\/+/, '').replace(/\/+$/, '')}`;
  return clean === '/.' ? '/' : clean;
}

/** Dependabot's dependency-name wildcard: `*` is any run of characters; names compare case-insensitively. */
function nameMatches(pattern: string, dep: DirectDependency): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(dep.name) || (dep.ecosystem === 'pypi' && re.test(normalizePypiName(dep.name)));
}

const DEPENDENCY_TYPES: Readonly<Record<string, (facts: DepFacts) => boolean>> = {
  direct: () => true,
  all: () => true,
  indirect: () => false,
  production: (f) => !f.development,
  development: (f) => f.development,
};

const RANK: Readonly<Record<CoverageStatus, number>> = { covered: 3, partial: 2, ignored: 1, 'not-covered': 0 };

function dependabotConfig(file: string, entries: readonly UpdateEntry[]): UpdateToolConfig {
  return {
    tool: 'dependabot',
    file,
    coverage(dep, facts) {
      const manifestDir = normalizeDirectory(posix.dirname(dep.manifest));
      const formats = ECOSYSTEMS_OF_FORMAT[dep.format];
      let best: Coverage = { tool: 'dependabot', status: 'not-covered', reason: `no updates entry for ${formats?.full.join('/') ?? dep.format} in ${manifestDir}`, file };
      for (const entry of entries) {
        const where = `updates[${entry.index}]${entry.line !== undefined ? ` (line ${entry.line})` : ''}`;
        const partialEcosystem = formats?.partial?.[entry.ecosystem];
        if (formats === undefined || (!formats.full.includes(entry.ecosystem) && partialEcosystem === undefined)) continue;
        if (!entry.directories.some((d) => directoryCovers(d, manifestDir, entry.ecosystem))) continue;
        const candidate = entryCoverage(entry, where, dep, facts, file, partialEcosystem);
        if (RANK[candidate.status] > RANK[best.status] || best.status === 'not-covered') best = candidate;
      }
      return best;
    },
  };
}

function directoryCovers(pattern: string, manifestDir: string, ecosystem: string): boolean {
  const dirs = [manifestDir];
  // pip reads requirements files in a requirements/ folder below the configured directory too.
  if (ecosystem === 'pip' && manifestDir.endsWith('/requirements')) dirs.push(normalizeDirectory(posix.dirname(manifestDir)));
  return dirs.some((d) => d === pattern || minimatch(d, pattern, { dot: true }));
}

function entryCoverage(entry: UpdateEntry, where: string, dep: DirectDependency, facts: DepFacts, file: string, partialEcosystem: string | undefined): Coverage {
  const result = (status: CoverageStatus, reason: string): Coverage => ({ tool: 'dependabot', status, reason, file });
  const excluded = entry.excludePaths.find((p) => minimatch(dep.manifest, p, { dot: true }) || minimatch(dep.lockfile, p, { dot: true }));
  if (excluded !== undefined) return result('ignored', `${where} exclude-paths "${excluded}"`);
  if (entry.allow !== undefined && !entry.allow.some((a) => (a.name === undefined || nameMatches(a.name, dep)) && (a.type === undefined || DEPENDENCY_TYPES[a.type]?.(facts) === true))) {
    return result('ignored', `${where} allow does not include it`);
  }
  const full = entry.ignore.find((i) => !i.partial && nameMatches(i.name, dep));
  if (full !== undefined) return result('ignored', `${where} ignore[${full.index}] "${full.name}"`);
  const partial = entry.ignore.find((i) => i.partial && nameMatches(i.name, dep));
  if (partial !== undefined) return result('partial', `${where} ignore[${partial.index}] "${partial.name}" (some versions or update types)`);
  if (partialEcosystem !== undefined) return result('partial', `${where}: ${partialEcosystem}`);
  if (entry.versionUpdatesOff) return result('partial', `${where} open-pull-requests-limit: 0 (security updates only)`);
  return result('covered', `${where} (${entry.ecosystem}, ${entry.directories.join(', ')})`);
}
