import { parseTomlText } from '../../../core/parse.js';
import { normalizePypiName } from '../../../core/purl.js';
import { makeComponent } from '../../component-builder.js';
import type { Component, LockfileResult, Property, Scope } from '../../model.js';
import { sourceKey } from '../../model.js';
import { propagateScopes } from '../../scope.js';
import type { SbomSource, SourceContext } from '../../source.js';
import { fileMatchesVersion } from '../python-common/dist-filename.js';
import { applyScopes, LinkReport, linkDependencies, resolveDeclared, sortedProperties } from '../python-common/graph.js';
import { PackageLocator } from '../python-common/lock-errors.js';
import { lockDir, pythonRoot, readPyproject } from '../python-common/pyproject.js';
import { inferTopLevel, LockedNames } from '../python-common/resolve.js';
import { arrayTableLines } from '../python-common/toml-lines.js';
import { poetryFileRecords } from './poetry-files.js';
import type { PoetryFile, PoetryLock, PoetryPackage } from './poetry-lock-schema.js';
import { readPoetryLock } from './poetry-lock-schema.js';
import { poetryDeclared } from './poetry-manifest.js';
import { poetryPackageSource } from './poetry-package-source.js';

/**
 * The scope the lock itself gives a package: Poetry 2 `groups` (contains `main` → required, else a development
 * group → excluded), Poetry 1 `category` (`main` / `dev`); `optional = true` (only through the project's extras)
 * turns required into optional. Undefined when the lock records neither (Poetry 1.5–1.8 locks).
 */
function lockScope(pkg: PoetryPackage): Scope | undefined {
  const main = pkg.groups !== undefined ? pkg.groups.includes('main') : pkg.category === 'main' ? true : pkg.category === 'dev' ? false : undefined;
  if (main === undefined) return undefined;
  if (!main) return 'excluded';
  return pkg.optional ? 'optional' : 'required';
}

/** Poetry 1.x keeps every version's files under one `[metadata.files]` key: pick this version's by file name. */
function metadataFilesFor(lock: PoetryLock, pkg: PoetryPackage, versionsOfName: number): readonly PoetryFile[] {
  let files: readonly PoetryFile[] | undefined = lock.metadataFiles.get(pkg.name);
  if (files === undefined) {
    const wanted = normalizePypiName(pkg.name);
    for (const [key, list] of lock.metadataFiles) if (normalizePypiName(key) === wanted) files = list;
  }
  if (files === undefined) return [];
  return versionsOfName <= 1 ? files : files.filter((f) => fileMatchesVersion(f.file, pkg.version));
}

async function parse(ctx: SourceContext): Promise<LockfileResult> {
  const file = ctx.lockfileRel;
  const doc = await parseTomlText(ctx.content, file);
  const headerLines = arrayTableLines(ctx.content, 'package');
  const lock = readPoetryLock(doc, file, headerLines);
  const at = new PackageLocator(file, headerLines);
  const warnings: string[] = [];
  if (lock.newerMinor) warnings.push(`${file}: lock-version ${lock.lockVersion} is newer than the versions chainwarden knows; read as the latest known of its major version`);

  const manifest = await readPyproject(ctx);
  const root = pythonRoot(ctx, manifest);
  const dir = lockDir(ctx);

  const versionsByName = new Map<string, number>();
  for (const pkg of lock.packages) versionsByName.set(normalizePypiName(pkg.name), (versionsByName.get(normalizePypiName(pkg.name)) ?? 0) + 1);

  const components = new Map<string, Component>();
  const byIndex: Component[] = [];
  const identities = new Map<string, number>();
  const fromLock = new Map<string, Scope>();
  const caps = new Map<string, Scope>();
  const workspaceMembers = new Set<string>();
  const names = new LockedNames();
  for (const pkg of lock.packages) {
    const resolved = poetryPackageSource(pkg.source, pkg.develop, dir, ctx.projectDir, (message) => at.error(pkg.index, ['source'], message));
    const identity = `${normalizePypiName(pkg.name)}\u0000${pkg.version}\u0000${sourceKey(resolved.source)}`;
    const first = identities.get(identity);
    if (first !== undefined) {
      const firstLine = at.line(first);
      throw at.error(pkg.index, [], `duplicate package entry ${pkg.name} ${pkg.version} (first at ${firstLine !== undefined ? `line ${firstLine}` : `package[${first}]`})`, 'LOCKFILE_DUPLICATE');
    }
    identities.set(identity, pkg.index);
    const files = lock.caps.filesInMetadata && pkg.files.length === 0 ? metadataFilesFor(lock, pkg, versionsByName.get(normalizePypiName(pkg.name)) ?? 1) : pkg.files;
    const records = poetryFileRecords(pkg.name, pkg.version, files, resolved);
    const properties: Property[] = [...(pkg.groups ?? []).map((g): Property => ['cdx:poetry:group', g]), ...(pkg.category !== undefined ? [['cdx:poetry:category', pkg.category] as Property] : [])];
    const component = makeComponent({
      ecosystem: 'pypi',
      name: pkg.name,
      version: pkg.version,
      source: resolved.source,
      type: resolved.local ? 'application' : 'library',
      hashes: records.hashes,
      externalReferences: records.references,
      properties: sortedProperties(properties),
      description: pkg.description,
    });
    components.set(component.key, component);
    byIndex.push(component);
    names.add(component);
    if (resolved.local) workspaceMembers.add(component.key);
    const scope = lockScope(pkg);
    if (scope !== undefined) fromLock.set(component.key, scope);
    if (pkg.optional) caps.set(component.key, 'optional');
  }

  const report = new LinkReport(file);
  lock.packages.forEach((pkg, i) => linkDependencies(byIndex[i] as Component, pkg.dependencies, names, report));

  let rootDependsOn: Set<string>;
  let seeds: Parameters<typeof propagateScopes>[1] | undefined;
  if (manifest !== undefined) {
    const declared = resolveDeclared(poetryDeclared(manifest), names, report, root.name);
    rootDependsOn = declared.rootDependsOn;
    seeds = declared.seeds;
    if (declared.unlocked.length > 0) {
      warnings.push(`${manifest.rel} declares dependencies ${file} does not lock (is the lockfile out of date?): ${declared.unlocked.join(', ')}`);
    }
  } else {
    rootDependsOn = new Set(inferTopLevel(components));
    warnings.push(`${file}: no pyproject.toml beside the lockfile; the root is named after its directory and its direct dependencies are inferred as the locked packages no other package depends on`);
  }
  warnings.push(...report.warnings());

  const how = applyScopes(components, fromLock, caps, seeds, propagateScopes);
  if (how === 'default' && components.size > 0) {
    warnings.push(`${file}: the lockfile records no groups or categories and there is no pyproject.toml: scopes cannot be told apart, packages are reported as required`);
  }

  return { format: 'poetry', lockfile: file, root, components, rootDependsOn, workspaceMembers, warnings, carriesLicenses: false };
}

export const PoetryLockSource: SbomSource = {
  id: 'poetry',
  label: 'poetry.lock',
  matches: (fileName) => fileName === 'poetry.lock',
  parse,
};
