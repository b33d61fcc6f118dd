/**
 * Scopes from reachability when edges have kinds: a yarn package's `optionalDependencies` (v1) or
 * `dependenciesMeta.optional` (berry) make an edge optional, a workspace's devDependencies make it dev.
 *
 * A package is `required` if a path of required edges reaches it from a required seed; `optional` if a path
 * without dev edges does; `excluded` if any path does. That is `propagateScopes` over the required edges alone,
 * seeded additionally with the target of every optional edge leaving a non-dev-reachable package (optional) and
 * of every optional or dev edge leaving any reachable package (excluded).
 */
import type { Component, Scope } from '../../model.js';
import type { ScopeSeed } from '../../scope.js';
import { propagateScopes } from '../../scope.js';
import type { EdgeKind } from './yarn-lock-model.js';

export interface TypedEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

export interface KindSeed {
  readonly key: string;
  readonly kind: EdgeKind;
}

const SCOPE_OF: Readonly<Record<EdgeKind, Scope>> = { required: 'required', optional: 'optional', dev: 'excluded' };

export function assignScopes(components: Map<string, Component>, edges: readonly TypedEdge[], seeds: readonly KindSeed[], fallback: Scope): void {
  const byFrom = new Map<string, TypedEdge[]>();
  for (const edge of edges) {
    const list = byFrom.get(edge.from);
    if (list === undefined) byFrom.set(edge.from, [edge]);
    else list.push(edge);
  }
  const nonDev = reach(
    seeds.filter((s) => s.kind !== 'dev').map((s) => s.key),
    byFrom,
    (kind) => kind !== 'dev',
  );
  const any = reach(
    seeds.map((s) => s.key),
    byFrom,
    () => true,
  );
  const scopeSeeds: ScopeSeed[] = seeds.map((s) => ({ key: s.key, scope: SCOPE_OF[s.kind] }));
  for (const edge of edges) {
    if (edge.kind === 'required') continue;
    if (edge.kind === 'optional' && nonDev.has(edge.from)) scopeSeeds.push({ key: edge.to, scope: 'optional' });
    if (any.has(edge.from)) scopeSeeds.push({ key: edge.to, scope: 'excluded' });
  }
  // propagateScopes reads `dependsOn` and writes `scope`: a view holding only those two, with the required edges.
  const view = new Map<string, Component>();
  for (const key of components.keys()) view.set(key, { dependsOn: new Set<string>(), scope: fallback } as Pick<Component, 'dependsOn' | 'scope'> as Component);
  for (const edge of edges) if (edge.kind === 'required') view.get(edge.from)?.dependsOn.add(edge.to);
  propagateScopes(view, scopeSeeds, fallback);
  for (const [key, component] of components) component.scope = (view.get(key) as Component).scope;
}

function reach(start: readonly string[], byFrom: Map<string, TypedEdge[]>, follow: (kind: EdgeKind) => boolean): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const edge of byFrom.get(key) ?? []) if (follow(edge.kind) && !seen.has(edge.to)) stack.push(edge.to);
  }
  return seen;
}
