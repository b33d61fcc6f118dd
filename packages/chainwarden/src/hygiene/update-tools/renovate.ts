import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyPath } from '../../core/parse.js';
import { isRecord } from '../../core/parse.js';
import { normalizePypiName } from '../../core/purl.js';
import type { DirectDependency } from '../matrix/inventory.js';
import type { DepFacts } from './dep-facts.js';
import { COSMETIC_PRESET, RENOVATE_DEFAULT_IGNORE_PATHS, RENOVATE_MANAGER_OF_FORMAT, RENOVATE_MANAGERS, RENOVATE_PRESETS } from './renovate-managers.js';
import type { RenovateManager } from './renovate-managers.js';
import { matchesList, matchesPattern, safeRegExp } from './string-match.js';
import type { StructuredFile, StructuredKind } from './structured-file.js';
import { isFinding, parseStructured } from './structured-file.js';
import type { ConfigFinding, Coverage, UpdateTool, UpdateToolConfig, UpdateToolLoad } from './update-tool.js';

/** Where Renovate looks for its repository config, in its order (the first found is used). */
export const RENOVATE_CONFIG_FILES: readonly (readonly [string, StructuredKind])[] = [
  ['renovate.json', 'json'],
  ['renovate.json5', 'json5'],
  ['.github/renovate.json', 'json'],
  ['.github/renovate.json5', 'json5'],
  ['.gitlab/renovate.json', 'json'],
  ['.gitlab/renovate.json5', 'json5'],
  ['.renovaterc', 'json'],
  ['.renovaterc.json', 'json'],
  ['.renovaterc.json5', 'json5'],
  ['package.json', 'json'],
];

/** Matchers chainwarden evaluates; a rule with any other `match*` key applies to some updates only. */
const EVALUATED = new Set([
  'matchPackageNames',
  'matchDepNames',
  'matchPackagePatterns',
  'matchPackagePrefixes',
  'excludePackageNames',
  'excludePackagePatterns',
  'excludePackagePrefixes',
  'excludeDepNames',
  'matchManagers',
  'matchDepTypes',
  'matchDatasources',
  'matchCategories',
  'matchFileNames',
  'matchPaths',
]);

interface Rule {
  readonly index: number;
  readonly rule: Record<string, unknown>;
  readonly partial: readonly string[];
}

interface Settings {
  enabled: boolean;
  enabledBy: string;
  enabledManagers?: readonly string[];
  ignoreDeps: readonly string[];
  ignorePaths: readonly string[];
  includePaths?: readonly string[];
  rules: readonly Rule[];
  managers: Record<string, { enabled?: boolean; patterns: ((path: string) => boolean)[] }>;
}

export const renovateTool: UpdateTool = {
  id: 'renovate',
  async load(projectDir) {
    const findings: ConfigFinding[] = [];
    const notes: string[] = [];
    const found: { file: string; kind: StructuredKind; text: string }[] = [];
    for (const [file, kind] of RENOVATE_CONFIG_FILES) {
      const text = await readFile(join(projectDir, file), 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      if (file === 'package.json' && !/"renovate"\s*:/.test(text)) continue;
      found.push({ file, kind, text });
    }
    const chosen = found[0];
    if (chosen === undefined) return { findings, notes };
    for (const other of found.slice(1)) notes.push(`${other.file}: Renovate uses ${chosen.file} (the first config it finds) and ignores this one`);
    let parsed = await parseStructured(chosen.text, chosen.file, chosen.kind, 'renovate');
    if (isFinding(parsed) && chosen.kind === 'json') {
      // Renovate falls back to JSON5 for .json files that are not strict JSON (and warns).
      const lenient = await parseStructured(chosen.text, chosen.file, 'json5', 'renovate');
      if (!isFinding(lenient)) {
        notes.push(`${chosen.file}: not strict JSON (${parsed.message}); Renovate reads it as JSON5`);
        parsed = lenient;
      }
    }
    if (isFinding(parsed)) return { findings: [parsed], notes };
    const root = chosen.file === 'package.json' && isRecord(parsed.value) ? parsed.value['renovate'] : parsed.value;
    const prefix = chosen.file === 'package.json' ? ['renovate'] : [];
    if (!isRecord(root)) {
      return { findings: [{ tool: 'renovate', file: chosen.file, ...line(parsed, prefix), message: `${prefix.length > 0 ? 'renovate' : 'the config'} must be a JSON object` }], notes };
    }
    const settings = readSettings(root, { file: chosen.file, parsed, prefix, findings, notes });
    return { config: renovateConfig(chosen.file, settings), findings, notes } satisfies UpdateToolLoad;
  },
};

function line(parsed: StructuredFile, path: readonly (string | number)[]): { line?: number } {
  const n = parsed.lineOf(path);
  return n !== undefined ? { line: n } : {};
}

interface ReadContext {
  readonly file: string;
  readonly parsed: StructuredFile;
  readonly prefix: readonly (string | number)[];
  readonly findings: ConfigFinding[];
  readonly notes: string[];
}

function stringList(config: Record<string, unknown>, key: string, ctx: ReadContext, at: readonly (string | number)[] = []): string[] | undefined {
  const value = config[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  ctx.findings.push({ tool: 'renovate', file: ctx.file, ...line(ctx.parsed, [...ctx.prefix, ...at, key]), message: `${keyPath(...at, key)}: expected a list of strings; ignored` });
  return undefined;
}

function readSettings(config: Record<string, unknown>, ctx: ReadContext): Settings {
  let enabled = config['enabled'] !== false;
  let enabledBy = config['enabled'] === false ? 'enabled: false' : '';
  const ignorePaths = [...(stringList(config, 'ignorePaths', ctx) ?? RENOVATE_DEFAULT_IGNORE_PATHS)];
  for (const preset of stringList(config, 'extends', ctx) ?? []) {
    const known = RENOVATE_PRESETS[preset.replace(/\(.*\)$/, '')];
    if (known !== undefined) {
      if (config['ignorePaths'] === undefined) ignorePaths.push(...(known.ignorePaths ?? []));
      if (known.enabled === false && config['enabled'] === undefined) {
        enabled = false;
        enabledBy = `extends ${preset}`;
      }
    } else if (!COSMETIC_PRESET.test(preset)) {
      ctx.notes.push(`${ctx.file}: preset "${preset}" cannot be resolved offline; its rules are not applied`);
    }
  }
  const rules: Rule[] = [];
  const packageRules = config['packageRules'];
  if (packageRules !== undefined && !Array.isArray(packageRules)) {
    ctx.findings.push({ tool: 'renovate', file: ctx.file, ...line(ctx.parsed, [...ctx.prefix, 'packageRules']), message: 'packageRules: expected a list of rules; ignored' });
  } else if (Array.isArray(packageRules)) {
    packageRules.forEach((rule: unknown, index) => {
      if (!isRecord(rule)) {
        ctx.findings.push({ tool: 'renovate', file: ctx.file, ...line(ctx.parsed, [...ctx.prefix, 'packageRules', index]), message: `packageRules[${index}]: expected an object; ignored` });
        return;
      }
      for (const key of Object.keys(rule)) if (EVALUATED.has(key)) stringList(rule, key, ctx, ['packageRules', index]);
      rules.push({ index, rule, partial: Object.keys(rule).filter((k) => /^(match|exclude)[A-Z]/.test(k) && !EVALUATED.has(k)).sort() });
    });
  }
  const managers: Settings['managers'] = {};
  for (const [name, manager] of Object.entries(RENOVATE_MANAGERS)) {
    const section = config[name];
    const patterns: ((path: string) => boolean)[] = manager.defaultFilePatterns.map((re) => (p: string) => re.test(p));
    let managerEnabled: boolean | undefined;
    if (isRecord(section)) {
      if (typeof section['enabled'] === 'boolean') managerEnabled = section['enabled'];
      for (const source of stringList(section, 'fileMatch', ctx, [name]) ?? []) {
        const re = safeRegExp(source);
        if (re !== undefined) patterns.push((p) => re.test(p));
      }
      for (const pattern of stringList(section, 'managerFilePatterns', ctx, [name]) ?? []) patterns.push((p) => matchesPattern(p, pattern));
    }
    managers[name] = { ...(managerEnabled !== undefined ? { enabled: managerEnabled } : {}), patterns };
  }
  const enabledManagers = stringList(config, 'enabledManagers', ctx);
  const includePaths = stringList(config, 'includePaths', ctx);
  return {
    enabled,
    enabledBy,
    ...(enabledManagers !== undefined ? { enabledManagers } : {}),
    ignoreDeps: stringList(config, 'ignoreDeps', ctx) ?? [],
    ignorePaths,
    ...(includePaths !== undefined ? { includePaths } : {}),
    rules,
    managers,
  };
}

/** Renovate's ignorePaths/includePaths: a substring of the path, or a glob. */
const pathMatches = (path: string, pattern: string): boolean => path.includes(pattern) || matchesPattern(path, pattern);

function nameVariants(dep: DirectDependency): string[] {
  return dep.ecosystem === 'pypi' ? [...new Set([dep.name, normalizePypiName(dep.name)])] : [dep.name];
}

function renovateConfig(file: string, s: Settings): UpdateToolConfig {
  const result = (status: Coverage['status'], reason: string): Coverage => ({ tool: 'renovate', status, reason, file });
  return {
    tool: 'renovate',
    file,
    coverage(dep, facts) {
      if (!s.enabled) return result('ignored', `Renovate is disabled (${s.enabledBy})`);
      const managerName = RENOVATE_MANAGER_OF_FORMAT[dep.format];
      const manager = managerName !== undefined ? RENOVATE_MANAGERS[managerName] : undefined;
      if (manager === undefined) return result('not-covered', `no Renovate manager for ${dep.format} lockfiles`);
      if (s.enabledManagers !== undefined && !s.enabledManagers.includes(manager.name)) return result('not-covered', `enabledManagers does not include ${manager.name}`);
      const m = s.managers[manager.name];
      if (m?.enabled === false) return result('ignored', `${manager.name}.enabled: false`);
      if (!(m?.patterns ?? []).some((p) => p(dep.manifest))) return result('not-covered', `${manager.name} does not read ${dep.manifest} (add it to ${manager.name}.managerFilePatterns)`);
      const ignoredPath = s.ignorePaths.find((p) => pathMatches(dep.manifest, p));
      if (ignoredPath !== undefined) return result('ignored', `ignorePaths "${ignoredPath}"`);
      if (s.includePaths !== undefined && !s.includePaths.some((p) => pathMatches(dep.manifest, p))) return result('not-covered', `includePaths does not include ${dep.manifest}`);
      const names = nameVariants(dep);
      const ignoredDep = s.ignoreDeps.find((p) => names.some((n) => matchesPattern(n, p)));
      if (ignoredDep !== undefined) return result('ignored', `ignoreDeps "${ignoredDep}"`);
      let state: { enabled: boolean; partial: readonly string[]; index: number } | undefined;
      for (const rule of s.rules) {
        if (typeof rule.rule['enabled'] !== 'boolean' || !ruleMatches(rule.rule, dep, facts, manager, names)) continue;
        if (rule.partial.length > 0 && rule.rule['enabled'] === false) {
          if (state === undefined || state.enabled) state = { enabled: true, partial: rule.partial, index: rule.index };
        } else state = { enabled: rule.rule['enabled'], partial: rule.partial, index: rule.index };
      }
      if (state !== undefined && !state.enabled) return result('ignored', `packageRules[${state.index}] enabled: false`);
      if (state !== undefined && state.partial.length > 0) return result('partial', `packageRules[${state.index}] enabled: false for some updates (${state.partial.join(', ')})`);
      return result('covered', `${manager.name} on ${dep.manifest}`);
    },
  };
}

function list(rule: Record<string, unknown>, key: string): string[] | undefined {
  const v = rule[key];
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/** Every matcher a rule sets must match (AND); within one matcher, any entry (OR). */
function ruleMatches(rule: Record<string, unknown>, dep: DirectDependency, facts: DepFacts, manager: RenovateManager, names: readonly string[]): boolean {
  const any = (key: string, test: (pattern: string) => boolean): boolean => {
    const patterns = list(rule, key);
    return patterns === undefined || patterns.some(test);
  };
  const none = (key: string, test: (pattern: string) => boolean): boolean => {
    const patterns = list(rule, key);
    return patterns === undefined || !patterns.some(test);
  };
  const names1 = (key: string): boolean => {
    const patterns = list(rule, key);
    return patterns === undefined || names.some((n) => matchesList(n, patterns));
  };
  const regex = (p: string): ((n: string) => boolean) => {
    const re = p === '*' ? /.*/ : safeRegExp(p);
    return (n) => re?.test(n) === true;
  };
  return (
    names1('matchPackageNames') &&
    names1('matchDepNames') &&
    any('matchPackagePatterns', (p) => names.some(regex(p))) &&
    any('matchPackagePrefixes', (p) => names.some((n) => n.startsWith(p))) &&
    none('excludePackageNames', (p) => names.includes(p)) &&
    none('excludeDepNames', (p) => names.includes(p)) &&
    none('excludePackagePatterns', (p) => names.some(regex(p))) &&
    none('excludePackagePrefixes', (p) => names.some((n) => n.startsWith(p))) &&
    any('matchManagers', (p) => matchesPattern(manager.name, p)) &&
    any('matchDepTypes', (p) => facts.depType !== undefined && matchesPattern(facts.depType, p)) &&
    any('matchDatasources', (p) => matchesPattern(manager.datasource, p)) &&
    any('matchCategories', (p) => p === manager.category) &&
    any('matchFileNames', (p) => [dep.manifest, dep.lockfile].some((f) => f === p || matchesPattern(f, p))) &&
    any('matchPaths', (p) => [dep.manifest, dep.lockfile].some((f) => f.includes(p) || matchesPattern(f, p)))
  );
}
