/** Aggregates: count, sum, product, max, min, sort. */
import { compare } from '../value/compare.js';
import { isSet, kindOf } from '../value/kinds.js';
import { objSize } from '../value/object.js';
import { add, mul } from '../value/num.js';
import { typeError } from './registry.js';
import type { Num } from '../value/num.js';
import type { ObjectValue } from '../value/object.js';
import type { RegoSet, Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

function items(v: Value): readonly Value[] {
  return isSet(v) ? [...(v).values()] : (v as readonly Value[]);
}

function numbers(name: string, v: Value): Num[] {
  const xs = items(v);
  for (const x of xs) if (kindOf(x) !== 'number') throw typeError(name, 1, 'one of {array, set} of numbers', v);
  return xs as Num[];
}

export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

export const AGGREGATES_BUILTINS: readonly BuiltinDecl[] = [
  {
    name: 'count',
    args: [['array', 'object', 'set', 'string']],
    impl: ([v]) => {
      const x = v as Value;
      switch (kindOf(x)) {
        case 'string':
          return codePointLength(x as string);
        case 'array':
          return (x as readonly Value[]).length;
        case 'set':
          return (x as RegoSet).size;
        default:
          return objSize(x as ObjectValue);
      }
    },
  },
  { name: 'sum', args: [['array', 'set']], impl: ([v]) => numbers('sum', v as Value).reduce<Num>((a, b) => add(a, b), 0) },
  { name: 'product', args: [['array', 'set']], impl: ([v]) => numbers('product', v as Value).reduce<Num>((a, b) => mul(a, b), 1) },
  {
    name: 'max',
    args: [['array', 'set']],
    impl: ([v]) => {
      const xs = items(v as Value);
      if (xs.length === 0) return undefined;
      return xs.reduce((a, b) => (compare(a, b) >= 0 ? a : b));
    },
  },
  {
    name: 'min',
    args: [['array', 'set']],
    impl: ([v]) => {
      const xs = items(v as Value);
      if (xs.length === 0) return undefined;
      return xs.reduce((a, b) => (compare(a, b) <= 0 ? a : b));
    },
  },
  { name: 'sort', args: [['array', 'set']], impl: ([v]) => [...items(v as Value)].sort(compare) },
];
