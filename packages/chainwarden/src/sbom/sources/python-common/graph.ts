import type { Component, Scope } from '../../model.js';
import type { ScopeSeed } from '../../scope.js';
import type { DeclaredDependency } from './pyproject.js';
import type { LockedNames } from './resolve.js';

/** A dependency reference read from a lockfile entry, format-neutral. */
export interface DependencyRef {
  readonly name: string;
  /** One constraint per marker branch; empty strings when unconstrained. */
  readonly constraints: readonly string[];
  /** Only through one of the dependent's extras: may legitimately be unlocked. */
  readonly optional: boolean;
  /** Guarded by an environment marker: may legitimately be unlocked (the lock pruned it for the project's Pythons). */
  readonly conditional: boolean;
}

/** Collects what could not be resolved while linking, and turns it into a few warnings. */
export class LinkReport {
  private readonly missing = new Set<string>();
  private readonly ambiguous = new Set<string>();

  constructor(private readonly file: string) {}

  noteMissing(from: string, name: string): void {
    this.missing.add(`${from} → ${name}`);
  }

  noteAmbiguous(from: string, name: string): void {
    this.ambiguous.add(`${from} → ${name}`);
  }

  warnings(): string[] {
    const out: string[] = [];
    const list = (set: Set<string>): string => {
      const items = [...set].sort();
      return items.slice(0, 10).join(', ') + (items.length > 10 ? `, and ${items.length - 10} more` : '');
    };
    if (this.missing.size > 0) out.push(`${this.file}: ${this.missing.size} dependency reference(s) name packages the lockfile does not lock (not linked): ${list(this.missing)}`);
    if (this.ambiguous.size > 0) {
      out.push(`${this.file}: ${this.ambiguous.size} dependency reference(s) match several locked versions and no constraint picks one (linked to all): ${list(this.ambiguous)}`);
    }
    return out;
  }
}

/** Links `from` to the locked components its references name (never to itself, never to unlocked packages). */
export function linkDependencies(from: Component, refs: readonly DependencyRef[], names: LockedNames, report: LinkReport): void {
  for (const ref of refs) {
    const { keys, ambiguous } = names.resolve(ref.name, ref.constraints);
    if (keys.length === 0) {
      if (!ref.optional && !ref.conditional) report.noteMissing(`${from.name} ${from.version ?? ''}`.trim(), ref.name);
      continue;
    }
    if (ambiguous) report.noteAmbiguous(`${from.name} ${from.version ?? ''}`.trim(), ref.name);
    for (const key of keys) if (key !== from.key) from.dependsOn.add(key);
  }
}

/** The root's declared dependencies resolved against the lock: direct dependency keys and reachability seeds. */
export function resolveDeclared(
  declared: readonly DeclaredDependency[],
  names: LockedNames,
  report: LinkReport,
  rootName: string,
): { rootDependsOn: Set<string>; seeds: ScopeSeed[]; unlocked: string[] } {
  const rootDependsOn = new Set<string>();
  const seeds: ScopeSeed[] = [];
  const unlocked = new Set<string>();
  for (const dep of declared) {
    const { keys, ambiguous } = names.resolve(dep.name, dep.constraint === '' ? [] : [dep.constraint]);
    if (keys.length === 0) unlocked.add(dep.name);
    if (ambiguous) report.noteAmbiguous(rootName, dep.name);
    for (const key of keys) {
      rootDependsOn.add(key);
      seeds.push({ key, scope: dep.scope });
    }
  }
  return { rootDependsOn, seeds, unlocked: [...unlocked].sort() };
}

function weaker(a: Scope, b: Scope): Scope {
  const rank: Record<Scope, number> = { required: 3, optional: 2, excluded: 1 };
  return rank[a] <= rank[b] ? a : b;
}

/**
 * Applies scopes: the lockfile's own per-package scope when it records one for every package; otherwise reachability
 * from the manifest's seeds (`propagate`), with the lock's per-package information still winning and its
 * `optional` caps respected; without either, the lock's information or `required`.
 */
export function applyScopes(
  components: Map<string, Component>,
  fromLock: ReadonlyMap<string, Scope>,
  caps: ReadonlyMap<string, Scope>,
  seeds: readonly ScopeSeed[] | undefined,
  propagate: (components: Map<string, Component>, seeds: readonly ScopeSeed[], fallback: Scope) => void,
): 'lock' | 'reachability' | 'default' {
  if ([...components.keys()].every((k) => fromLock.has(k))) {
    for (const [key, component] of components) component.scope = fromLock.get(key) as Scope;
    return 'lock';
  }
  if (seeds !== undefined) propagate(components, seeds, 'required');
  for (const [key, component] of components) {
    const locked = fromLock.get(key);
    let scope = locked ?? (seeds !== undefined ? component.scope : 'required');
    const cap = caps.get(key);
    if (cap !== undefined) scope = weaker(scope, cap);
    component.scope = scope;
  }
  return seeds !== undefined ? 'reachability' : 'default';
}

/** Sorted, de-duplicated properties. */
export function sortedProperties(properties: Iterable<readonly [string, string]>): [string, string][] {
  const seen = new Map<string, [string, string]>();
  for (const [name, value] of properties) seen.set(`${name}\u0000${value}`, [name, value]);
  return [...seen.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}
