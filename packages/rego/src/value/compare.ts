import { KIND_RANK, kindOf } from './kinds.js';
import { keyOf } from './key.js';
import { objEntries } from './object.js';
import type { RegoSet } from './types.js';
import type { ObjectValue } from './object.js';
import type { Value } from './types.js';

/** OPA's total order: null < booleans < numbers < strings < arrays < objects < sets. */
export function compare(a: Value, b: Value): number {
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka !== kb) return KIND_RANK[ka] - KIND_RANK[kb];
  switch (ka) {
    case 'null':
      return 0;
    case 'boolean':
      return a === b ? 0 : a ? 1 : -1;
    case 'number':
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 'array':
      return compareLists(a as readonly Value[], b as readonly Value[]);
    case 'set':
      return compareLists(sortedValues(a as RegoSet), sortedValues(b as RegoSet));
    default:
      return compareObjects(a as ObjectValue, b as ObjectValue);
  }
}

/** Strings compare by code point (as Go compares UTF-8 bytes). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const sx = x >= 0xd800 && x <= 0xdfff;
      const sy = y >= 0xd800 && y <= 0xdfff;
      if (sx !== sy) return sx ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}

function compareLists(a: readonly Value[], b: readonly Value[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compare(a[i] as Value, b[i] as Value);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function compareObjects(a: ObjectValue, b: ObjectValue): number {
  const ea = sortedEntries(a);
  const eb = sortedEntries(b);
  const n = Math.min(ea.length, eb.length);
  for (let i = 0; i < n; i++) {
    const [ka, va] = ea[i] as readonly [Value, Value];
    const [kb, vb] = eb[i] as readonly [Value, Value];
    const c = compare(ka, kb) || compare(va, vb);
    if (c !== 0) return c;
  }
  return ea.length - eb.length;
}

export function sortedValues(s: RegoSet): Value[] {
  return [...s.values()].sort(compare);
}

export function sortedEntries(o: ObjectValue): (readonly [Value, Value])[] {
  return [...objEntries(o)].sort((x, y) => compare(x[0], y[0]));
}

/** Rego equality (structural; 1 == 1.0). */
export function equal(a: Value, b: Value): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta === 'string' || ta === 'boolean' || a === null || b === null) return false;
  if ((ta === 'number' || ta === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) return a == b;
  if (ta !== 'object' || typeof b !== 'object') return false;
  return keyOf(a) === keyOf(b);
}
