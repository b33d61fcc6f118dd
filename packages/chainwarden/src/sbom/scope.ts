import type { Component, Scope } from './model.js';
import { strongerScope } from './model.js';

export interface ScopeSeed {
  readonly key: string;
  readonly scope: Scope;
}

/**
 * Scope by reachability: walks the dependency graph from the root's direct dependencies, each seed carrying the
 * scope of the edge that reached it (main → required, extras/optional → optional, dev → excluded). A component
 * reachable several ways keeps the strongest scope. Components never reached keep `fallback`.
 */
export function propagateScopes(components: Map<string, Component>, seeds: readonly ScopeSeed[], fallback: Scope = 'excluded'): void {
  const best = new Map<string, Scope>();
  for (const order of ['required', 'optional', 'excluded'] as const) {
    const stack = seeds.filter((s) => s.scope === order).map((s) => s.key);
    while (stack.length > 0) {
      const key = stack.pop() as string;
      if (best.has(key)) continue; // already reached with an equal or stronger scope (processed in order)
      best.set(key, order);
      const component = components.get(key);
      if (component === undefined) continue;
      for (const dep of component.dependsOn) if (!best.has(dep)) stack.push(dep);
    }
  }
  for (const [key, component] of components) {
    component.scope = best.get(key) ?? strongerScope(undefined, fallback);
  }
}
