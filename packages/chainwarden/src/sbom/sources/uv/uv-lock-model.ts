import { LockfileError } from '../../../core/errors.js';
import { isRecord, keyPath, lineOf } from '../../../core/parse.js';
import { normalizePypiName } from '../../../core/purl.js';
import type { PackageSource } from '../../model.js';

/** A dependency reference inside uv.lock: `{ name, version?, source?, marker?, extra? }`. */
export interface UvDependencyRef {
  readonly name: string;
  readonly version?: string;
  readonly source?: Record<string, unknown>;
  readonly marker?: string;
  readonly extras: readonly string[];
}

export interface UvDistribution {
  readonly url?: string;
  readonly path?: string;
  readonly filename?: string;
  readonly hash?: string;
}

export interface UvPackage {
  readonly index: number;
  readonly name: string;
  readonly normName: string;
  readonly version?: string;
  readonly rawSource: Record<string, unknown>;
  readonly source: PackageSource;
  readonly dependencies: readonly UvDependencyRef[];
  readonly optionalDependencies: ReadonlyMap<string, readonly UvDependencyRef[]>;
  readonly devDependencies: ReadonlyMap<string, readonly UvDependencyRef[]>;
  readonly distributions: readonly UvDistribution[];
}

export interface UvLock {
  readonly version: number;
  readonly revision?: number;
  readonly packages: readonly UvPackage[];
  readonly members: readonly string[];
}

/** uv.lock schema versions this reader understands (uv writes `version = 1` with revisions 1–3). */
export const SUPPORTED_UV_LOCK_VERSIONS = [1] as const;

interface Ctx {
  readonly file: string;
  readonly text: string;
  /** 1-based line of each `[[package]]` header, by package index. */
  readonly packageLines: readonly number[];
}

function packageHeaderLines(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      if (text.slice(start, i).trim() === '[[package]]') out.push(line);
      line++;
      start = i + 1;
    }
  }
  return out;
}

function fail(ctx: Ctx, message: string, path: string, needle?: string, code?: 'LOCKFILE_INVALID' | 'LOCKFILE_UNSUPPORTED' | 'LOCKFILE_DUPLICATE'): never {
  const pkg = /^package\[(\d+)\]/.exec(path);
  const line = needle !== undefined ? lineOf(ctx.text, needle) : pkg !== null ? ctx.packageLines[Number(pkg[1])] : undefined;
  throw new LockfileError(message, { file: ctx.file, path, ...(line !== undefined ? { line } : {}) }, code !== undefined ? { code } : undefined);
}

function optString(ctx: Ctx, value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(ctx, `expected a string, got ${typeof value}`, path);
  return value;
}

/** Maps uv's source table to chainwarden's PackageSource. */
export function uvSource(ctx: Ctx, raw: Record<string, unknown>, path: string): PackageSource {
  const registry = raw['registry'];
  if (typeof registry === 'string') {
    // uv writes local "registries" (a directory of wheels) as relative paths: that is a path, not an index URL.
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(registry) ? { kind: 'registry', url: registry.replace(/\/+$/, '') } : { kind: 'path', path: registry };
  }
  const git = raw['git'];
  if (typeof git === 'string') {
    // "https://host/repo?rev=x#<commit>"
    const hash = git.indexOf('#');
    const commit = hash >= 0 ? git.slice(hash + 1) : undefined;
    const base = (hash >= 0 ? git.slice(0, hash) : git).replace(/\?.*$/, '');
    return commit !== undefined && commit !== '' ? { kind: 'git', url: base, commit } : { kind: 'git', url: base };
  }
  if (typeof raw['url'] === 'string') return { kind: 'url', url: raw['url'] };
  for (const kind of ['editable', 'virtual', 'directory', 'path'] as const) {
    const value = raw[kind];
    if (typeof value === 'string') {
      if (kind === 'virtual') return { kind: 'virtual', path: value };
      return { kind: 'path', path: value, editable: kind === 'editable' };
    }
  }
  return fail(ctx, `unknown package source ${JSON.stringify(raw)} (expected registry, git, url, path, directory, editable or virtual)`, path);
}

function readDeps(ctx: Ctx, value: unknown, path: string): UvDependencyRef[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(ctx, 'expected an array of dependency tables', path);
  return value.map((item, i): UvDependencyRef => {
    const p = `${path}[${i}]`;
    if (!isRecord(item)) fail(ctx, 'expected a dependency table { name = "…" }', p);
    const name = item['name'];
    if (typeof name !== 'string' || name === '') fail(ctx, 'dependency without a name', `${p}.name`);
    const extraRaw = item['extra'];
    if (extraRaw !== undefined && (!Array.isArray(extraRaw) || !extraRaw.every((e) => typeof e === 'string'))) {
      fail(ctx, 'expected an array of extra names', `${p}.extra`);
    }
    const source = item['source'];
    if (source !== undefined && !isRecord(source)) fail(ctx, 'expected a source table', `${p}.source`);
    const version = optString(ctx, item['version'], `${p}.version`);
    const marker = optString(ctx, item['marker'], `${p}.marker`);
    return {
      name,
      ...(version !== undefined ? { version } : {}),
      ...(source !== undefined ? { source } : {}),
      ...(marker !== undefined ? { marker } : {}),
      extras: (extraRaw) ?? [],
    };
  });
}

function readDepTable(ctx: Ctx, value: unknown, path: string): Map<string, UvDependencyRef[]> {
  const out = new Map<string, UvDependencyRef[]>();
  if (value === undefined) return out;
  if (!isRecord(value)) fail(ctx, 'expected a table of dependency lists', path);
  for (const [name, deps] of Object.entries(value)) out.set(name, readDeps(ctx, deps, keyPath(path, name)));
  return out;
}

function readDist(ctx: Ctx, value: unknown, path: string): UvDistribution {
  if (!isRecord(value)) fail(ctx, 'expected a distribution table { url, hash }', path);
  const url = optString(ctx, value['url'], `${path}.url`);
  const filePath = optString(ctx, value['path'], `${path}.path`);
  const filename = optString(ctx, value['filename'], `${path}.filename`);
  const hash = optString(ctx, value['hash'], `${path}.hash`);
  if (hash !== undefined && !/^sha256:[0-9a-f]{64}$/i.test(hash) && !/^(sha384|sha512|md5|sha1):[0-9a-f]+$/i.test(hash)) {
    fail(ctx, `malformed hash "${hash}" (expected sha256:<64 hex digits>)`, `${path}.hash`, hash);
  }
  return {
    ...(url !== undefined ? { url } : {}),
    ...(filePath !== undefined ? { path: filePath } : {}),
    ...(filename !== undefined ? { filename } : {}),
    ...(hash !== undefined ? { hash } : {}),
  };
}

/** Validates the parsed TOML document of a uv.lock and returns its typed form. */
export function readUvLock(doc: Record<string, unknown>, file: string, text: string): UvLock {
  const ctx: Ctx = { file, text, packageLines: packageHeaderLines(text) };
  const version = doc['version'];
  if (typeof version !== 'number') fail(ctx, 'missing or non-numeric top-level `version` (not a uv.lock?)', 'version');
  if (!(SUPPORTED_UV_LOCK_VERSIONS as readonly number[]).includes(version)) {
    fail(ctx, `unsupported uv.lock version ${version} (supported: ${SUPPORTED_UV_LOCK_VERSIONS.join(', ')})`, 'version', 'version', 'LOCKFILE_UNSUPPORTED');
  }
  const revision = doc['revision'];
  const rawPackages = doc['package'] ?? [];
  if (!Array.isArray(rawPackages)) fail(ctx, 'expected [[package]] entries', 'package');
  const manifest = isRecord(doc['manifest']) ? doc['manifest'] : {};
  const members = Array.isArray(manifest['members']) ? manifest['members'].filter((m): m is string => typeof m === 'string') : [];

  const seen = new Map<string, number>();
  const packages = rawPackages.map((raw, index): UvPackage => {
    const path = `package[${index}]`;
    if (!isRecord(raw)) fail(ctx, 'expected a [[package]] table', path);
    const name = raw['name'];
    if (typeof name !== 'string' || name === '') fail(ctx, 'package without a name', `${path}.name`);
    const version = optString(ctx, raw['version'], `${path}.version`);
    const rawSource = raw['source'];
    if (!isRecord(rawSource)) fail(ctx, `package "${name}" has no source table`, `${path}.source`, `name = "${name}"`);
    const source = uvSource(ctx, rawSource, `${path}.source`);
    const identity = `${normalizePypiName(name)}@${version ?? ''}@${JSON.stringify(rawSource)}`;
    const previous = seen.get(identity);
    if (previous !== undefined) {
      fail(ctx, `duplicate package entry "${name}" ${version ?? ''} (also package[${previous}])`, path, undefined, 'LOCKFILE_DUPLICATE');
    }
    seen.set(identity, index);
    const distributions: UvDistribution[] = [];
    if (raw['sdist'] !== undefined) distributions.push(readDist(ctx, raw['sdist'], `${path}.sdist`));
    const wheels = raw['wheels'];
    if (wheels !== undefined) {
      if (!Array.isArray(wheels)) fail(ctx, 'expected an array of wheels', `${path}.wheels`);
      wheels.forEach((w, i) => distributions.push(readDist(ctx, w, `${path}.wheels[${i}]`)));
    }
    return {
      index,
      name,
      normName: normalizePypiName(name),
      ...(version !== undefined ? { version } : {}),
      rawSource,
      source,
      dependencies: readDeps(ctx, raw['dependencies'], `${path}.dependencies`),
      optionalDependencies: readDepTable(ctx, raw['optional-dependencies'], `${path}.optional-dependencies`),
      devDependencies: readDepTable(ctx, raw['dev-dependencies'], `${path}.dev-dependencies`),
      distributions,
    };
  });
  return { version, ...(typeof revision === 'number' ? { revision } : {}), packages, members };
}
