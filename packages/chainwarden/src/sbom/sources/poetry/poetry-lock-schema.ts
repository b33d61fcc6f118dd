import { LockfileError } from '../../../core/errors.js';
import { isRecord, keyPath } from '../../../core/parse.js';
import { describe, PackageLocator } from '../python-common/lock-errors.js';
import type { PoetryLockVersion } from './poetry-lock-versions.js';
import { poetryLockVersion, SUPPORTED_POETRY_LOCK_VERSIONS } from './poetry-lock-versions.js';

/** One `{file, hash}` entry. */
export interface PoetryFile {
  readonly file: string;
  readonly hash: string;
}

/** One `[package.dependencies]` entry: a name with one constraint per marker branch. */
export interface PoetryDependency {
  readonly name: string;
  readonly constraints: readonly string[];
  /** Only installed through one of the dependent's extras. */
  readonly optional: boolean;
  /** Guarded by an environment marker (may legitimately be absent from the lock). */
  readonly conditional: boolean;
}

export interface PoetrySourceInfo {
  readonly type: string;
  readonly url: string;
  readonly reference?: string;
  readonly resolvedReference?: string;
  readonly subdirectory?: string;
}

export interface PoetryPackage {
  readonly index: number;
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  readonly category?: string;
  readonly groups?: readonly string[];
  readonly optional: boolean;
  readonly develop: boolean;
  readonly files: readonly PoetryFile[];
  readonly dependencies: readonly PoetryDependency[];
  readonly source?: PoetrySourceInfo;
}

export interface PoetryLock {
  readonly lockVersion: string;
  readonly caps: PoetryLockVersion;
  readonly newerMinor: boolean;
  readonly packages: readonly PoetryPackage[];
  /** Poetry 1.x `[metadata.files]`, by the key as written. */
  readonly metadataFiles: ReadonlyMap<string, readonly PoetryFile[]>;
}

function readFiles(value: unknown, fail: (path: (string | number)[], message: string) => LockfileError): PoetryFile[] {
  if (!Array.isArray(value)) throw fail([], `must be an array of {file, hash} tables, got ${describe(value)}`);
  return value.map((item, i) => {
    if (!isRecord(item) || typeof item['file'] !== 'string' || typeof item['hash'] !== 'string') {
      throw fail([i], `must be a {file, hash} table of strings, got ${describe(item)}`);
    }
    return { file: item['file'], hash: item['hash'] };
  });
}

function readDependency(name: string, value: unknown, fail: (message: string) => LockfileError): PoetryDependency {
  const branches = Array.isArray(value) ? value : [value];
  if (branches.length === 0) throw fail('must not be an empty array');
  const constraints: string[] = [];
  let optional = true;
  let conditional = false;
  for (const branch of branches) {
    if (typeof branch === 'string') {
      constraints.push(branch);
      optional = false;
    } else if (isRecord(branch)) {
      const version = branch['version'];
      if (version !== undefined && typeof version !== 'string') throw fail(`\`version\` must be a string, got ${describe(version)}`);
      constraints.push(version ?? '');
      if (branch['optional'] !== true) optional = false;
      if (branch['markers'] !== undefined || branch['python'] !== undefined) conditional = true;
    } else {
      throw fail(`must be a version string, a table or an array of tables, got ${describe(branch)}`);
    }
  }
  return { name, constraints, optional, conditional };
}

function readSource(value: unknown, fail: (message: string) => LockfileError): PoetrySourceInfo | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw fail(`must be a table, got ${describe(value)}`);
  const { type, url, reference, resolved_reference: resolved, subdirectory } = value;
  if (typeof type !== 'string' || typeof url !== 'string') throw fail('must have string `type` and `url`');
  const opt = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const [ref, res, sub] = [opt(reference), opt(resolved), opt(subdirectory)];
  return { type, url, ...(ref !== undefined ? { reference: ref } : {}), ...(res !== undefined ? { resolvedReference: res } : {}), ...(sub !== undefined ? { subdirectory: sub } : {}) };
}

/** Validates a parsed poetry.lock: version, package entries and their field types. Throws LockfileError. */
export function readPoetryLock(doc: Record<string, unknown>, file: string, headerLines: readonly number[]): PoetryLock {
  const metadata = doc['metadata'];
  if (metadata !== undefined && !isRecord(metadata)) throw new LockfileError(`\`metadata\` must be a table, got ${describe(metadata)}`, { file, path: 'metadata' });
  const meta = metadata ?? {};
  const rawVersion = meta['lock-version'] ?? '1.0'; // Poetry reads a lock without lock-version as 1.0
  if (typeof rawVersion !== 'string') throw new LockfileError(`\`lock-version\` must be a string, got ${describe(rawVersion)}`, { file, path: 'metadata.lock-version' });
  const version = poetryLockVersion(rawVersion);
  if (version === undefined) {
    throw new LockfileError(`unsupported poetry.lock lock-version "${rawVersion}" (supported: ${SUPPORTED_POETRY_LOCK_VERSIONS})`, { file, path: 'metadata.lock-version' }, { code: 'LOCKFILE_UNSUPPORTED' });
  }

  const rawPackages = doc['package'] ?? [];
  if (!Array.isArray(rawPackages)) throw new LockfileError(`\`package\` must be an array of tables, got ${describe(rawPackages)}`, { file, path: 'package' });
  const at = new PackageLocator(file, headerLines);
  const packages = rawPackages.map((entry: unknown, index): PoetryPackage => {
    if (!isRecord(entry)) throw at.error(index, [], `must be a table, got ${describe(entry)}`);
    const name = at.string(index, entry, 'name', true);
    const pkgVersion = at.string(index, entry, 'version', true);
    const description = at.string(index, entry, 'description');
    const category = at.string(index, entry, 'category');
    const groups = at.strings(index, entry, 'groups');
    const optional = at.boolean(index, entry, 'optional') ?? false;
    const develop = at.boolean(index, entry, 'develop') ?? false;
    const files = entry['files'] === undefined ? [] : readFiles(entry['files'], (path, message) => at.error(index, ['files', ...path], message));
    const rawDeps = entry['dependencies'] ?? {};
    if (!isRecord(rawDeps)) throw at.error(index, ['dependencies'], `must be a table, got ${describe(rawDeps)}`);
    const dependencies = Object.entries(rawDeps).map(([depName, value]) => readDependency(depName, value, (message) => at.error(index, ['dependencies', depName], message)));
    const source = readSource(entry['source'], (message) => at.error(index, ['source'], message));
    return {
      index,
      name,
      version: pkgVersion,
      ...(description !== undefined && description !== '' ? { description } : {}),
      ...(category !== undefined ? { category } : {}),
      ...(groups !== undefined ? { groups } : {}),
      optional,
      develop,
      files,
      dependencies,
      ...(source !== undefined ? { source } : {}),
    };
  });

  const metadataFiles = new Map<string, PoetryFile[]>();
  const rawFiles = meta['files'];
  if (rawFiles !== undefined) {
    if (!isRecord(rawFiles)) throw new LockfileError(`\`metadata.files\` must be a table, got ${describe(rawFiles)}`, { file, path: 'metadata.files' });
    for (const [key, list] of Object.entries(rawFiles)) {
      metadataFiles.set(key, readFiles(list, (path, message) => new LockfileError(message, { file, path: keyPath('metadata', 'files', key, ...path) })));
    }
  }
  return { lockVersion: rawVersion, caps: version.caps, newerMinor: version.newerMinor, packages, metadataFiles };
}
