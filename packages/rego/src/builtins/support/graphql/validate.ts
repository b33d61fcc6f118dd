/** Validation of a query document against a schema (the gqlparser rules policies rely on most). */
import { GraphqlError } from './lexer.js';
import { POSITIONS } from './parser.js';
import { list, namedType, str, typeText } from './schema.js';
import type { Obj, Schema, TypeDef } from './schema.js';
import type { Value } from '../../../value/types.js';

function error(at: Obj, message: string): GraphqlError {
  const p = POSITIONS.get(at) ?? { line: 0, col: 0 };
  // OPA reports gqlparser's messages without their closing period
  return new GraphqlError(message.replace(/\.$/, ''), p.line, p.col);
}

interface Ctx {
  readonly schema: Schema;
  readonly fragments: Map<string, Obj>;
  readonly usedVars: Set<string>;
  readonly usedFragments: Set<string>;
  readonly visiting: Set<string>;
}

function fieldDef(t: TypeDef, name: string): Obj | undefined {
  return t.fields.find((f) => str(f, 'Name') === name);
}

function valueVars(v: Value | undefined, out: Set<string>): void {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
  const o = v as Obj;
  if (o.Kind === 0) out.add(str(o, 'Raw'));
  for (const c of list(o, 'Children')) valueVars(c.Value, out);
}

function selections(ctx: Ctx, parent: TypeDef, set: readonly Obj[]): void {
  for (const sel of set) {
    for (const d of list(sel, 'Directives')) {
      if (!ctx.schema.directives.has(str(d, 'Name'))) throw error(sel, `Unknown directive "@${str(d, 'Name')}".`);
      for (const a of list(d, 'Arguments')) valueVars(a.Value, ctx.usedVars);
    }
    if (sel.Alias !== undefined) field(ctx, parent, sel);
    else if (sel.SelectionSet === undefined) {
      const name = str(sel, 'Name');
      const frag = ctx.fragments.get(name);
      if (!frag) throw error(sel, `Unknown fragment "${name}".`);
      ctx.usedFragments.add(name);
      if (ctx.visiting.has(name)) throw error(sel, `Cannot spread fragment "${name}" within itself.`);
      ctx.visiting.add(name);
      const on = ctx.schema.types.get(str(frag, 'TypeCondition'));
      if (!on) throw error(frag, `Unknown type "${str(frag, 'TypeCondition')}".`);
      selections(ctx, on, list(frag, 'SelectionSet'));
      ctx.visiting.delete(name);
    } else {
      const cond = str(sel, 'TypeCondition');
      const on = cond === '' ? parent : ctx.schema.types.get(cond);
      if (!on) throw error(sel, `Unknown type "${cond}".`);
      selections(ctx, on, list(sel, 'SelectionSet'));
    }
  }
}

function field(ctx: Ctx, parent: TypeDef, f: Obj): void {
  const name = str(f, 'Name');
  if (name === '__typename') return;
  if (name === '__schema' || name === '__type') return;
  const def = parent.kind === 'UNION' ? undefined : fieldDef(parent, name);
  if (!def) throw error(f, `Cannot query field "${name}" on type "${parent.name}".`);
  const args = list(f, 'Arguments');
  for (const a of args) {
    if (!list(def, 'Arguments').some((x) => str(x, 'Name') === str(a, 'Name'))) throw error(f, `Unknown argument "${str(a, 'Name')}" on field "${parent.name}.${name}".`);
    valueVars(a.Value, ctx.usedVars);
  }
  for (const ad of list(def, 'Arguments')) {
    const t = ad.Type as Obj | undefined;
    if (t?.NonNull === true && ad.DefaultValue === undefined && !args.some((a) => str(a, 'Name') === str(ad, 'Name')))
      throw error(f, `Field "${name}" argument "${str(ad, 'Name')}" of type "${typeText(t)}" is required, but it was not provided.`);
  }
  const target = ctx.schema.types.get(namedType(def.Type));
  const sub = list(f, 'SelectionSet');
  if (!target) return;
  const leaf = target.kind === 'SCALAR' || target.kind === 'ENUM';
  if (leaf && sub.length > 0) throw error(f, `Field "${name}" must not have a selection since type "${typeText(def.Type)}" has no subfields.`);
  if (!leaf && sub.length === 0) throw error(f, `Field "${name}" of type "${typeText(def.Type)}" must have a selection of subfields. Did you mean "${name} { ... }"?`);
  if (!leaf) selections(ctx, target, sub);
}

/** Throws GraphqlError for the first rule the query breaks. */
export function validateQuery(schema: Schema, doc: Obj): void {
  const fragments = new Map<string, Obj>();
  for (const fr of list(doc, 'Fragments')) {
    const name = str(fr, 'Name');
    if (fragments.has(name)) throw error(fr, `There can be only one fragment named "${name}".`);
    fragments.set(name, fr);
  }
  const ops = list(doc, 'Operations');
  const seenOps = new Set<string>();
  const usedFragments = new Set<string>();
  for (const op of ops) {
    const name = str(op, 'Name');
    if (name === '' && ops.length > 1) throw error(op, 'This anonymous operation must be the only defined operation.');
    if (name !== '' && seenOps.has(name)) throw error(op, `There can be only one operation named "${name}".`);
    seenOps.add(name);
    const kind = str(op, 'Operation');
    const rootName = schema.roots.get(kind);
    const root = rootName ? schema.types.get(rootName) : undefined;
    if (!root) throw error(op, `Schema does not support operation type "${kind}"`);
    const ctx: Ctx = { schema, fragments, usedVars: new Set(), usedFragments, visiting: new Set() };
    for (const d of list(op, 'Directives')) if (!schema.directives.has(str(d, 'Name'))) throw error(op, `Unknown directive "@${str(d, 'Name')}".`);
    const defined = new Set<string>();
    for (const v of list(op, 'VariableDefinitions')) {
      const vn = str(v, 'Variable');
      if (defined.has(vn)) throw error(v, `There can be only one variable named "$${vn}".`);
      defined.add(vn);
      const t = schema.types.get(namedType(v.Type));
      if (!t) throw error(v, `Unknown type "${namedType(v.Type)}".`);
      if (!['SCALAR', 'ENUM', 'INPUT_OBJECT'].includes(t.kind)) throw error(v, `Variable "$${vn}" cannot be non-input type "${typeText(v.Type)}".`);
    }
    selections(ctx, root, list(op, 'SelectionSet'));
    for (const u of ctx.usedVars) if (!defined.has(u)) throw error(op, `Variable "$${u}" is not defined${name ? ` by operation "${name}"` : ''}.`);
    for (const v of list(op, 'VariableDefinitions')) if (!ctx.usedVars.has(str(v, 'Variable'))) throw error(v, `Variable "$${str(v, 'Variable')}" is never used${name ? ` in operation "${name}"` : ''}.`);
  }
  for (const [name, fr] of fragments) if (!usedFragments.has(name)) throw error(fr, `Fragment "${name}" is never used.`);
}
