/**
 * Yarn berry (v2+): a YAML document. `__metadata.version` is the lockfile version; every other key is a
 * comma-separated list of descriptors and its value one resolved package (`resolution` locator, `version`,
 * `checksum` — yarn's cache checksum, not a registry digest —, `dependencies`, `dependenciesMeta`, `conditions`).
 */
import { LockfileError } from '../../../core/errors.js';
import type { InputLocation } from '../../../core/errors.js';
import { isRecord, keyPath, parseYamlText } from '../../../core/parse.js';
import type { Property } from '../../model.js';
import { berryDescriptorKey, splitDescriptor } from './descriptor.js';
import { berryLocator } from './package-source.js';
import type { YarnDependency, YarnEntry, YarnLock } from './yarn-lock-model.js';
import { SUPPORTED_YARN_LOCKFILES } from './yarn-lock-model.js';

/** Berry lockfile (`__metadata.version`) versions whose layout this reader knows: yarn 2 wrote 4, yarn 4 writes 8 and later 10. */
export const SUPPORTED_BERRY_VERSIONS: readonly number[] = [4, 5, 6, 7, 8, 9, 10];

export async function readBerryLock(text: string, file: string): Promise<YarnLock> {
  const lines = topLevelKeyLines(text, file); // first: a repeated key is LOCKFILE_DUPLICATE, not a YAML error
  const doc = await parseYamlText(text, file);
  if (!isRecord(doc)) throw new LockfileError('expected a YAML mapping of package entries', { file, line: 1 });
  const metadata = doc['__metadata'];
  if (!isRecord(metadata)) throw new LockfileError('missing "__metadata" (every yarn berry lockfile starts with it)', { file, line: 1, path: '__metadata' });
  const rawVersion = metadata['version'];
  const version = typeof rawVersion === 'number' ? rawVersion : typeof rawVersion === 'string' && /^\d+$/.test(rawVersion) ? Number(rawVersion) : undefined;
  if (version === undefined || !SUPPORTED_BERRY_VERSIONS.includes(version)) {
    throw new LockfileError(
      `unsupported yarn lockfile version ${JSON.stringify(rawVersion ?? null)} (supported: ${SUPPORTED_YARN_LOCKFILES})`,
      { file, line: lines.get('__metadata') ?? 1, path: '__metadata.version' },
      { code: 'LOCKFILE_UNSUPPORTED' },
    );
  }
  const entries: YarnEntry[] = [];
  for (const [key, value] of Object.entries(doc)) {
    if (key === '__metadata') continue;
    entries.push(berryEntry(key, value, { file, line: lines.get(key), path: keyPath(key) }));
  }
  return { flavour: 'berry', label: `yarn berry (lockfile version ${version})`, entries, descriptorKey: berryDescriptorKey };
}

function berryEntry(key: string, value: unknown, at: InputLocation): YarnEntry {
  const where = (...path: string[]): InputLocation => ({ ...at, path: keyPath(key, ...path) });
  if (!isRecord(value)) throw new LockfileError('a package entry must be a mapping', at);
  const resolution = text(value['resolution']);
  if (resolution === undefined) throw new LockfileError('entry has no "resolution"', where('resolution'));
  const locator = berryLocator(resolution);
  if (locator === undefined) throw new LockfileError(`"${resolution}" is not a name@reference locator`, where('resolution'));
  const version = text(value['version']);
  if (value['version'] !== undefined && version === undefined) throw new LockfileError('"version" must be a string', where('version'));

  const properties: Property[] = [];
  const checksum = text(value['checksum']);
  if (checksum !== undefined) properties.push(['cdx:yarn:checksum', checksum]);
  if (locator.patch !== undefined) properties.push(['cdx:yarn:patch', locator.patch]);
  const conditions = text(value['conditions']);
  if (conditions !== undefined) properties.push(['cdx:yarn:conditions', conditions]);

  const optional = optionalNames(value['dependenciesMeta'], where);
  const dependencies: YarnDependency[] = [];
  const deps = value['dependencies'];
  if (deps !== undefined && deps !== null) {
    if (!isRecord(deps)) throw new LockfileError('"dependencies" must be a mapping', where('dependencies'));
    for (const [name, range] of Object.entries(deps)) {
      const r = text(range);
      if (r === undefined) throw new LockfileError('a dependency range must be a string', where('dependencies', name));
      dependencies.push({ name, range: r, kind: optional.has(name) ? 'optional' : 'required' });
    }
  }
  const descriptors = key.split(',').map((d) => d.trim()).filter((d) => d !== '');
  for (const descriptor of descriptors) {
    const alias = splitDescriptor(descriptor)?.name;
    if (alias !== undefined && alias !== locator.name && !properties.some((p) => p[0] === 'cdx:yarn:alias' && p[1] === alias)) properties.push(['cdx:yarn:alias', alias]);
  }
  // Workspaces are locked as `0.0.0-use.local`, a placeholder rather than their version.
  const real = locator.workspace !== undefined && version === '0.0.0-use.local' ? undefined : version;
  return {
    descriptors,
    line: at.line,
    name: locator.name,
    version: real,
    source: locator.source,
    hashes: [],
    properties,
    dependencies,
    ...(locator.workspace !== undefined ? { workspace: locator.workspace } : {}),
  };
}

/** `dependenciesMeta: { fsevents: { optional: true } }` (keys may also be `name@range` in older lockfiles). */
function optionalNames(meta: unknown, where: (...path: string[]) => InputLocation): Set<string> {
  const out = new Set<string>();
  if (meta === undefined || meta === null) return out;
  if (!isRecord(meta)) throw new LockfileError('"dependenciesMeta" must be a mapping', where('dependenciesMeta'));
  for (const [key, flags] of Object.entries(meta)) {
    if (!isRecord(flags) || flags['optional'] !== true) continue;
    const at = key.indexOf('@', key.startsWith('@') ? 1 : 0);
    out.add(at > 0 ? key.slice(0, at) : key);
  }
  return out;
}

/** YAML scalars as yarn means them: yarn reads its lockfile with every scalar a string. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Line of each top-level key (`"a@npm:1, a@npm:^1":` or `__metadata:`), from one pass over the text. */
function topLevelKeyLines(source: string, file: string): Map<string, number> {
  const out = new Map<string, number>();
  let line = 0;
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    line++;
    const ch = source.charCodeAt(start);
    if (ch !== 32 && ch !== 35 && ch !== 10 && ch !== 13 && ch !== 9 && end > start) {
      const key = keyOfLine(source.slice(start, end).replace(/\r$/, ''));
      const first = out.get(key);
      if (first !== undefined) throw new LockfileError(`duplicate key "${key}" (first at line ${first})`, { file, line }, { code: 'LOCKFILE_DUPLICATE' });
      out.set(key, line);
    }
    start = end + 1;
  }
  return out;
}

/** The key of a top-level `key: value` / `"quoted key":` line. */
function keyOfLine(line: string): string {
  if (line.startsWith('"')) {
    let end = 1;
    while (end < line.length && line[end] !== '"') end += line[end] === '\\' ? 2 : 1;
    try {
      return JSON.parse(line.slice(0, end + 1)) as string;
    } catch {
      return line.slice(1, end);
    }
  }
  const sep = line.indexOf(': ');
  return (sep < 0 ? line : line.slice(0, sep)).replace(/:\s*$/, '').trimEnd();
}
