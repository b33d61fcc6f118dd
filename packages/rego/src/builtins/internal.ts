/** Builtins tied to the engine: walk, trace, opa.runtime. (print and rego.metadata.* are handled by the evaluator.) */
import { isObject, kindOf } from '../value/kinds.js';
import { objEntries } from '../value/object.js';
import type { RegoSet, Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

function walk(v: Value, path: Value[], out: Value[]): void {
  out.push([path.slice(), v]);
  switch (kindOf(v)) {
    case 'array':
      (v as readonly Value[]).forEach((x, i) => {
        path.push(i);
        walk(x, path, out);
        path.pop();
      });
      break;
    case 'set':
      for (const x of (v as RegoSet).values()) {
        path.push(x);
        walk(x, path, out);
        path.pop();
      }
      break;
    case 'object':
      if (isObject(v))
        for (const [k, x] of objEntries(v)) {
          path.push(k);
          walk(x, path, out);
          path.pop();
        }
      break;
    default:
      break;
  }
}

export const INTERNAL_BUILTINS: readonly BuiltinDecl[] = [
  {
    name: 'walk',
    args: ['any'],
    relation: true,
    impl: ([v]) => {
      const out: Value[] = [];
      walk(v as Value, [], out);
      return out;
    },
  },
  { name: 'trace', args: ['string'], impl: () => true },
  { name: 'opa.runtime', args: [], impl: () => ({}) },
];
