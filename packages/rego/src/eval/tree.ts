/** Builds a virtual document from rule outputs inserted at key paths (partial sets, partial objects, ref heads). */
import { ConflictError } from '../errors.js';
import { equal } from '../value/compare.js';
import { keyOf } from '../value/key.js';
import { ObjectBuilder, objEntries } from '../value/object.js';
import { isObject } from '../value/kinds.js';
import { RegoSet } from '../value/types.js';
import type { Location } from '../errors.js';
import type { Value } from '../value/types.js';

type Slot = { kind: 'obj'; map: Map<string, [Value, Slot]> } | { kind: 'set'; set: RegoSet } | { kind: 'leaf'; value: Value };

export class DocBuilder {
  private root: Slot | null = null;

  /** Sets the value at keys (a complete value when keys is empty). */
  putValue(keys: readonly Value[], value: Value, loc?: Location): void {
    if (keys.length === 0) {
      if (this.root === null) this.root = { kind: 'leaf', value };
      else if (this.root.kind !== 'leaf' || !equal(this.root.value, value)) throw new ConflictError('complete rules must not produce multiple outputs', loc);
      return;
    }
    const parent = this.objAt(keys.slice(0, -1), loc);
    const last = keys[keys.length - 1] as Value;
    const k = keyOf(last);
    const prev = parent.map.get(k);
    if (prev) {
      if (prev[1].kind !== 'leaf' || !equal(prev[1].value, value)) throw new ConflictError('object keys must be unique', loc);
      return;
    }
    parent.map.set(k, [last, { kind: 'leaf', value }]);
  }

  /** Adds elem to the set at keys. */
  addToSet(keys: readonly Value[], elem: Value, loc?: Location): void {
    let slot: Slot;
    if (keys.length === 0) {
      if (this.root === null) this.root = { kind: 'set', set: new RegoSet() };
      slot = this.root;
    } else {
      const parent = this.objAt(keys.slice(0, -1), loc);
      const last = keys[keys.length - 1] as Value;
      const k = keyOf(last);
      let e = parent.map.get(k);
      if (!e) {
        e = [last, { kind: 'set', set: new RegoSet() }];
        parent.map.set(k, e);
      }
      slot = e[1];
    }
    if (slot.kind !== 'set') throw new ConflictError('object keys must be unique', loc);
    slot.set.map.set(keyOf(elem), elem);
  }

  /** Makes sure a (possibly empty) set exists at keys. */
  ensureSet(keys: readonly Value[]): void {
    if (keys.length === 0 && this.root === null) this.root = { kind: 'set', set: new RegoSet() };
  }

  private objAt(keys: readonly Value[], loc?: Location): { kind: 'obj'; map: Map<string, [Value, Slot]> } {
    if (this.root === null) this.root = { kind: 'obj', map: new Map() };
    let slot = this.root;
    for (const key of keys) {
      if (slot.kind !== 'obj') throw new ConflictError('object keys must be unique', loc);
      const k = keyOf(key);
      let e = slot.map.get(k);
      if (!e) {
        e = [key, { kind: 'obj', map: new Map() }];
        slot.map.set(k, e);
      }
      slot = e[1];
    }
    if (slot.kind !== 'obj') throw new ConflictError('object keys must be unique', loc);
    return slot;
  }

  /** Makes sure an (possibly empty) object exists at the root. */
  ensureObject(): void {
    if (this.root === null) this.root = { kind: 'obj', map: new Map() };
  }

  /** True when the root holds a complete value (not an object built from paths, nor a set). */
  get leaf(): boolean {
    return this.root?.kind === 'leaf';
  }

  /**
   * Merges a document produced by rules below this one at keys: into objects built from paths key by key,
   * into sets by union; a value produced whole by another rule may not be extended (conflict).
   */
  merge(keys: readonly Value[], value: Value, loc?: Location): void {
    const parent = this.objAt(keys.slice(0, -1), loc);
    const last = keys[keys.length - 1] as Value;
    const k = keyOf(last);
    const prev = parent.map.get(k);
    if (!prev) {
      parent.map.set(k, [last, fromValue(value)]);
      return;
    }
    const slot = prev[1];
    if (slot.kind === 'leaf') {
      if (!equal(slot.value, value)) throw new ConflictError('object keys must be unique', loc);
      return;
    }
    if (slot.kind === 'set') {
      if (!(value instanceof RegoSet)) throw new ConflictError('object keys must be unique', loc);
      for (const [kk, vv] of value.map) slot.set.map.set(kk, vv);
      return;
    }
    if (!isObject(value)) throw new ConflictError('object keys must be unique', loc);
    for (const [kk, vv] of objEntries(value)) this.merge([...keys, kk], vv, loc);
  }

  get empty(): boolean {
    return this.root === null;
  }

  build(): Value | undefined {
    return this.root === null ? undefined : toValue(this.root);
  }
}

/** A slot for a value merged in from a child document: objects stay open to further merging. */
function fromValue(v: Value): Slot {
  if (v instanceof RegoSet) {
    const set = new RegoSet();
    for (const [kk, vv] of v.map) set.map.set(kk, vv);
    return { kind: 'set', set };
  }
  if (isObject(v)) {
    const map = new Map<string, [Value, Slot]>();
    for (const [kk, vv] of objEntries(v)) map.set(keyOf(kk), [kk, fromValue(vv)]);
    return { kind: 'obj', map };
  }
  return { kind: 'leaf', value: v };
}

function toValue(s: Slot): Value {
  switch (s.kind) {
    case 'leaf':
      return s.value;
    case 'set':
      return s.set;
    default: {
      const b = new ObjectBuilder();
      for (const [key, child] of s.map.values()) b.set(key, toValue(child));
      return b.build();
    }
  }
}
