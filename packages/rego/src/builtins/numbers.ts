/** The numbers builtin family: abs, round, ceil, floor, numbers.range(_step), bits.*, to_number, rand.intn. */
import { normBig } from '../value/num.js';
import { numberFromText } from '../value/json.js';
import { fail } from './registry.js';
import { intOperand, operandError } from './support/operands.js';
import type { Num } from '../value/num.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

const unary = (name: string, f: (x: number) => number, big: (x: bigint) => bigint = (x) => x): BuiltinDecl => ({
  name,
  args: ['number'],
  impl: ([x]) => (typeof x === 'bigint' ? big(x) : f(x as number)),
});

/** Go's math.Round: half away from zero. */
const goRound = (x: number): number => (x < 0 ? -Math.round(-x) : Math.round(x)) + 0;

/** An integral operand as a bigint (`must be integer number but got floating-point number`). */
function bigOperand(name: string, pos: number, v: Value): bigint {
  if (typeof v === 'bigint') return v;
  if (!Number.isInteger(v)) throw operandError(name, pos, 'must be integer number but got floating-point number');
  return BigInt(v as number);
}

function range(a: bigint, b: bigint, step: bigint): Num[] {
  const out: Num[] = [];
  if (a <= b) for (let i = a; i <= b; i += step) out.push(normBig(i));
  else for (let i = a; i >= b; i -= step) out.push(normBig(i));
  return out;
}

const bitwise = (name: string, f: (a: bigint, b: bigint) => bigint): BuiltinDecl => ({
  name,
  args: ['number', 'number'],
  impl: ([a, b]) => normBig(f(bigOperand(name, 1, a as Value), bigOperand(name, 2, b as Value))),
});

function shiftCount(name: string, v: Value): bigint {
  const n = bigOperand(name, 2, v);
  if (n < 0n) throw operandError(name, 2, 'must be an unsigned integer number but got a negative integer');
  return n;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(inf|infinity|nan)$/i;

function toNumber(v: Value): Value {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  const s = v as string;
  if (NON_FINITE.test(s)) throw operandError('to_number', 1, 'must be a finite number but got ' + JSON.stringify(s));
  if (!NUMBER_TEXT.test(s)) throw fail('to_number', `strconv.ParseFloat: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = numberFromText(s.replace(/^\+/, ''));
  return typeof n === 'number' && Object.is(n, -0) ? 0 : n;
}

export const NUMBERS_BUILTINS: readonly BuiltinDecl[] = [
  unary('abs', Math.abs, (x) => (x < 0n ? -x : x)),
  unary('round', goRound),
  unary('ceil', (x) => Math.ceil(x) + 0),
  unary('floor', Math.floor),
  {
    name: 'numbers.range',
    args: ['number', 'number'],
    impl: ([a, b]) => range(bigOperand('numbers.range', 1, a as Value), bigOperand('numbers.range', 2, b as Value), 1n),
  },
  {
    name: 'numbers.range_step',
    args: ['number', 'number', 'number'],
    impl: ([a, b, s]) => {
      const x = bigOperand('numbers.range_step', 1, a as Value);
      const y = bigOperand('numbers.range_step', 2, b as Value);
      if (typeof s === 'number' && !Number.isInteger(s)) throw operandError('numbers.range_step', 3, 'must be integer number but got floating-point number');
      const step = bigOperand('numbers.range_step', 3, s as Value);
      if (step <= 0n) throw fail('numbers.range_step', 'step must be a positive integer');
      return range(x, y, step);
    },
  },
  bitwise('bits.and', (a, b) => a & b),
  bitwise('bits.or', (a, b) => a | b),
  bitwise('bits.xor', (a, b) => a ^ b),
  { name: 'bits.negate', args: ['number'], impl: ([a]) => normBig(~bigOperand('bits.negate', 1, a as Value)) },
  {
    name: 'bits.lsh',
    args: ['number', 'number'],
    impl: ([a, b]) => {
      const x = bigOperand('bits.lsh', 1, a as Value);
      const n = shiftCount('bits.lsh', b as Value);
      if (n > 65536n) throw fail('bits.lsh', 'shift count too large');
      return normBig(x << n);
    },
  },
  {
    name: 'bits.rsh',
    args: ['number', 'number'],
    impl: ([a, b]) => normBig(bigOperand('bits.rsh', 1, a as Value) >> shiftCount('bits.rsh', b as Value)),
  },
  { name: 'to_number', args: [['null', 'boolean', 'number', 'string']], impl: ([v]) => toNumber(v as Value) },
  {
    name: 'rand.intn',
    args: ['string', 'number'],
    nondeterministic: true,
    impl: ([s, n], ctx) => {
      const max = Math.abs(intOperand('rand.intn', 2, n as Value));
      if (max === 0) return 0;
      const key = `rand.intn:${JSON.stringify([s, max])}`;
      const hit = ctx.cache.get(key);
      if (typeof hit === 'number') return hit;
      const r = Math.floor(Math.random() * max);
      ctx.cache.set(key, r);
      return r;
    },
  },
];
