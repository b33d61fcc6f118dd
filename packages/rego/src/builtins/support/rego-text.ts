/** Rego's text form of a value (what `sprintf("%v")`, `print` and string templates show). */
import { sortedEntries, sortedValues } from '../../value/compare.js';
import { isObject, isSet } from '../../value/kinds.js';
import type { Value } from '../../value/types.js';

/** Text of a number as OPA prints it: integers exact, floats in Go's shortest form. */
export function numberText(n: number | bigint): string {
  if (typeof n === 'bigint') return n.toString();
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return Object.is(n, -0) ? '0' : BigInt(n).toString();
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Rego text: strings quoted, `set()` for the empty set, `{k: v}` objects with sorted keys. */
export function regoText(v: Value): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return String(v);
    case 'number':
    case 'bigint':
      return numberText(v);
    default:
      break;
  }
  if (Array.isArray(v)) return '[' + (v as readonly Value[]).map(regoText).join(', ') + ']';
  if (isSet(v)) return v.size === 0 ? 'set()' : '{' + sortedValues(v).map(regoText).join(', ') + '}';
  if (isObject(v)) return '{' + sortedEntries(v).map(([k, x]) => `${regoText(k)}: ${regoText(x)}`).join(', ') + '}';
  return '';
}

/** Text of a value where strings stand for themselves (string templates, print). */
export function plainText(v: Value): string {
  return typeof v === 'string' ? v : regoText(v);
}
