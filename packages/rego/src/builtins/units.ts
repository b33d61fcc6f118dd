/** The units builtin family: units.parse (SI, binary and milli suffixes), units.parse_bytes. */
import { normBig } from '../value/num.js';
import { fail } from './registry.js';
import type { Num } from '../value/num.js';
import type { BuiltinDecl } from './registry.js';

/** A multiplier as 10^pow10 * 2^pow2. */
interface Scale {
  readonly pow10: number;
  readonly pow2: number;
}

const SI = ['k', 'm', 'g', 't', 'p', 'e'];

function scaleOf(unit: string, bytes: boolean): Scale | undefined {
  if (unit === '') return { pow10: 0, pow2: 0 };
  if (!bytes && unit === 'm') return { pow10: -3, pow2: 0 };
  let u = unit.toLowerCase();
  if (bytes && u.endsWith('b')) u = u.slice(0, -1);
  const i = SI.indexOf(u[0] ?? '');
  if (i < 0) return undefined;
  const rest = u.slice(1);
  if (rest === '') return { pow10: 3 * (i + 1), pow2: 0 };
  if (rest === 'i') return { pow10: 0, pow2: 10 * (i + 1) };
  return undefined;
}

const AMOUNT = /^([+-]?)([0-9]*\.?[0-9]*)([eE][+-]?[0-9]+)?/;

function parseUnits(name: string, what: string, input: string, bytes: boolean): Num {
  const s = input.replace(/^"+|"+$/g, '');
  if (/\s/.test(s)) throw fail(name, 'spaces not allowed in resource strings');
  const m = AMOUNT.exec(s) as RegExpExecArray;
  const neg = m[1] === '-';
  const num = m[2] as string;
  const exp = m[3] ?? '';
  const unit = s.slice(m[0].length);
  if (/^[.0-9]/.test(unit)) throw fail(name, `could not parse ${what} to a number`);
  if (num === '' || num === '.') throw fail(name, `no ${what} provided`);
  const scale = scaleOf(unit, bytes);
  if (!scale) {
    throw fail(name, `no ${what} provided`);
  }
  const e = exp === '' ? 0 : Number(exp.slice(1));
  if (Math.abs(e) > 1000) throw fail(name, 'exponent too large');
  // exact decimal: mantissa digits * 10^(exponent) * 2^pow2
  const [ip, fp = ''] = num.split('.') as [string, string?];
  let mant = BigInt((ip + fp).replace(/^0+(?=\d)/, '') || '0') * (1n << BigInt(scale.pow2)) * (neg ? -1n : 1n);
  let pow = e + scale.pow10 - fp.length;
  if (pow >= 0) return normBig(mant * 10n ** BigInt(pow));
  if (bytes) return normBig(mant / 10n ** BigInt(-pow));
  while (pow < 0 && mant % 10n === 0n && mant !== 0n) {
    mant /= 10n;
    pow++;
  }
  if (pow >= 0) return normBig(mant * 10n ** BigInt(pow));
  return Number(`${mant}e${pow}`);
}

export const UNITS_BUILTINS: readonly BuiltinDecl[] = [
  { name: 'units.parse', args: ['string'], impl: ([s]) => parseUnits('units.parse', 'amount', s as string, false) },
  { name: 'units.parse_bytes', args: ['string'], impl: ([s]) => parseUnits('units.parse_bytes', 'byte amount', s as string, true) },
];
