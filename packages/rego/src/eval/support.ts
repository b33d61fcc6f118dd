/** Small helpers of the evaluator: input patching, names and error shaping. */
import { RegoError } from '../errors.js';
import { isObject } from '../value/kinds.js';
import { ObjectBuilder, objEntries, objGet } from '../value/object.js';
import type { Term } from '../syntax/ast.js';
import type { Value } from '../value/types.js';
import type { Env } from './env.js';

/** A copy of obj with value set at path (objects created as needed). */
export function upsert(obj: Value, path: readonly string[], v: Value): Value {
  if (path.length === 0) return v;
  const [head, ...rest] = path as [string, ...string[]];
  const b = new ObjectBuilder();
  if (isObject(obj)) for (const [kk, vv] of objEntries(obj)) b.set(kk, vv);
  const cur = isObject(obj) ? objGet(obj, head) : undefined;
  b.set(head, upsert(cur ?? {}, rest, v));
  return b.build();
}

/** The dotted name of a var or a ref with string keys. */
export function refName(t: Term): string | null {
  if (t.type === 'var') return t.name;
  if (t.type !== 'ref' || t.head.type !== 'var') return null;
  const parts = [t.head.name];
  for (const p of t.path) {
    if (p.type !== 'scalar' || typeof p.value !== 'string') return null;
    parts.push(p.value);
  }
  return parts.join('.');
}

/** A builtin error with the call's location. */
export function withLoc(e: RegoError, t: Term): RegoError {
  if (e.location) return e;
  return new RegoError(e.code, e.detail, t.loc, { cause: e });
}

export function displayVar(name: string): string {
  return name.startsWith('$_') ? '_' : name.replace(/\$\d+$/, '');
}

/** The unsafe-variable error for a unification neither side of which can be evaluated. */
export function unsafe(a: Term, b: Term, env: Env): RegoError {
  const vars: string[] = [];
  const visit = (t: Term): void => {
    if (t.type === 'var' && !env.vars.has(t.name) && t.name !== 'data' && t.name !== 'input') vars.push(displayVar(t.name));
    if (t.type === 'ref') visit(t.head);
    if (t.type === 'array' || t.type === 'set') t.items.forEach(visit);
    if (t.type === 'call') t.args.forEach(visit);
  };
  visit(a);
  visit(b);
  return new RegoError('rego_unsafe_var_error', `var ${vars[0] ?? '?'} is unsafe`, a.loc);
}
