import { posix } from 'node:path';
import { LockfileError } from '../../../core/errors.js';
import { keyPath, parseJsonText } from '../../../core/parse.js';
import { normalizePypiName } from '../../../core/purl.js';
import { makeComponent } from '../../component-builder.js';
import type { Component, ExternalReference, Hash, LockfileResult, Property } from '../../model.js';
import { sourceKey } from '../../model.js';
import type { SbomSource, SourceContext } from '../../source.js';
import { distributionReference, simpleIndexPage } from '../python-common/distributions.js';
import { sortedProperties } from '../python-common/graph.js';
import { parsePythonHash } from '../python-common/hashes.js';
import { lockDir, siblingRel } from '../python-common/pyproject.js';
import { scanJsonKeys } from './json-keys.js';
import type { PipenvEntry } from './pipfile-lock-schema.js';
import { readPipfileLock } from './pipfile-lock-schema.js';
import type { PipenvResolvedSource } from './pipenv-package-source.js';
import { pipenvPackageSource } from './pipenv-package-source.js';

/**
 * Pipfile.lock records each package's hashes but neither file names nor URLs. A component hash would claim one
 * artefact, but a package has one hash per wheel/sdist, so each hash goes on its own `distribution` reference (as
 * for poetry.lock and pdm.lock), whose url is the PEP 503 project page of the index the package is installed from
 * (`<index>/<normalised-name>/`, e.g. https://pypi.org/simple/requests/): that page lists every file with its sha256,
 * so each hash can be checked there; no file URL is invented. Remote `file` packages: the URL is the file itself.
 * Local packages: the hash identifies the component itself. Git checkouts: no file to point at; not recorded.
 */
function hashRecords(entry: PipenvEntry, resolved: PipenvResolvedSource): { references: ExternalReference[]; hashes: Hash[] } {
  const references: ExternalReference[] = [];
  const hashes: Hash[] = [];
  const source = resolved.source;
  for (const text of [...new Set(entry.hashes)]) {
    const hash = parsePythonHash(text);
    if (hash === undefined) continue;
    if (resolved.local) hashes.push(hash);
    else if (source.kind === 'url') references.push(distributionReference(source.url, hash));
    else if (source.kind === 'registry' && resolved.indexUrl !== undefined) references.push(distributionReference(simpleIndexPage(resolved.indexUrl, entry.name), hash));
  }
  return { references, hashes };
}

async function parse(ctx: SourceContext): Promise<LockfileResult> {
  const file = ctx.lockfileRel;
  const doc = parseJsonText(ctx.content, file);
  const scan = scanJsonKeys(ctx.content, 2);
  if (scan.duplicate !== undefined) {
    throw new LockfileError(`duplicate key ${JSON.stringify(scan.duplicate.path[scan.duplicate.path.length - 1])}`, { file, line: scan.duplicate.line, path: keyPath(...scan.duplicate.path) }, { code: 'LOCKFILE_DUPLICATE' });
  }
  const lock = readPipfileLock(doc, file, scan.lines);
  const dir = lockDir(ctx);
  const warnings: string[] = [];

  // Group entries by identity: a name at the same version and source in several categories is one component.
  const groups = new Map<string, { resolved: PipenvResolvedSource; entries: PipenvEntry[] }>();
  const namesInCategory = new Map<string, PipenvEntry>();
  const unknownIndexes = new Set<string>();
  for (const entry of lock.entries) {
    const sameName = `${entry.category}\u0000${normalizePypiName(entry.name)}`;
    const earlier = namesInCategory.get(sameName);
    if (earlier !== undefined) {
      throw new LockfileError(
        `duplicate package ${JSON.stringify(entry.name)} in "${entry.category}" (same normalised name as ${JSON.stringify(earlier.name)}${earlier.line !== undefined ? ` at line ${earlier.line}` : ''})`,
        { file, ...(entry.line !== undefined ? { line: entry.line } : {}), path: keyPath(entry.category, entry.name) },
        { code: 'LOCKFILE_DUPLICATE' },
      );
    }
    namesInCategory.set(sameName, entry);
    const resolved = pipenvPackageSource(entry, lock.sources, dir, ctx.projectDir);
    if (resolved.unknownIndex !== undefined) unknownIndexes.add(resolved.unknownIndex);
    const identity = `${normalizePypiName(entry.name)}\u0000${entry.version ?? ''}\u0000${sourceKey(resolved.source)}`;
    const group = groups.get(identity);
    if (group === undefined) groups.set(identity, { resolved, entries: [entry] });
    else group.entries.push(entry);
  }

  const components = new Map<string, Component>();
  const workspaceMembers = new Set<string>();
  for (const { resolved, entries } of groups.values()) {
    const first = entries[0] as PipenvEntry;
    const records = hashRecords({ ...first, hashes: entries.flatMap((e) => e.hashes) }, resolved);
    const component = makeComponent({
      ecosystem: 'pypi',
      name: first.name,
      version: first.version,
      source: resolved.source,
      type: resolved.local ? 'application' : 'library',
      scope: entries.some((e) => e.category === 'default') ? 'required' : 'excluded',
      hashes: records.hashes,
      externalReferences: records.references,
      properties: sortedProperties(entries.map((e): Property => ['cdx:pipenv:category', e.category])),
    });
    components.set(component.key, component);
    if (resolved.local) workspaceMembers.add(component.key);
  }
  if (unknownIndexes.size > 0) warnings.push(`${file}: packages name indexes that _meta.sources does not define (${[...unknownIndexes].sort().join(', ')}); they are reported as from PyPI`);
  if (components.size > 0) {
    warnings.push(`${file}: the lockfile records no dependency graph; the root is shown depending on every locked package, and packages have no recorded dependencies`);
  }

  const pipfile = await ctx.readSibling('Pipfile');
  const name = posix.basename(dir) || posix.basename(ctx.projectDir.split(/[\\/]/).join('/')) || 'project';
  return {
    format: 'pipenv',
    lockfile: file,
    root: { name, licenses: [], ecosystem: 'pypi', ...(pipfile !== undefined ? { manifest: siblingRel(ctx, 'Pipfile') } : {}) },
    components,
    rootDependsOn: new Set([...components.keys()].sort()),
    workspaceMembers,
    warnings,
    carriesLicenses: false,
  };
}

export const PipfileLockSource: SbomSource = {
  id: 'pipenv',
  label: 'Pipfile.lock',
  matches: (fileName) => fileName === 'Pipfile.lock',
  parse,
};
