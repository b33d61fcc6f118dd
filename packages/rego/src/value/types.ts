/**
 * The value model. Rego values are plain JavaScript values wherever possible so that input and data
 * parsed from JSON are evaluated directly, without conversion:
 *   null, boolean, string, number (a double; integers beyond 2^53 are `bigint`), arrays,
 *   plain objects (string keys only: what JSON.parse gives), and two classes for what JSON lacks:
 *   `RegoObject` (an object whose keys may be any value) and `RegoSet`.
 */
export type Value = null | boolean | string | number | bigint | readonly Value[] | PlainObject | RegoObject | RegoSet;

/** A JSON object: string keys. Never mutated once it is a value. */
export interface PlainObject {
  readonly [key: string]: Value;
}

/** Structural key of a value: equal Rego values (1 == 1.0, sets in any order) have equal keys. */
export type KeyFn = (v: Value) => string;

/** A set of values with structural membership. Insertion order is kept; sorted order on demand. */
export class RegoSet {
  readonly map = new Map<string, Value>();
  constructor(items?: Iterable<Value>, key?: KeyFn) {
    if (items && key) for (const v of items) this.map.set(key(v), v);
  }
  get size(): number {
    return this.map.size;
  }
  values(): IterableIterator<Value> {
    return this.map.values();
  }
}

/** An object whose keys are arbitrary values (created by evaluation). */
export class RegoObject {
  /** structural key -> [key, value] */
  readonly map = new Map<string, readonly [Value, Value]>();
  get size(): number {
    return this.map.size;
  }
  entries(): IterableIterator<readonly [Value, Value]> {
    return this.map.values();
  }
}
