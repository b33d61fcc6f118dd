/** Infix operators: arithmetic, comparison, set union/intersection, membership. */
import { BuiltinError } from '../errors.js';
import { compare, equal } from '../value/compare.js';
import { isNumber, isSet, kindOf } from '../value/kinds.js';
import { objEntries, setHas } from '../value/object.js';
import { add, div, isIntegral, mul, rem, sub } from '../value/num.js';
import { RegoSet } from '../value/types.js';
import { typeError } from './registry.js';
import type { Num } from '../value/num.js';
import type { ObjectValue } from '../value/object.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

const cmp = (name: string, test: (c: number) => boolean): BuiltinDecl => ({
  name,
  args: ['any', 'any'],
  impl: ([a, b]) => test(compare(a as Value, b as Value)),
});

function setDiff(a: RegoSet, b: RegoSet): RegoSet {
  const out = new RegoSet();
  for (const [k, v] of a.map) if (!b.map.has(k)) out.map.set(k, v);
  return out;
}

export const OPERATORS_BUILTINS: readonly BuiltinDecl[] = [
  { name: 'equal', args: ['any', 'any'], impl: ([a, b]) => equal(a as Value, b as Value) },
  { name: 'neq', args: ['any', 'any'], impl: ([a, b]) => !equal(a as Value, b as Value) },
  cmp('lt', (c) => c < 0),
  cmp('lte', (c) => c <= 0),
  cmp('gt', (c) => c > 0),
  cmp('gte', (c) => c >= 0),
  {
    name: 'plus',
    args: ['number', 'number'],
    impl: ([a, b]) => add(a as Num, b as Num),
  },
  {
    name: 'minus',
    args: [['number', 'set'], ['number', 'set']],
    impl: ([a, b]) => {
      if (isNumber(a as Value) && isNumber(b as Value)) return sub(a as Num, b as Num);
      if (isSet(a as Value) && isSet(b as Value)) return setDiff(a as RegoSet, b as RegoSet);
      if (isNumber(a as Value)) throw typeError('minus', 2, 'number', b as Value);
      throw typeError('minus', 2, 'set', b as Value);
    },
  },
  { name: 'mul', args: ['number', 'number'], impl: ([a, b]) => mul(a as Num, b as Num) },
  {
    name: 'div',
    args: ['number', 'number'],
    impl: ([a, b]) => {
      if (Number(b) === 0) throw new BuiltinError('div: divide by zero');
      return div(a as Num, b as Num);
    },
  },
  {
    name: 'rem',
    args: ['number', 'number'],
    impl: ([a, b]) => {
      if (!isIntegral(a as Num) || !isIntegral(b as Num)) throw new BuiltinError('rem: modulo on floating-point number');
      if (Number(b) === 0) throw new BuiltinError('rem: modulo by zero');
      return rem(a as Num, b as Num);
    },
  },
  {
    name: 'and',
    args: ['set', 'set'],
    impl: ([a, b]) => {
      const out = new RegoSet();
      for (const [k, v] of (a as RegoSet).map) if ((b as RegoSet).map.has(k)) out.map.set(k, v);
      return out;
    },
  },
  {
    name: 'or',
    args: ['set', 'set'],
    impl: ([a, b]) => {
      const out = new RegoSet();
      for (const [k, v] of (a as RegoSet).map) out.map.set(k, v);
      for (const [k, v] of (b as RegoSet).map) out.map.set(k, v);
      return out;
    },
  },
  {
    name: 'internal.member_2',
    args: ['any', 'any'],
    impl: ([x, c]) => member(x as Value, c as Value),
  },
  {
    name: 'internal.member_3',
    args: ['any', 'any', 'any'],
    impl: ([k, x, c]) => member3(k as Value, x as Value, c as Value),
  },
];

function member(x: Value, c: Value): boolean {
  switch (kindOf(c)) {
    case 'set':
      return setHas(c as RegoSet, x);
    case 'array':
      return (c as readonly Value[]).some((v) => equal(v, x));
    case 'object':
      for (const [, v] of objEntries(c as ObjectValue)) if (equal(v, x)) return true;
      return false;
    default:
      return false;
  }
}

function member3(k: Value, x: Value, c: Value): boolean {
  switch (kindOf(c)) {
    case 'array': {
      const arr = c as readonly Value[];
      if (typeof k !== 'number' || !Number.isInteger(k)) return false;
      return k >= 0 && k < arr.length && equal(arr[k] as Value, x);
    }
    case 'object':
      for (const [kk, v] of objEntries(c as ObjectValue)) if (equal(kk, k) && equal(v, x)) return true;
      return false;
    case 'set':
      return equal(k, x) && setHas(c as RegoSet, x);
    default:
      return false;
  }
}

