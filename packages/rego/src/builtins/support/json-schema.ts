/** A JSON Schema validator (draft 4-7 keywords) reporting errors the way gojsonschema words them. */
import { equal } from '../../value/compare.js';
import { isArray, isObject, kindOf } from '../../value/kinds.js';
import { objEntries, objGet, objKeys } from '../../value/object.js';
import { compileRe2 } from './re2.js';
import { regoText } from './rego-text.js';
import type { ObjectValue } from '../../value/object.js';
import type { Value } from '../../value/types.js';

export class SchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaError';
  }
}

export interface SchemaViolation {
  readonly field: string;
  readonly type: string;
  readonly desc: string;
}

const TYPES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];

function typeOf(v: Value): string {
  const k = kindOf(v);
  if (k === 'number') return Number.isInteger(Number(v)) ? 'integer' : 'number';
  return k === 'set' ? 'array' : k;
}

/** Checks the schema's own structure (types, sub-schemas); throws SchemaError. */
export function checkSchema(s: Value): void {
  if (typeof s === 'boolean') return;
  if (!isObject(s)) throw new SchemaError('schema must be an object');
  const t = objGet(s, 'type');
  for (const x of t === undefined ? [] : isArray(t) ? t : [t]) {
    if (typeof x !== 'string' || !TYPES.includes(x)) throw new SchemaError(`has a primitive type that is NOT VALID -- given: /${typeof x === 'string' ? x : regoText(x)}/ Expected valid values are:[${TYPES.join(' ')}]`);
  }
  for (const key of ['properties', 'patternProperties', 'definitions', '$defs']) {
    const o = objGet(s, key);
    if (o !== undefined && isObject(o)) for (const [, sub] of objEntries(o)) checkSchema(sub);
  }
  for (const key of ['items', 'additionalProperties', 'not', 'additionalItems']) {
    const sub = objGet(s, key);
    if (sub !== undefined && (isObject(sub) || typeof sub === 'boolean')) checkSchema(sub);
    if (sub !== undefined && isArray(sub)) sub.forEach(checkSchema);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const subs = objGet(s, key);
    if (subs !== undefined && isArray(subs)) subs.forEach(checkSchema);
  }
}

class Validator {
  readonly errors: SchemaViolation[] = [];
  constructor(private readonly root: ObjectValue | boolean) {}

  private add(path: readonly string[], type: string, desc: string): void {
    this.errors.push({ field: path.length === 0 ? '(root)' : path.join('.'), type, desc });
  }

  private resolve(ref: string): Value {
    if (!ref.startsWith('#')) throw new SchemaError(`unsupported $ref ${ref}`);
    let cur: Value = this.root;
    for (const seg of ref.slice(1).split('/').filter((x) => x !== '')) {
      const key = seg.replace(/~1/g, '/').replace(/~0/g, '~');
      const next: Value | undefined = isObject(cur) ? objGet(cur, key) : undefined;
      if (next === undefined) throw new SchemaError(`invalid $ref ${ref}`);
      cur = next;
    }
    return cur;
  }

  validate(v: Value, s: Value, path: readonly string[]): void {
    if (s === true) return;
    if (s === false) return this.add(path, 'false', 'False always fails validation');
    if (!isObject(s)) return;
    const ref = objGet(s, '$ref');
    if (typeof ref === 'string') return this.validate(v, this.resolve(ref), path);
    const t = objGet(s, 'type');
    if (t !== undefined) {
      const allowed = (isArray(t) ? t : [t]) as string[];
      const actual = typeOf(v);
      if (!allowed.includes(actual) && !(actual === 'integer' && allowed.includes('number'))) {
        return this.add(path, 'invalid_type', `Invalid type. Expected: ${allowed.join(', ')}, given: ${actual}`);
      }
    }
    const en = objGet(s, 'enum');
    if (en !== undefined && isArray(en) && !en.some((x) => equal(x, v))) this.add(path, 'enum', `${path.length === 0 ? '(root)' : path.join('.')} must be one of the following: ${en.map((x) => JSON.stringify(x)).join(', ')}`);
    const cst = objGet(s, 'const');
    if (cst !== undefined && !equal(cst, v)) this.add(path, 'const', `${path.length === 0 ? '(root)' : path.join('.')} does not match: ${JSON.stringify(cst)}`);
    if (typeof v === 'string') this.string(v, s, path);
    if (typeof v === 'number' || typeof v === 'bigint') this.number(Number(v), s, path);
    if (isArray(v)) this.array(v, s, path);
    if (isObject(v)) this.object(v, s, path);
    this.combinators(v, s, path);
  }

  private string(v: string, s: ObjectValue, path: readonly string[]): void {
    const len = [...v].length;
    const min = objGet(s, 'minLength');
    const max = objGet(s, 'maxLength');
    if (typeof min === 'number' && len < min) this.add(path, 'string_gte', `String length must be greater than or equal to ${min}`);
    if (typeof max === 'number' && len > max) this.add(path, 'string_lte', `String length must be less than or equal to ${max}`);
    const pattern = objGet(s, 'pattern');
    if (typeof pattern === 'string' && !compileRe2(pattern).test(v)) this.add(path, 'pattern', `Does not match pattern '${pattern}'`);
  }

  private number(v: number, s: ObjectValue, path: readonly string[]): void {
    const num = (k: string): number | undefined => {
      const x = objGet(s, k);
      return typeof x === 'number' ? x : undefined;
    };
    const min = num('minimum');
    const max = num('maximum');
    const exMin = objGet(s, 'exclusiveMinimum');
    const exMax = objGet(s, 'exclusiveMaximum');
    if (min !== undefined && (exMin === true ? v <= min : v < min)) this.add(path, exMin === true ? 'number_gt' : 'number_gte', `Must be greater than ${exMin === true ? '' : 'or equal to '}${min}`);
    if (max !== undefined && (exMax === true ? v >= max : v > max)) this.add(path, exMax === true ? 'number_lt' : 'number_lte', `Must be less than ${exMax === true ? '' : 'or equal to '}${max}`);
    if (typeof exMin === 'number' && v <= exMin) this.add(path, 'number_gt', `Must be greater than ${exMin}`);
    if (typeof exMax === 'number' && v >= exMax) this.add(path, 'number_lt', `Must be less than ${exMax}`);
    const mult = num('multipleOf');
    if (mult !== undefined && mult > 0 && Math.abs(v / mult - Math.round(v / mult)) > 1e-9) this.add(path, 'multiple_of', `Must be a multiple of ${mult}`);
  }

  private array(v: readonly Value[], s: ObjectValue, path: readonly string[]): void {
    const min = objGet(s, 'minItems');
    const max = objGet(s, 'maxItems');
    if (typeof min === 'number' && v.length < min) this.add(path, 'array_min_items', `Array must have at least ${min} items`);
    if (typeof max === 'number' && v.length > max) this.add(path, 'array_max_items', `Array must have at most ${max} items`);
    if (objGet(s, 'uniqueItems') === true)
      for (let i = 0; i < v.length; i++)
        for (let j = i + 1; j < v.length; j++) if (equal(v[i] as Value, v[j] as Value)) this.add(path, 'unique', `array items[${i},${j}] must be unique`);
    const items = objGet(s, 'items');
    if (items !== undefined && isArray(items)) v.forEach((x, i) => items[i] !== undefined && this.validate(x, items[i], [...path, String(i)]));
    else if (items !== undefined) v.forEach((x, i) => this.validate(x, items, [...path, String(i)]));
  }

  private object(v: ObjectValue, s: ObjectValue, path: readonly string[]): void {
    const required = objGet(s, 'required');
    if (required !== undefined && isArray(required))
      for (const r of required) if (typeof r === 'string' && objGet(v, r) === undefined) this.add(path, 'required', `${r} is required`);
    const props = objGet(s, 'properties');
    const patterns = objGet(s, 'patternProperties');
    const additional = objGet(s, 'additionalProperties');
    for (const [k, x] of objEntries(v)) {
      const key = typeof k === 'string' ? k : regoText(k);
      let matched = false;
      const sub = props !== undefined && isObject(props) ? objGet(props, key) : undefined;
      if (sub !== undefined) {
        matched = true;
        this.validate(x, sub, [...path, key]);
      }
      if (patterns !== undefined && isObject(patterns))
        for (const [p, ps] of objEntries(patterns))
          if (typeof p === 'string' && compileRe2(p).test(key)) {
            matched = true;
            this.validate(x, ps, [...path, key]);
          }
      if (!matched && additional === false) this.add(path, 'additional_property_not_allowed', `Additional property ${key} is not allowed`);
      else if (!matched && additional !== undefined && isObject(additional)) this.validate(x, additional, [...path, key]);
    }
    const min = objGet(s, 'minProperties');
    const max = objGet(s, 'maxProperties');
    if (typeof min === 'number' && objKeys(v).length < min) this.add(path, 'array_min_properties', `Must have at least ${min} properties`);
    if (typeof max === 'number' && objKeys(v).length > max) this.add(path, 'array_max_properties', `Must have at most ${max} properties`);
  }

  private passes(v: Value, s: Value, path: readonly string[]): boolean {
    const sub = new Validator(this.root);
    sub.validate(v, s, path);
    return sub.errors.length === 0;
  }

  private combinators(v: Value, s: ObjectValue, path: readonly string[]): void {
    const all = objGet(s, 'allOf');
    if (all !== undefined && isArray(all) && !all.every((x) => this.passes(v, x, path))) this.add(path, 'number_all_of', 'Must validate all the schemas (allOf)');
    const any = objGet(s, 'anyOf');
    if (any !== undefined && isArray(any) && !any.some((x) => this.passes(v, x, path))) this.add(path, 'number_any_of', 'Must validate at least one schema (anyOf)');
    const one = objGet(s, 'oneOf');
    if (one !== undefined && isArray(one) && one.filter((x) => this.passes(v, x, path)).length !== 1) this.add(path, 'number_one_of', 'Must validate one and only one schema (oneOf)');
    const not = objGet(s, 'not');
    if (not !== undefined && this.passes(v, not, path)) this.add(path, 'number_not', 'Must not validate the schema (not)');
  }
}

/** Validates a document; returns the violations (empty when valid). */
export function validateSchema(doc: Value, schema: Value): SchemaViolation[] {
  checkSchema(schema);
  const v = new Validator(schema as ObjectValue | boolean);
  v.validate(doc, schema, []);
  return v.errors;
}
