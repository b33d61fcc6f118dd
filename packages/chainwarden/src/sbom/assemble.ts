import { sha256Hex } from '../core/digest.js';
import { splitNpmName } from '../core/purl.js';
import type { Bom, BomComponent, BomSubProject } from './bom.js';
import type { Component, ExternalReference, Hash, LockfileResult, Property, RootProject } from './model.js';
import { strongerScope } from './model.js';

export interface AssembleOptions {
  /** The project the BOM describes; defaults to the root of the first (shallowest) lockfile. */
  readonly root?: RootProject;
  readonly excludeDev?: boolean;
  readonly timestamp?: Date;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function mergeInto(target: Component, other: Component): void {
  target.scope = strongerScope(target.scope, other.scope);
  for (const dep of other.dependsOn) target.dependsOn.add(dep);
  const hashKeys = new Set(target.hashes.map((h: Hash) => `${h.alg}:${h.content}`));
  for (const h of other.hashes) if (!hashKeys.has(`${h.alg}:${h.content}`)) target.hashes.push(h);
  const refKeys = new Set(target.externalReferences.map(refKey));
  for (const r of other.externalReferences) if (!refKeys.has(refKey(r))) target.externalReferences.push(r);
  const propKeys = new Set(target.properties.map(([n, v]) => `${n}=${v}`));
  for (const p of other.properties) if (!propKeys.has(`${p[0]}=${p[1]}`)) target.properties.push(p);
  if (target.licenses.length === 0) target.licenses.push(...other.licenses);
}

function refKey(r: ExternalReference): string {
  return `${r.type} ${r.url} ${(r.hashes ?? []).map((h) => h.content).join(',')}`;
}

function cloneComponent(c: Component): Component {
  return {
    ...c,
    hashes: [...c.hashes],
    licenses: [...c.licenses],
    externalReferences: [...c.externalReferences],
    properties: [...c.properties],
    dependsOn: new Set(c.dependsOn),
  };
}

function fallbackRef(c: Component): string {
  const where = c.source.kind === 'registry' ? '' : `:${c.source.kind}:${'path' in c.source ? c.source.path : c.source.url}`;
  return `${c.ecosystem}:${c.name}${c.version !== undefined ? `@${c.version}` : ''}${where}`;
}

function rootRef(project: RootProject, lockfile?: string): string {
  return `${project.ecosystem}:${project.name}${project.version !== undefined ? `@${project.version}` : ''}${lockfile !== undefined ? `:${lockfile}` : ''}`;
}

/**
 * Merges the results of several lockfiles into one BOM: components deduplicated by key (strongest scope wins,
 * edges and evidence unioned), bom-refs assigned (purl, with a deterministic suffix only when not unique), the
 * dependency graph completed (one entry per component) and everything sorted.
 */
export function assembleBom(results: readonly LockfileResult[], options: AssembleOptions = {}): Bom {
  const first = results[0];
  const rootProject: RootProject = options.root ?? first?.root ?? { name: 'project', licenses: [], ecosystem: 'pypi' };
  const warnings: string[] = [];
  const merged = new Map<string, Component>();
  const members = new Set<string>();
  const subProjects: { project: RootProject; lockfile: string; deps: Set<string> }[] = [];
  const rootDeps = new Set<string>();

  for (const result of results) {
    warnings.push(...result.warnings);
    for (const [key, component] of result.components) {
      const existing = merged.get(key);
      if (existing === undefined) merged.set(key, cloneComponent(component));
      else mergeInto(existing, component);
      const lockProp: Property = ['chainwarden:lockfile', result.lockfile];
      const target = merged.get(key) as Component;
      if (!target.properties.some(([n, v]) => n === lockProp[0] && v === lockProp[1])) target.properties.push(lockProp);
    }
    for (const m of result.workspaceMembers) members.add(m);
    const sameAsRoot = result.root.name === rootProject.name && result.root.ecosystem === rootProject.ecosystem;
    if (sameAsRoot) for (const d of result.rootDependsOn) rootDeps.add(d);
    else subProjects.push({ project: result.root, lockfile: result.lockfile, deps: new Set(result.rootDependsOn) });
  }

  if (options.excludeDev === true) {
    for (const [key, c] of merged) if (c.scope === 'excluded') merged.delete(key);
  }

  // bom-refs: the purl when unique; otherwise a deterministic suffix from the component key.
  const wanted = new Map<string, string[]>();
  for (const [key, c] of merged) {
    const ref = c.purl ?? fallbackRef(c);
    const list = wanted.get(ref);
    if (list === undefined) wanted.set(ref, [key]);
    else list.push(key);
  }
  const refOf = new Map<string, string>();
  for (const [ref, keys] of wanted) {
    if (keys.length === 1) refOf.set(keys[0] as string, ref);
    else for (const key of keys) refOf.set(key, `${ref}#${sha256Hex(key).slice(0, 12)}`);
  }

  const toBomComponent = (key: string, c: Component): BomComponent => {
    const split = c.ecosystem === 'npm' ? splitNpmName(c.name) : { name: c.name };
    return { bomRef: refOf.get(key) as string, component: c, shortName: split.name, ...(split.scope !== undefined ? { group: split.scope } : {}) };
  };
  const assemblies: BomComponent[] = [];
  const components: BomComponent[] = [];
  for (const [key, c] of merged) (members.has(key) ? assemblies : components).push(toBomComponent(key, c));
  assemblies.sort((a, b) => compare(a.bomRef, b.bomRef));
  components.sort((a, b) => compare(a.bomRef, b.bomRef));

  const root = { bomRef: rootRef(rootProject), project: rootProject };
  const usedRefs = new Set([root.bomRef, ...refOf.values()]);
  const subs: BomSubProject[] = subProjects.map((s) => {
    let ref = rootRef(s.project);
    if (usedRefs.has(ref)) ref = rootRef(s.project, s.lockfile);
    usedRefs.add(ref);
    return { bomRef: ref, project: s.project, lockfile: s.lockfile };
  });

  const refsOf = (keys: Iterable<string>): string[] => {
    const out = new Set<string>();
    for (const k of keys) {
      const r = refOf.get(k);
      if (r !== undefined) out.add(r);
    }
    return [...out].sort(compare);
  };
  const dependencies = new Map<string, readonly string[]>();
  dependencies.set(root.bomRef, [...new Set([...refsOf(rootDeps), ...subs.map((s) => s.bomRef)])].sort(compare));
  subProjects.forEach((s, i) => dependencies.set((subs[i] as BomSubProject).bomRef, refsOf(s.deps)));
  for (const bc of [...assemblies, ...components]) dependencies.set(bc.bomRef, refsOf(bc.component.dependsOn));

  return {
    root,
    assemblies,
    subProjects: subs.sort((a, b) => compare(a.bomRef, b.bomRef)),
    components,
    dependencies,
    lockfiles: results.map((r) => ({ path: r.lockfile, format: r.format, components: r.components.size })),
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
    warnings: [...new Set(warnings)],
    licensesKnown: results.length > 0 && results.every((r) => r.carriesLicenses),
    rootLicenses: rootProject.licenses,
  };
}
