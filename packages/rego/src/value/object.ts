import { keyOf } from './key.js';
import { RegoObject, RegoSet } from './types.js';
import type { PlainObject, Value } from './types.js';

export type ObjectValue = PlainObject | RegoObject;

/** The value at `key` in an object, or undefined. */
export function objGet(o: ObjectValue, key: Value): Value | undefined {
  if (o instanceof RegoObject) return o.map.get(keyOf(key))?.[1];
  if (typeof key !== 'string') return undefined;
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

export function objSize(o: ObjectValue): number {
  return o instanceof RegoObject ? o.map.size : Object.keys(o).length;
}

/** Entries of an object, in no particular order. */
export function* objEntries(o: ObjectValue): Generator<readonly [Value, Value]> {
  if (o instanceof RegoObject) {
    yield* o.map.values();
    return;
  }
  for (const k of Object.keys(o)) yield [k, o[k] as Value];
}

export function objKeys(o: ObjectValue): Value[] {
  if (o instanceof RegoObject) return [...o.map.values()].map((e) => e[0]);
  return Object.keys(o);
}

/** Builds an object: a plain object when every key is a string, else a RegoObject. */
export class ObjectBuilder {
  private readonly entries = new Map<string, readonly [Value, Value]>();
  private allStrings = true;
  /** Sets key to value; returns the previous value when the key was already present. */
  set(key: Value, value: Value): Value | undefined {
    const k = keyOf(key);
    const prev = this.entries.get(k);
    if (typeof key !== 'string') this.allStrings = false;
    this.entries.set(k, [key, value]);
    return prev?.[1];
  }
  get(key: Value): Value | undefined {
    return this.entries.get(keyOf(key))?.[1];
  }
  has(key: Value): boolean {
    return this.entries.has(keyOf(key));
  }
  build(): ObjectValue {
    if (this.allStrings) {
      const o: Record<string, Value> = {};
      for (const [key, value] of this.entries.values()) {
        if (key === '__proto__') Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
        else o[key as string] = value;
      }
      return o;
    }
    const r = new RegoObject();
    for (const [k, e] of this.entries) r.map.set(k, e);
    return r;
  }
}

export function makeObject(entries: Iterable<readonly [Value, Value]>): ObjectValue {
  const b = new ObjectBuilder();
  for (const [k, v] of entries) b.set(k, v);
  return b.build();
}

export function makeSet(items: Iterable<Value>): RegoSet {
  return new RegoSet(items, keyOf);
}

export function setHas(s: RegoSet, v: Value): boolean {
  return s.map.has(keyOf(v));
}

export function setAdd(s: RegoSet, v: Value): void {
  s.map.set(keyOf(v), v);
}
