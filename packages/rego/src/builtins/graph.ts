/** The graph builtin family: graph.reachable, graph.reachable_paths over `{node: edges}` objects. */
import { isArray, isSet, kindOf } from '../value/kinds.js';
import { makeSet, objGet } from '../value/object.js';
import { equal } from '../value/compare.js';
import { elements, operandError } from './support/operands.js';
import { GRAPHQL_BUILTINS } from './graphql.js';
import type { ObjectValue } from '../value/object.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

/** Edges of a node: a set or an array of nodes; null or other values count as none. */
function edges(graph: ObjectValue, node: Value): readonly Value[] | undefined {
  const e = objGet(graph, node);
  if (e === undefined) return undefined;
  return isSet(e) || isArray(e) ? elements(e) : [];
}

function reachable(graph: ObjectValue, initial: readonly Value[]): Value[] {
  const seen = makeSet([]);
  const out: Value[] = [];
  const queue = [...initial];
  while (queue.length > 0) {
    const n = queue.shift() as Value;
    if ([...seen.values()].some((x) => equal(x, n))) continue;
    const es = edges(graph, n);
    if (es === undefined) continue;
    seen.map.set(JSON.stringify(out.length), n);
    out.push(n);
    queue.push(...es);
  }
  return out;
}

function paths(graph: ObjectValue, node: Value, path: readonly Value[], out: Value[][]): void {
  const es = edges(graph, node);
  if (es === undefined) {
    if (path.length > 0) out.push([...path]);
    return;
  }
  if (path.some((x) => equal(x, node))) {
    out.push([...path]);
    return;
  }
  const next = [...path, node];
  if (es.length === 0) {
    out.push(next);
    return;
  }
  for (const e of es) paths(graph, e, next, out);
}

function initialNodes(name: string, v: Value): readonly Value[] {
  if (!isSet(v) && !isArray(v)) throw operandError(name, 2, `must be one of {array, set} but got ${kindOf(v)}`);
  return elements(v);
}

export const GRAPH_BUILTINS: readonly BuiltinDecl[] = [
  ...GRAPHQL_BUILTINS,
  {
    name: 'graph.reachable',
    args: ['object', 'any'],
    impl: ([g, init]) => makeSet(reachable(g as ObjectValue, initialNodes('graph.reachable', init as Value))),
  },
  {
    name: 'graph.reachable_paths',
    args: ['object', 'any'],
    impl: ([g, init]) => {
      const out: Value[][] = [];
      for (const n of initialNodes('graph.reachable_paths', init as Value)) paths(g as ObjectValue, n, [], out);
      return makeSet(out);
    },
  },
];
