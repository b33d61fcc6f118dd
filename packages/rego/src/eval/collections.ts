/** Lookup and iteration over collection values (arrays, objects, sets). */
import { kindOf } from '../value/kinds.js';
import { objEntries, objGet, setHas } from '../value/object.js';
import type { ObjectValue } from '../value/object.js';
import type { RegoSet, Value } from '../value/types.js';

/** The child of a collection at key, or undefined. */
export function lookup(v: Value, key: Value): Value | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  if (Array.isArray(v)) {
    if (typeof key !== 'number' || !Number.isInteger(key)) return undefined;
    return (v as readonly Value[])[key];
  }
  switch (kindOf(v)) {
    case 'set':
      return setHas(v as RegoSet, key) ? key : undefined;
    default:
      return objGet(v as ObjectValue, key);
  }
}

/** Calls f(key, value) for each child; stops when f returns true. */
export function iterate(v: Value, f: (key: Value, value: Value) => boolean): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) {
    const a = v as readonly Value[];
    for (let i = 0; i < a.length; i++) if (f(i, a[i] as Value)) return true;
    return false;
  }
  if (kindOf(v) === 'set') {
    for (const x of [...(v as RegoSet).values()]) if (f(x, x)) return true;
    return false;
  }
  for (const [k, x] of objEntries(v as ObjectValue)) if (f(k, x)) return true;
  return false;
}
