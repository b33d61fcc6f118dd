import { parseTomlText } from '../../../core/parse.js';
import { normalizePypiName } from '../../../core/purl.js';
import { makeComponent } from '../../component-builder.js';
import type { Component, LockfileResult, Scope } from '../../model.js';
import { sourceKey } from '../../model.js';
import { propagateScopes } from '../../scope.js';
import type { SbomSource, SourceContext } from '../../source.js';
import type { DependencyRef } from '../python-common/graph.js';
import { applyScopes, LinkReport, linkDependencies, resolveDeclared, sortedProperties } from '../python-common/graph.js';
import { PackageLocator } from '../python-common/lock-errors.js';
import { parseRequirement } from '../python-common/pep508.js';
import { lockDir, projectExtras, pythonRoot, readPyproject } from '../python-common/pyproject.js';
import { inferTopLevel, LockedNames } from '../python-common/resolve.js';
import { arrayTableLines } from '../python-common/toml-lines.js';
import { pdmFileRecords } from './pdm-files.js';
import type { PdmFile, PdmLock, PdmPackage } from './pdm-lock-schema.js';
import { readPdmLock } from './pdm-lock-schema.js';
import { pdmDeclared } from './pdm-manifest.js';
import { pdmPackageSource } from './pdm-package-source.js';

/** Entries of one component: pdm writes `name[extra]` entries beside the base entry, same version and source. */
interface Merged {
  readonly first: PdmPackage;
  readonly entries: PdmPackage[];
}

function filesOf(lock: PdmLock, pkg: PdmPackage): readonly PdmFile[] {
  if (pkg.files.length > 0 || lock.metadataFiles.size === 0) return pkg.files;
  // Old layout: `"<name> <version>"` keys (the name possibly with extras).
  const wanted = normalizePypiName(pkg.name);
  const out: PdmFile[] = [];
  for (const [key, list] of lock.metadataFiles) {
    const space = key.lastIndexOf(' ');
    if (space < 0) continue;
    const [keyName, keyVersion] = [key.slice(0, space).replace(/\[.*\]$/, ''), key.slice(space + 1)];
    if (normalizePypiName(keyName) === wanted && (keyVersion === pkg.version || keyVersion === pkg.url)) out.push(...list);
  }
  return out;
}

function dependencyRefs(pkg: PdmPackage, unreadable: string[]): DependencyRef[] {
  const refs: DependencyRef[] = [];
  for (const line of pkg.dependencies) {
    const req = parseRequirement(line);
    if (req === undefined) {
      unreadable.push(`${pkg.name}: ${JSON.stringify(line)}`);
      continue;
    }
    const marker = req.marker ?? '';
    refs.push({ name: req.name, constraints: [req.specifier], optional: /\bextra\s*==/.test(marker), conditional: marker !== '' });
  }
  return refs;
}

/** `default` → required; an extra of the project → optional; any other group (development) → excluded. */
function groupScope(groups: ReadonlySet<string>, extras: ReadonlySet<string>): Scope {
  if (groups.has('default')) return 'required';
  return [...groups].some((g) => extras.has(g)) ? 'optional' : 'excluded';
}

async function parse(ctx: SourceContext): Promise<LockfileResult> {
  const file = ctx.lockfileRel;
  const doc = await parseTomlText(ctx.content, file);
  const headerLines = arrayTableLines(ctx.content, 'package');
  const lock = readPdmLock(doc, file, headerLines);
  const at = new PackageLocator(file, headerLines);
  const warnings: string[] = [];
  const manifest = await readPyproject(ctx);
  const root = pythonRoot(ctx, manifest);
  const dir = lockDir(ctx);
  const extras = new Set(manifest !== undefined ? projectExtras(manifest) : []);

  // Group entries into components; an entry repeated with the same name, extras, version and source is a duplicate.
  const merged = new Map<string, Merged>();
  const entryIds = new Map<string, number>();
  const sources = lock.packages.map((pkg) => pdmPackageSource(pkg, dir, ctx.projectDir));
  lock.packages.forEach((pkg, i) => {
    const { source } = sources[i] as ReturnType<typeof pdmPackageSource>;
    const base = `${normalizePypiName(pkg.name)}\u0000${pkg.version ?? ''}\u0000${sourceKey(source)}`;
    const entryId = `${base}\u0000${[...pkg.extras].map(normalizePypiName).sort().join(',')}`;
    const first = entryIds.get(entryId);
    if (first !== undefined) {
      const line = at.line(first);
      const label = `${pkg.name}${pkg.extras.length > 0 ? `[${pkg.extras.join(',')}]` : ''} ${pkg.version ?? ''}`.trim();
      throw at.error(i, [], `duplicate package entry ${label} (first at ${line !== undefined ? `line ${line}` : `package[${first}]`})`, 'LOCKFILE_DUPLICATE');
    }
    entryIds.set(entryId, i);
    const group = merged.get(base);
    if (group === undefined) merged.set(base, { first: pkg, entries: [pkg] });
    else group.entries.push(pkg);
  });

  const components = new Map<string, Component>();
  const fromLock = new Map<string, Scope>();
  const workspaceMembers = new Set<string>();
  const names = new LockedNames();
  const refsByKey = new Map<string, DependencyRef[]>();
  const unreadable: string[] = [];
  const perPackageGroups = lock.packages.some((p) => p.groups !== undefined);
  const onlyDefault = lock.groups.length === 1 && lock.groups[0] === 'default';
  for (const { first, entries } of merged.values()) {
    const { source, local } = sources[first.index] as ReturnType<typeof pdmPackageSource>;
    const base = entries.find((e) => e.extras.length === 0) ?? first;
    const groups = new Set(entries.flatMap((e) => e.groups ?? []));
    const files = entries.flatMap((e) => filesOf(lock, e));
    const records = pdmFileRecords(base.name, base.version, files, source);
    const component = makeComponent({
      ecosystem: 'pypi',
      name: base.name,
      version: base.version,
      source,
      type: local ? 'application' : 'library',
      hashes: records.hashes,
      externalReferences: records.references,
      properties: sortedProperties([...groups].map((g) => ['cdx:pdm:group', g] as const)),
      description: base.summary,
    });
    components.set(component.key, component);
    names.add(component);
    if (local) workspaceMembers.add(component.key);
    refsByKey.set(component.key, entries.flatMap((e) => dependencyRefs(e, unreadable)));
    if (groups.size > 0) fromLock.set(component.key, groupScope(groups, extras));
    else if (onlyDefault) fromLock.set(component.key, 'required');
  }

  const report = new LinkReport(file);
  for (const [key, refs] of refsByKey) linkDependencies(components.get(key) as Component, refs, names, report);
  if (unreadable.length > 0) warnings.push(`${file}: ${unreadable.length} dependency line(s) could not be read and were not linked: ${unreadable.slice(0, 5).join('; ')}`);

  let rootDependsOn: Set<string>;
  let seeds: Parameters<typeof propagateScopes>[1] | undefined;
  if (manifest !== undefined) {
    const declared = resolveDeclared(pdmDeclared(manifest), names, report, root.name);
    rootDependsOn = declared.rootDependsOn;
    seeds = declared.seeds;
    if (declared.unlocked.length > 0) warnings.push(`${manifest.rel} declares dependencies ${file} does not lock (is the lockfile out of date?): ${declared.unlocked.join(', ')}`);
  } else {
    rootDependsOn = new Set(inferTopLevel(components));
    warnings.push(`${file}: no pyproject.toml beside the lockfile; the root is named after its directory and its direct dependencies are inferred as the locked packages no other package depends on`);
    const others = lock.groups.filter((g) => g !== 'default');
    if (perPackageGroups && others.length > 0) {
      warnings.push(`${file}: without pyproject.toml, extras cannot be told from development groups; packages only in groups ${others.join(', ')} are reported as excluded`);
    }
  }
  warnings.push(...report.warnings());

  const how = applyScopes(components, fromLock, new Map(), seeds, propagateScopes);
  if (how === 'default' && components.size > 0) {
    warnings.push(
      `${file}: lock_version ${lock.lockVersion} records no groups per package (locked groups: ${lock.groups.join(', ')}) and there is no pyproject.toml: scopes cannot be told apart, packages are reported as required`,
    );
  }

  return { format: 'pdm', lockfile: file, root, components, rootDependsOn, workspaceMembers, warnings, carriesLicenses: false };
}

export const PdmLockSource: SbomSource = {
  id: 'pdm',
  label: 'pdm.lock',
  matches: (fileName) => fileName === 'pdm.lock',
  parse,
};
