/** The sets builtin family: intersection and union of a set of sets. */
import { isSet, kindOf } from '../value/kinds.js';
import { RegoSet } from '../value/types.js';
import { operandError } from './support/operands.js';
import type { BuiltinDecl } from './registry.js';

function sets(name: string, v: RegoSet): RegoSet[] {
  const out: RegoSet[] = [];
  for (const x of v.values()) {
    if (!isSet(x)) throw operandError(name, 1, `must be set of sets but got set containing ${kindOf(x)}`);
    out.push(x);
  }
  return out;
}

export const SETS_BUILTINS: readonly BuiltinDecl[] = [
  {
    name: 'union',
    args: ['set'],
    impl: ([v]) => {
      const out = new RegoSet();
      for (const s of sets('union', v as RegoSet)) for (const [k, x] of s.map) out.map.set(k, x);
      return out;
    },
  },
  {
    name: 'intersection',
    args: ['set'],
    impl: ([v]) => {
      const all = sets('intersection', v as RegoSet);
      const out = new RegoSet();
      const [first, ...rest] = all;
      if (!first) return out;
      for (const [k, x] of first.map) if (rest.every((s) => s.map.has(k))) out.map.set(k, x);
      return out;
    },
  },
];
