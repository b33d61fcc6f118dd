/** units.parse and units.parse_bytes: exact decimal arithmetic, results exact beyond 2^53. */
import { normBig } from '../value/num.js';
import { fail } from './registry.js';
import type { Num } from '../value/num.js';
import type { BuiltinDecl } from './registry.js';

const K = 1000n;
const KI = 1024n;

/** Decimal (SI) and binary (IEC) multipliers; `m` is milli for units.parse. */
const UNIT_MULTIPLIERS: Readonly<Record<string, bigint>> = {
  '': 1n,
  k: K,
  ki: KI,
  m: K ** 2n,
  mi: KI ** 2n,
  g: K ** 3n,
  gi: KI ** 3n,
  t: K ** 4n,
  ti: KI ** 4n,
  p: K ** 5n,
  pi: KI ** 5n,
  e: K ** 6n,
  ei: KI ** 6n,
};

interface Decimal {
  /** value = mantissa * 10^exp */
  readonly mantissa: bigint;
  readonly exp: number;
}

function splitAmount(name: string, s: string, noAmount: string, badAmount: string): { amount: Decimal; unit: string } {
  if (/\s/.test(s)) throw fail(name, 'spaces not allowed in resource strings');
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  const m = /^([0-9.]*)((?:[eE][-+]?[0-9]+)?)(.*)$/.exec(s) as RegExpExecArray;
  const digits = m[1] as string;
  if (digits === '' || digits === '.') {
    if (digits === '.') throw fail(name, badAmount);
    throw fail(name, noAmount);
  }
  if (digits.split('.').length > 2) throw fail(name, badAmount);
  const [intPart, fracPart = ''] = digits.split('.') as [string, string?];
  let exp = m[2] ? Number((m[2]).slice(1)) : 0;
  if (Math.abs(exp) > 1000) throw fail(name, 'exponent too large');
  exp -= fracPart.length;
  const abs = BigInt((intPart + fracPart).replace(/^0+(?=\d)/, '') || '0');
  const mantissa = negative ? -abs : abs;
  return { amount: { mantissa, exp }, unit: m[3] as string };
}

/** amount * multiplier, exact when integral, else the nearest double. */
function scale(d: Decimal, mult: bigint, truncate: boolean): Num {
  const m = d.mantissa * mult;
  if (d.exp >= 0) return normBig(m * 10n ** BigInt(d.exp));
  const div = 10n ** BigInt(-d.exp);
  if (m % div === 0n || truncate) return normBig(m / div);
  return Number(`${m}e${d.exp}`);
}

export const UNITS_BUILTINS: readonly BuiltinDecl[] = [
  {
    name: 'units.parse',
    args: ['string'],
    impl: ([x]) => {
      const s = (x as string).replace(/^"|"$/g, '');
      const { amount, unit } = splitAmount('units.parse', s, 'no amount provided', 'could not parse amount to a number');
      if (unit === 'm') return scale({ mantissa: amount.mantissa, exp: amount.exp - 3 }, 1n, false);
      const mult = UNIT_MULTIPLIERS[unit.toLowerCase()];
      if (mult === undefined) throw fail('units.parse', `unknown unit ${unit}`);
      return scale(amount, mult, false);
    },
  },
  {
    name: 'units.parse_bytes',
    args: ['string'],
    impl: ([x]) => {
      const s = (x as string).replace(/^"|"$/g, '');
      const { amount, unit } = splitAmount('units.parse_bytes', s, 'no byte amount provided', 'could not parse byte amount to a number');
      const u = unit.toLowerCase().replace(/b$/, '');
      const mult = UNIT_MULTIPLIERS[u];
      if (mult === undefined) throw fail('units.parse_bytes', `unknown unit ${unit}`);
      return scale(amount, mult, true);
    },
  },
];
