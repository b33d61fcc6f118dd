import { normalizePypiName } from '../../../core/purl.js';
import type { Component } from '../../model.js';
import { satisfies } from './pep440.js';

/** Locked components by PEP 503 name, to resolve dependency references the way the installer does: by name. */
export class LockedNames {
  private readonly byName = new Map<string, Component[]>();

  add(component: Component): void {
    const name = normalizePypiName(component.name);
    const list = this.byName.get(name);
    if (list === undefined) this.byName.set(name, [component]);
    else if (!list.includes(component)) list.push(component);
  }

  candidates(name: string): readonly Component[] {
    return this.byName.get(normalizePypiName(name)) ?? [];
  }

  /**
   * Resolves a reference to `name` with zero or more constraints (one per marker branch). One candidate: that one.
   * Several (a name locked at two versions): the ones whose version satisfies a constraint; when none can be picked,
   * all candidates with `ambiguous` set so the caller warns.
   */
  resolve(name: string, constraints: readonly string[]): { keys: string[]; ambiguous: boolean } {
    const all = this.candidates(name);
    if (all.length <= 1) return { keys: all.map((c) => c.key), ambiguous: false };
    const picked = new Set<string>();
    for (const constraint of constraints.length > 0 ? constraints : ['']) {
      for (const candidate of all) {
        if (candidate.version !== undefined && satisfies(candidate.version, constraint) === true) picked.add(candidate.key);
      }
    }
    if (picked.size === 0 || (picked.size === all.length && constraints.every((c) => c.trim() === '' || c.trim() === '*'))) {
      return { keys: all.map((c) => c.key).sort(), ambiguous: true };
    }
    return { keys: [...picked].sort(), ambiguous: false };
  }
}

/**
 * The root's direct dependencies when no manifest says what they are: the locked packages no other locked package
 * depends on, plus (for dependency cycles nothing outside reaches) the first member of each such cycle in key order,
 * so that every component is reachable from the root.
 */
export function inferTopLevel(components: Map<string, Component>): string[] {
  const incoming = new Set<string>();
  for (const component of components.values()) for (const dep of component.dependsOn) if (dep !== component.key) incoming.add(dep);
  const keys = [...components.keys()].sort();
  const top = keys.filter((k) => !incoming.has(k));
  const reached = new Set<string>();
  const visit = (start: string): void => {
    const stack = [start];
    while (stack.length > 0) {
      const key = stack.pop() as string;
      if (reached.has(key)) continue;
      reached.add(key);
      for (const dep of components.get(key)?.dependsOn ?? []) if (!reached.has(dep)) stack.push(dep);
    }
  };
  top.forEach(visit);
  for (const key of keys) {
    if (!reached.has(key)) {
      top.push(key);
      visit(key);
    }
  }
  return top.sort();
}
