/**
 * Shared by both flavours: lockfile entries + the project's workspaces → components, edges, root deps and scopes.
 *
 * A dependency `name@range` resolves to the entry whose key lists that descriptor — exactly how yarn looks it up.
 * Entries resolving to the same (name, version, source) are one component (a berry `patch:` entry and its base,
 * an alias and its real package).
 */
import { LockfileError } from '../../../core/errors.js';
import { makeComponent } from '../../component-builder.js';
import type { Component, Hash, License, Property } from '../../model.js';
import { splitDescriptor } from './descriptor.js';
import type { YarnDependency, YarnLock } from './yarn-lock-model.js';
import type { Override } from './resolutions.js';
import type { KindSeed, TypedEdge } from './yarn-scopes.js';
import { assignScopes } from './yarn-scopes.js';

/** A workspace of the project: the root (`.`) or a member, with its declared dependencies. */
export interface Workspace {
  readonly path: string;
  readonly name: string;
  readonly version: string | undefined;
  readonly description?: string | undefined;
  readonly licenses?: License[];
  readonly dependencies: readonly YarnDependency[];
}

export interface GraphInput {
  readonly lock: YarnLock;
  readonly file: string;
  /** The root's declared dependencies; undefined when unknown (then the packages nothing depends on stand in). */
  readonly rootDependencies: readonly YarnDependency[] | undefined;
  readonly members: readonly Workspace[];
  /**
   * False when some manifest is missing, so not every dependency is known: packages nothing reaches are then
   * assumed to be the unknown workspaces' dependencies and scoped as required (their optional deps as optional).
   * When true, unreached packages are stale lockfile entries and scoped as excluded.
   */
  readonly scopesComplete: boolean;
  /** The root manifest's `resolutions`, tried when a descriptor is not locked as declared. */
  readonly override?: Override | undefined;
}

export interface YarnGraph {
  readonly components: Map<string, Component>;
  readonly rootDependsOn: Set<string>;
  readonly workspaceMembers: Set<string>;
  readonly warnings: string[];
  /** Components no root or member dependency reaches. */
  readonly unreached: number;
}

type Target = { readonly kind: 'package'; readonly key: string } | { readonly kind: 'workspace'; readonly path: string };

const MAX_LISTED_UNRESOLVED = 20;

export function buildYarnGraph(input: GraphInput): YarnGraph {
  const { lock, file } = input;
  const components = new Map<string, Component>();
  const warnings: string[] = [];
  const index = new Map<string, { target: Target; line: number | undefined }>();
  const entryKeys: (string | undefined)[] = [];

  for (const entry of lock.entries) {
    let target: Target;
    if (entry.workspace !== undefined) {
      target = { kind: 'workspace', path: entry.workspace };
      entryKeys.push(undefined);
    } else {
      const component = makeComponent({ ecosystem: 'npm', name: entry.name, version: entry.version, source: entry.source, hashes: [...entry.hashes], properties: [...entry.properties] });
      const existing = components.get(component.key);
      if (existing === undefined) components.set(component.key, component);
      else mergeInto(existing, entry.hashes, entry.properties);
      target = { kind: 'package', key: component.key };
      entryKeys.push(component.key);
    }
    for (const descriptor of entry.descriptors) {
      const parts = splitDescriptor(descriptor);
      if (parts === undefined) throw new LockfileError(`"${descriptor}" is not a name@range descriptor`, { file, line: entry.line });
      const lookup = lock.descriptorKey(parts.name, parts.range);
      const previous = index.get(lookup);
      if (previous !== undefined) {
        const first = previous.line !== undefined ? ` (first at line ${previous.line})` : '';
        throw new LockfileError(`descriptor "${descriptor}" is locked twice${first}`, { file, line: entry.line }, { code: 'LOCKFILE_DUPLICATE' });
      }
      index.set(lookup, { target, line: entry.line });
    }
  }

  const workspaceMembers = new Set<string>();
  const memberByPath = new Map<string, string>();
  const memberByName = new Map<string, string>();
  for (const member of input.members) {
    const component = makeComponent({ ecosystem: 'npm', name: member.name, version: member.version, source: { kind: 'workspace', path: member.path }, type: 'application' });
    components.set(component.key, component);
    workspaceMembers.add(component.key);
    memberByPath.set(member.path, component.key);
    if (!memberByName.has(member.name)) memberByName.set(member.name, component.key);
  }

  const unresolved: string[] = [];
  const lookup = (dep: YarnDependency, ownerName: string | undefined): { target: Target } | undefined => {
    const hit = index.get(lock.descriptorKey(dep.name, dep.range));
    if (hit !== undefined || input.override === undefined) return hit;
    const range = input.override(dep.name, dep.range, ownerName);
    return range === undefined ? undefined : index.get(lock.descriptorKey(dep.name, range));
  };
  const resolve = (dep: YarnDependency, owner: string, ownerName?: string): string | undefined => {
    const hit = lookup(dep, ownerName);
    if (hit?.target.kind === 'package') return hit.target.key;
    if (hit?.target.kind === 'workspace') return hit.target.path === '.' ? undefined : (memberByPath.get(hit.target.path) ?? memberByName.get(dep.name));
    const member = memberByName.get(dep.name);
    if (member !== undefined) return member; // classic does not lock workspaces: `"@org/lib": "*"` between members
    unresolved.push(`${dep.name}@${dep.range} (required by ${owner})`);
    return undefined;
  };

  const edges: TypedEdge[] = [];
  const link = (from: Component, dep: YarnDependency, owner: string): void => {
    const to = resolve(dep, owner, from.name);
    if (to === undefined || to === from.key) return;
    from.dependsOn.add(to);
    edges.push({ from: from.key, to, kind: dep.kind });
  };
  lock.entries.forEach((entry, i) => {
    const key = entryKeys[i];
    if (key === undefined) return;
    const owner = `${entry.name}@${entry.version ?? '?'}`;
    for (const dep of entry.dependencies) link(components.get(key) as Component, dep, owner);
  });
  for (const member of input.members) {
    const component = components.get(memberByPath.get(member.path) as string) as Component;
    for (const dep of member.dependencies) link(component, dep, `workspace ${member.path}`);
  }

  const rootDependsOn = new Set<string>();
  const seeds: KindSeed[] = [...workspaceMembers].map((key) => ({ key, kind: 'required' as const }));
  if (input.rootDependencies !== undefined) {
    for (const dep of input.rootDependencies) {
      const to = resolve(dep, 'the root project');
      if (to === undefined) continue;
      rootDependsOn.add(to);
      seeds.push({ key: to, kind: dep.kind });
    }
  }
  const reachedBySeeds = reachable(components, seeds.map((s) => s.key));
  if (input.rootDependencies === undefined || !input.scopesComplete) {
    // Packages nothing depends on are direct dependencies of the root or of a workspace we could not read.
    const depended = new Set(edges.map((e) => e.to));
    for (const key of components.keys()) {
      if (depended.has(key) || reachedBySeeds.has(key)) continue;
      if (input.rootDependencies === undefined) rootDependsOn.add(key);
      seeds.push({ key, kind: 'required' });
    }
  }

  if (unresolved.length > 0) {
    const listed = unresolved.slice(0, MAX_LISTED_UNRESOLVED).join('; ');
    const more = unresolved.length > MAX_LISTED_UNRESOLVED ? `; and ${unresolved.length - MAX_LISTED_UNRESOLVED} more` : '';
    warnings.push(`${file}: ${unresolved.length} dependency descriptor(s) are not locked, their edges are missing: ${listed}${more}`);
  }

  assignScopes(components, edges, seeds, input.scopesComplete ? 'excluded' : 'required');
  for (const component of components.values()) component.properties.sort(compareProperty);
  return { components, rootDependsOn, workspaceMembers, warnings, unreached: components.size - reachedBySeeds.size };
}

function mergeInto(component: Component, hashes: readonly Hash[], properties: readonly Property[]): void {
  for (const hash of hashes) {
    if (!component.hashes.some((h) => h.alg === hash.alg && h.content === hash.content)) component.hashes.push(hash);
  }
  for (const property of properties) {
    if (!component.properties.some((p) => p[0] === property[0] && p[1] === property[1])) component.properties.push(property);
  }
}

function reachable(components: Map<string, Component>, start: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const dep of components.get(key)?.dependsOn ?? []) stack.push(dep);
  }
  return seen;
}

function compareProperty(a: Property, b: Property): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}
