/** The objects builtin family: object.*, json.filter, json.remove, json.patch. */
import { equal } from '../value/compare.js';
import { isArray, isObject, isSet, kindOf } from '../value/kinds.js';
import { makeObject, makeSet, objEntries, objGet, objKeys } from '../value/object.js';
import { child } from './support/containers.js';
import { jsonPatch } from './support/json-patch.js';
import { filterPaths, parsePathString, removePaths } from './support/json-paths.js';
import { checkSchema, validateSchema } from './support/json-schema.js';
import { elements, oneOf, operandError } from './support/operands.js';
import { parseJson } from '../value/json.js';
import { fail } from './registry.js';
import type { ObjectValue } from '../value/object.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';
import type { Path } from './support/json-paths.js';

/** Keys named by an object (its keys), a set or an array. */
function keysOf(name: string, v: Value): readonly Value[] {
  oneOf(name, 2, v, ['object', 'set', 'array']);
  return isObject(v) ? objKeys(v) : elements(v);
}

function union(a: Value, b: Value): Value {
  if (!isObject(a) || !isObject(b)) return b;
  const entries: [Value, Value][] = [...objEntries(a)].map(([k, v]) => [k, v]);
  for (const [k, v] of objEntries(b)) {
    const i = entries.findIndex(([x]) => equal(x, k));
    if (i < 0) entries.push([k, v]);
    else entries[i] = [k, union((entries[i] as [Value, Value])[1], v)];
  }
  return makeObject(entries);
}

function isSubset(sup: Value, sub: Value): boolean {
  if (isObject(sup) && isObject(sub)) {
    for (const [k, v] of objEntries(sub)) {
      const s = objGet(sup, k);
      if (s === undefined || !isSubset(s, v)) return false;
    }
    return true;
  }
  if (isSet(sup) && isSet(sub)) return [...sub.values()].every((x) => [...sup.values()].some((y) => equal(x, y)));
  if (isArray(sup) && isSet(sub)) return [...sub.values()].every((x) => sup.some((y) => equal(x, y)));
  if (isArray(sup) && isArray(sub)) {
    if (sub.length === 0) return true;
    for (let i = 0; i + sub.length <= sup.length; i++) if (sub.every((x, j) => equal(sup[i + j] as Value, x))) return true;
    return false;
  }
  return equal(sup, sub);
}

/** A schema or document operand: a value, or JSON text. */
function jsonOperand(name: string, v: Value): Value {
  if (typeof v !== 'string') return v;
  try {
    return parseJson(v);
  } catch (e) {
    throw fail(name, (e as Error).message, e);
  }
}

function paths(name: string, v: Value): Path[] {
  const bad = (got: Value): Error => operandError(name, 2, `must be one of {set, array} containing string paths or array of path segments but got ${kindOf(got)}`);
  return elements(v).map((p) => {
    if (typeof p === 'string') return parsePathString(p);
    if (isArray(p)) return p;
    throw bad(p);
  });
}

export const OBJECTS_BUILTINS: readonly BuiltinDecl[] = [
  {
    name: 'object.get',
    args: ['object', 'any', 'any'],
    impl: ([o, key, dflt]) => {
      if (!isArray(key as Value)) return objGet(o as ObjectValue, key as Value) ?? dflt;
      let cur: Value | undefined = o;
      for (const seg of key as readonly Value[]) {
        if (cur === undefined) break;
        cur = isObject(cur) ? objGet(cur, seg) : isArray(cur) || isSet(cur) ? child(cur, seg) : undefined;
      }
      return cur ?? dflt;
    },
  },
  {
    name: 'object.remove',
    args: ['object', 'any'],
    impl: ([o, ks]) => {
      const drop = makeSet(keysOf('object.remove', ks as Value));
      return makeObject([...objEntries(o as ObjectValue)].filter(([k]) => ![...drop.values()].some((d) => equal(d, k))));
    },
  },
  {
    name: 'object.filter',
    args: ['object', 'any'],
    impl: ([o, ks]) => {
      const keep = keysOf('object.filter', ks as Value);
      return makeObject([...objEntries(o as ObjectValue)].filter(([k]) => keep.some((d) => equal(d, k))));
    },
  },
  { name: 'object.union', args: ['object', 'object'], impl: ([a, b]) => union(a as Value, b as Value) },
  {
    name: 'object.union_n',
    args: ['array'],
    impl: ([xs]) => {
      let out: Value = {};
      for (const x of xs as readonly Value[]) {
        if (!isObject(x)) throw operandError('object.union_n', 1, `must be array of objects but got array containing ${kindOf(x)}`);
        out = union(out, x);
      }
      return out;
    },
  },
  { name: 'object.keys', args: ['object'], impl: ([o]) => makeSet(objKeys(o as ObjectValue)) },
  {
    name: 'object.subset',
    args: [
      ['object', 'set', 'array'],
      ['object', 'set', 'array'],
    ],
    impl: ([sup, sub]) => {
      const a = kindOf(sup as Value);
      const b = kindOf(sub as Value);
      if (a !== b && !(a === 'array' && b === 'set')) throw operandError('object.subset', 2, `must be ${a} but got ${b}`);
      return isSubset(sup as Value, sub as Value);
    },
  },
  {
    name: 'json.filter',
    args: ['object', ['set', 'array']],
    impl: ([o, ps]) => filterPaths(o as Value, paths('json.filter', ps as Value)),
  },
  {
    name: 'json.remove',
    args: ['object', ['set', 'array']],
    impl: ([o, ps]) => removePaths(o as Value, paths('json.remove', ps as Value)),
  },
  {
    name: 'json.patch',
    args: ['any', 'array'],
    impl: ([doc, ops]) => jsonPatch(doc as Value, ops as readonly Value[]),
  },
  {
    name: 'json.verify_schema',
    args: [['string', 'object', 'boolean']],
    impl: ([s]) => {
      try {
        checkSchema(jsonOperand('json.verify_schema', s as Value));
        return [true, null];
      } catch (e) {
        return [false, `jsonschema: ${(e as Error).message}`];
      }
    },
  },
  {
    name: 'json.match_schema',
    args: [
      ['string', 'object', 'array', 'set', 'number', 'boolean', 'null'],
      ['string', 'object', 'boolean'],
    ],
    impl: ([d, s]) => {
      const doc = jsonOperand('json.match_schema', d as Value);
      let errors;
      try {
        errors = validateSchema(doc, jsonOperand('json.match_schema', s as Value));
      } catch (e) {
        throw fail('json.match_schema', (e as Error).message, e);
      }
      return [errors.length === 0, errors.map((x) => ({ error: `${x.field}: ${x.desc}`, desc: x.desc, field: x.field, type: x.type }))];
    },
  },
];
