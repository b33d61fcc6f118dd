import type { Component, Scope } from '../../model.js';
import { strongerScope } from '../../model.js';
import { propagateScopes } from '../../scope.js';
import type { LockDocument } from './lock-document.js';
import type { LockGraph } from './graph.js';
import type { LockNode } from './nodes.js';

/**
 * pnpm's flags on one entry: `dev: true` only dev; `dev: false` only prod; no `dev` both (so required);
 * `optional: true` only through optional dependencies.
 */
function flagScope(node: LockNode): Scope {
  if (node.dev === true) return 'excluded';
  return node.optional ? 'optional' : 'required';
}

/**
 * v5/v6 lockfiles carry pnpm's own dev/optional flags: they are used as they are (the strongest over a package's
 * peer variants). v9 lockfiles (and older ones without flags) get scopes by reachability from the importers;
 * a package whose every snapshot is `optional: true` is optional even when reached through required edges.
 */
export function assignScopes(graph: LockGraph, main: LockDocument, warnings: string[]): void {
  const hasFlags = main.family.devFlags && main.nodes.some((node) => node.dev !== undefined);
  if (hasFlags) {
    for (const [key, component] of graph.components) {
      const nodes = graph.nodesOf.get(key) ?? [];
      component.scope = nodes.length === 0 ? 'required' : nodes.map(flagScope).reduce<Scope | undefined>(strongerScope, undefined) ?? 'required';
    }
    return;
  }
  // Importers' edges are already seeds with their group's scope (a member's devDependencies are not required
  // because the member is): the walk must not follow them again, so members are walked as leaves.
  const walked = new Map([...graph.components].map(([key, c]) => [key, graph.importerKeys.has(key) ? { ...c, dependsOn: new Set<string>() } : c]));
  propagateScopes(walked, graph.seeds, 'excluded');
  for (const [key, component] of graph.components) {
    component.scope = (walked.get(key) as Component).scope;
    const nodes = graph.nodesOf.get(key) ?? [];
    if (component.scope === 'required' && nodes.length > 0 && nodes.every((node) => node.optional)) component.scope = 'optional';
  }
  const unreached = countUnreached(graph);
  if (unreached > 0) warnings.push(`${main.shape.file}: ${unreached} locked package(s) are not reachable from any importer; scoped as excluded`);
}

function countUnreached(graph: LockGraph): number {
  const seen = new Set<string>();
  const stack = graph.seeds.map((seed) => seed.key);
  while (stack.length > 0) {
    const key = stack.pop() as string;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const dep of graph.components.get(key)?.dependsOn ?? []) stack.push(dep);
  }
  return [...graph.components.keys()].filter((key) => !seen.has(key)).length;
}
