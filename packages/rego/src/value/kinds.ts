import { RegoObject, RegoSet } from './types.js';
import type { PlainObject, Value } from './types.js';

export type Kind = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'set';

/** The Rego type name of a value, as `type_name` returns it. */
export function kindOf(v: Value): Kind {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
    case 'bigint':
      return 'number';
    case 'string':
      return 'string';
    default:
      if (Array.isArray(v)) return 'array';
      if (v instanceof RegoSet) return 'set';
      return 'object';
  }
}

export const KIND_RANK: Readonly<Record<Kind, number>> = {
  null: 0,
  boolean: 1,
  number: 2,
  string: 3,
  array: 4,
  object: 5,
  set: 6,
};

export function isArray(v: Value): v is readonly Value[] {
  return Array.isArray(v);
}
export function isSet(v: Value): v is RegoSet {
  return v instanceof RegoSet;
}
export function isNumber(v: Value): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}
export function isObject(v: Value): v is PlainObject | RegoObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof RegoSet);
}
export function isPlainObject(v: Value): v is PlainObject {
  return isObject(v) && !(v instanceof RegoObject);
}
