/** Copy-on-write edits of Rego containers (objects, arrays, sets) addressed by path segments. */
import { equal } from '../../value/compare.js';
import { isArray, isObject, isSet } from '../../value/kinds.js';
import { makeObject, makeSet, objEntries, objGet } from '../../value/object.js';
import type { Value } from '../../value/types.js';

/** A path segment as an array index, or undefined. */
export function indexOf(seg: Value, len: number): number | undefined {
  const n = typeof seg === 'string' ? (/^(0|[1-9]\d*)$/.test(seg) ? Number(seg) : NaN) : typeof seg === 'number' ? seg : NaN;
  return Number.isInteger(n) && n >= 0 && n < len ? n : undefined;
}

/** The child of a container at one segment; undefined when absent. */
export function child(v: Value, seg: Value): Value | undefined {
  if (isObject(v)) {
    const hit = objGet(v, seg);
    if (hit !== undefined || typeof seg !== 'number') return hit;
    return objGet(v, String(seg));
  }
  if (isArray(v)) {
    const i = indexOf(seg, v.length);
    return i === undefined ? undefined : v[i];
  }
  if (isSet(v)) {
    for (const x of v.values()) if (equal(x, seg)) return x;
  }
  return undefined;
}

/** Same key in an object (object keys are compared as Rego values; numbers also match their text). */
export function sameKey(key: Value, seg: Value): boolean {
  return equal(key, seg) || (typeof seg === 'number' && key === String(seg)) || (typeof key === 'number' && seg === String(key));
}

/** A copy of a container without one segment's child. */
export function without(v: Value, seg: Value): Value {
  if (isObject(v)) return makeObject([...objEntries(v)].filter(([k]) => !sameKey(k, seg)));
  if (isArray(v)) {
    const i = indexOf(seg, v.length);
    return i === undefined ? v : [...v.slice(0, i), ...v.slice(i + 1)];
  }
  if (isSet(v)) return makeSet([...v.values()].filter((x) => !equal(x, seg)));
  return v;
}

/** A copy of a container with one segment's child replaced. */
export function withChild(v: Value, seg: Value, val: Value): Value {
  if (isObject(v)) {
    let found = false;
    const entries = [...objEntries(v)].map(([k, x]): readonly [Value, Value] => {
      if (!sameKey(k, seg)) return [k, x];
      found = true;
      return [k, val];
    });
    if (!found) entries.push([seg, val]);
    return makeObject(entries);
  }
  if (isArray(v)) {
    const i = indexOf(seg, v.length);
    if (i === undefined) return v;
    const out = v.slice();
    out[i] = val;
    return out;
  }
  if (isSet(v)) return makeSet([...[...v.values()].filter((x) => !equal(x, seg)), val]);
  return v;
}
