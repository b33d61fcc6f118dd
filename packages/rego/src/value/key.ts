import { RegoObject, RegoSet } from './types.js';
import type { Value } from './types.js';

const SAFE = 2 ** 53;

/** Canonical text of a number: integers in decimal (exact beyond 2^53), others as JS prints them. */
export function numberKey(n: number | bigint): string {
  if (typeof n === 'bigint') return n.toString();
  if (Number.isInteger(n) && Math.abs(n) >= SAFE) return BigInt(n).toString();
  if (Object.is(n, -0)) return '0';
  return String(n);
}

/** The structural key of a value: equal in Rego <=> equal keys. */
export function keyOf(v: Value): string {
  if (typeof v === 'string') return 's' + v;
  if (v === null) return 'n';
  switch (typeof v) {
    case 'boolean':
      return v ? 't' : 'f';
    case 'number':
    case 'bigint':
      return 'd' + numberKey(v);
    default:
      return 'c' + compositeKey(v);
  }
}

function compositeKey(v: Value): string {
  if (Array.isArray(v)) return '[' + (v as readonly Value[]).map(keyOf).map(quote).join(',') + ']';
  if (v instanceof RegoSet) return '{' + [...v.map.keys()].sort().map(quote).join(',') + '}';
  if (v instanceof RegoObject) {
    const parts = [...v.map.entries()].map(([k, [, val]]) => quote(k) + ':' + quote(keyOf(val)));
    return '<' + parts.sort().join(',') + '>';
  }
  const obj = v as Record<string, Value>;
  const parts = Object.keys(obj).map((k) => quote('s' + k) + ':' + quote(keyOf(obj[k] as Value)));
  return '<' + parts.sort().join(',') + '>';
}

function quote(s: string): string {
  return JSON.stringify(s);
}
