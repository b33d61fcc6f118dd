/**
 * Yarn classic (v1): the parsed blocks → lockfile entries. Each block is one resolved package: `version`,
 * `resolved` (URL, `#sha1` fragment), `integrity` (SRI), `dependencies`, `optionalDependencies`.
 */
import { LockfileError } from '../../../core/errors.js';
import { keyPath } from '../../../core/parse.js';
import { hashesFromIntegrity } from '../../component-builder.js';
import type { Hash, Property } from '../../model.js';
import type { ClassicBlock, ClassicMap, ClassicNode } from './classic-syntax.js';
import { parseClassicLockfile } from './classic-syntax.js';
import { aliasTarget, splitDescriptor } from './descriptor.js';
import { classicSha1, classicSource } from './package-source.js';
import type { YarnDependency, YarnEntry, YarnLock } from './yarn-lock-model.js';
import { SUPPORTED_YARN_LOCKFILES } from './yarn-lock-model.js';

export const SUPPORTED_CLASSIC_VERSIONS = [1] as const;

export function readClassicLock(text: string, file: string): YarnLock {
  const doc = parseClassicLockfile(text, file);
  if (doc.headerVersion !== undefined && !(SUPPORTED_CLASSIC_VERSIONS as readonly number[]).includes(doc.headerVersion)) {
    throw new LockfileError(`unsupported yarn lockfile version v${doc.headerVersion} (supported: ${SUPPORTED_YARN_LOCKFILES})`, { file, line: doc.headerLine ?? 1 }, { code: 'LOCKFILE_UNSUPPORTED' });
  }
  return {
    flavour: 'classic',
    label: 'yarn classic v1',
    entries: doc.blocks.map((block) => classicEntry(block, file)),
    descriptorKey: (name, range) => `${name}@${range}`,
  };
}

function classicEntry(block: ClassicBlock, file: string): YarnEntry {
  const first = block.keys[0] as string;
  const where = (...path: string[]): { file: string; line: number; path: string } => ({ file, line: block.line, path: keyPath(first, ...path) });
  const parsed = block.keys.map((key) => {
    const descriptor = splitDescriptor(key);
    if (descriptor === undefined) throw new LockfileError(`"${key}" is not a name@range descriptor`, where());
    return descriptor;
  });
  const head = parsed[0] as { name: string; range: string };
  const realName = aliasTarget(head.range)?.name ?? head.name;

  const version = scalarField(block.body, 'version', where);
  if (version === undefined) throw new LockfileError('entry has no "version"', where('version'));
  const resolved = scalarField(block.body, 'resolved', where);
  const integrity = scalarField(block.body, 'integrity', where);

  let hashes: Hash[] = hashesFromIntegrity(integrity);
  if (hashes.length === 0) {
    const sha1 = classicSha1(resolved);
    if (sha1 !== undefined) hashes = [{ alg: 'SHA-1', content: sha1 }];
  }
  const properties: Property[] = [];
  for (const { name } of parsed) if (name !== realName) properties.push(['cdx:yarn:alias', name]);

  const optional = mapField(block.body, 'optionalDependencies', where);
  const required = mapField(block.body, 'dependencies', where);
  const dependencies: YarnDependency[] = [];
  for (const [map, kind] of [[optional, 'optional'], [required, 'required']] as const) {
    if (map === undefined) continue;
    for (const [name, node] of map.entries) {
      if (node.kind !== 'scalar') throw new LockfileError(`dependency "${name}" must be a range, not a map`, { ...where(kind === 'optional' ? 'optionalDependencies' : 'dependencies', name), line: node.line });
      if (kind === 'required' && optional?.entries.has(name) === true) continue;
      dependencies.push({ name, range: node.value, kind });
    }
  }
  return {
    descriptors: block.keys,
    line: block.line,
    name: realName,
    version,
    source: classicSource(resolved, realName, parsed.map((p) => aliasTarget(p.range)?.range ?? p.range)),
    hashes,
    properties,
    dependencies,
  };
}

type Where = (...path: string[]) => { file: string; line: number; path: string };

function scalarField(body: ClassicMap, field: string, where: Where): string | undefined {
  const node: ClassicNode | undefined = body.entries.get(field);
  if (node === undefined) return undefined;
  if (node.kind !== 'scalar') throw new LockfileError(`"${field}" must be a value, not a nested map`, { ...where(field), line: node.line });
  return node.value;
}

function mapField(body: ClassicMap, field: string, where: Where): ClassicMap | undefined {
  const node = body.entries.get(field);
  if (node === undefined) return undefined;
  if (node.kind !== 'map') throw new LockfileError(`"${field}" must be a nested map`, { ...where(field), line: node.line });
  return node;
}
