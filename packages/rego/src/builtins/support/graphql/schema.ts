/** A GraphQL schema assembled from a schema AST (definitions + extensions) and checked like gqlparser's loader. */
import { isArray, isObject } from '../../../value/kinds.js';
import type { Value } from '../../../value/types.js';

export type Obj = Record<string, Value>;

export class SchemaInvalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaInvalid';
  }
}

export const str = (o: Value | undefined, k: string): string => {
  const v = isObject(o ?? null) ? (o as Obj)[k] : undefined;
  return typeof v === 'string' ? v : '';
};
export const list = (o: Value | undefined, k: string): Obj[] => {
  const v = isObject(o ?? null) ? (o as Obj)[k] : undefined;
  return isArray(v ?? null) ? ((v as Value[]).filter((x) => isObject(x)) as Obj[]) : [];
};
export const names = (o: Value | undefined, k: string): string[] => {
  const v = isObject(o ?? null) ? (o as Obj)[k] : undefined;
  return isArray(v ?? null) ? (v as Value[]).filter((x): x is string => typeof x === 'string') : [];
};

export interface TypeDef {
  kind: string;
  name: string;
  fields: Obj[];
  interfaces: string[];
  types: string[];
  values: Obj[];
  directives: Obj[];
  builtIn: boolean;
}

export interface Schema {
  readonly types: Map<string, TypeDef>;
  readonly directives: Map<string, Obj>;
  readonly roots: Map<string, string>;
}

const SCALARS = ['String', 'Int', 'Float', 'Boolean', 'ID'];
const BUILTIN_DIRECTIVES = ['skip', 'include', 'deprecated', 'specifiedBy', 'oneOf', 'defer'];
const OUTPUT = new Set(['SCALAR', 'OBJECT', 'INTERFACE', 'UNION', 'ENUM']);
const INPUT = new Set(['SCALAR', 'ENUM', 'INPUT_OBJECT']);

/** The innermost named type of a type reference. */
export function namedType(t: Value | undefined): string {
  let cur = t;
  while (isObject(cur ?? null) && str(cur, 'NamedType') === '' && (cur as Obj).Elem !== undefined) cur = (cur as Obj).Elem;
  return str(cur, 'NamedType');
}

export function typeText(t: Value | undefined): string {
  if (!isObject(t ?? null)) return '';
  const o = t as Obj;
  const inner = str(o, 'NamedType') !== '' ? str(o, 'NamedType') : `[${typeText(o.Elem)}]`;
  return o.NonNull === true ? `${inner}!` : inner;
}

function def(o: Obj): TypeDef {
  return { kind: str(o, 'Kind'), name: str(o, 'Name'), fields: list(o, 'Fields'), interfaces: names(o, 'Interfaces'), types: names(o, 'Types'), values: list(o, 'EnumValues'), directives: list(o, 'Directives'), builtIn: false };
}

export function buildSchema(doc: Obj): Schema {
  const types = new Map<string, TypeDef>();
  for (const s of SCALARS) types.set(s, { kind: 'SCALAR', name: s, fields: [], interfaces: [], types: [], values: [], directives: [], builtIn: true });
  for (const d of list(doc, 'Definitions')) {
    const t = def(d);
    if (types.has(t.name)) throw new SchemaInvalid(`Cannot redeclare type ${t.name}.`);
    types.set(t.name, t);
  }
  for (const e of list(doc, 'Extensions')) {
    const ext = def(e);
    const base = types.get(ext.name);
    if (!base) {
      types.set(ext.name, ext);
      continue;
    }
    if (base.kind !== ext.kind) throw new SchemaInvalid(`Cannot extend type ${ext.name} because the base type is a ${base.kind}, not ${ext.kind}.`);
    base.fields.push(...ext.fields);
    base.interfaces.push(...ext.interfaces);
    base.types.push(...ext.types);
    base.values.push(...ext.values);
    base.directives.push(...ext.directives);
  }
  const directives = new Map<string, Obj>();
  for (const d of BUILTIN_DIRECTIVES) directives.set(d, { Name: d, Locations: [] });
  for (const d of list(doc, 'Directives')) {
    const name = str(d, 'Name');
    if (directives.has(name) && !BUILTIN_DIRECTIVES.includes(name)) throw new SchemaInvalid(`Cannot redeclare directive ${name}.`);
    directives.set(name, d);
  }
  const roots = new Map<string, string>();
  const schemaDefs = list(doc, 'Schema');
  if (schemaDefs.length > 1) throw new SchemaInvalid('Cannot have multiple schema entry points, consider schema extensions instead.');
  for (const s of [...schemaDefs, ...list(doc, 'SchemaExtension')])
    for (const op of list(s, 'OperationTypes')) {
      const t = str(op, 'Type');
      if (!types.has(t)) throw new SchemaInvalid(`Schema root ${str(op, 'Operation')} refers to a type ${t} that does not exist.`);
      roots.set(str(op, 'Operation'), t);
    }
  if (schemaDefs.length === 0)
    for (const [op, t] of [
      ['query', 'Query'],
      ['mutation', 'Mutation'],
      ['subscription', 'Subscription'],
    ] as const)
      if (!roots.has(op) && types.has(t)) roots.set(op, t);
  const schema: Schema = { types, directives, roots };
  for (const t of types.values()) if (!t.builtIn) checkType(schema, t);
  return schema;
}

function checkRef(schema: Schema, t: Value | undefined, allowed: Set<string>, where: string): void {
  const name = namedType(t);
  const target = schema.types.get(name);
  if (!target) throw new SchemaInvalid(`Undefined type ${name}.`);
  if (!allowed.has(target.kind)) throw new SchemaInvalid(`${where}: type ${name} cannot be used here.`);
}

function checkDirectives(schema: Schema, ds: readonly Obj[]): void {
  for (const d of ds) if (!schema.directives.has(str(d, 'Name'))) throw new SchemaInvalid(`Undefined directive ${str(d, 'Name')}.`);
}

function interfaceClosure(schema: Schema, name: string, seen = new Set<string>()): Set<string> {
  const t = schema.types.get(name);
  for (const i of t?.interfaces ?? [])
    if (!seen.has(i)) {
      seen.add(i);
      interfaceClosure(schema, i, seen);
    }
  return seen;
}

function checkType(schema: Schema, t: TypeDef): void {
  if (t.name.startsWith('__')) throw new SchemaInvalid(`Name "${t.name}" must not begin with "__", which is reserved by GraphQL introspection.`);
  checkDirectives(schema, t.directives);
  switch (t.kind) {
    case 'OBJECT':
    case 'INTERFACE': {
      if (t.fields.length === 0) throw new SchemaInvalid(`${t.kind} ${t.name}: must define one or more fields.`);
      for (const f of t.fields) {
        checkRef(schema, f.Type, OUTPUT, `${t.name}.${str(f, 'Name')}`);
        for (const a of list(f, 'Arguments')) checkRef(schema, a.Type, INPUT, `${t.name}.${str(f, 'Name')}(${str(a, 'Name')})`);
        checkDirectives(schema, list(f, 'Directives'));
      }
      const own = new Set(t.interfaces);
      for (const i of t.interfaces) {
        const it = schema.types.get(i);
        if (!it || it.kind !== 'INTERFACE') throw new SchemaInvalid(`${t.name} implements ${i}, which is not an interface.`);
        for (const f of it.fields) if (!t.fields.some((x) => str(x, 'Name') === str(f, 'Name'))) throw new SchemaInvalid(`For ${t.name} to implement ${i} it must have a field called ${str(f, 'Name')}.`);
        for (const transitive of interfaceClosure(schema, i)) if (!own.has(transitive)) throw new SchemaInvalid(`${t.name} must implement ${transitive} because it is implemented by ${i}.`);
      }
      return;
    }
    case 'UNION':
      if (t.types.length === 0) throw new SchemaInvalid(`UNION ${t.name}: must define one or more member types.`);
      for (const m of t.types) if (schema.types.get(m)?.kind !== 'OBJECT') throw new SchemaInvalid(`UNION type "${m}" must be OBJECT.`);
      return;
    case 'ENUM': {
      if (t.values.length === 0) throw new SchemaInvalid(`ENUM ${t.name}: must define one or more unique enum values.`);
      const seen = new Set<string>();
      for (const v of t.values) {
        const n = str(v, 'Name');
        if (seen.has(n) || n === 'true' || n === 'false' || n === 'null') throw new SchemaInvalid(`ENUM ${t.name}: invalid or duplicate value ${n}.`);
        seen.add(n);
      }
      return;
    }
    case 'INPUT_OBJECT':
      if (t.fields.length === 0) throw new SchemaInvalid(`INPUT_OBJECT ${t.name}: must define one or more input fields.`);
      for (const f of t.fields) checkRef(schema, f.Type, INPUT, `${t.name}.${str(f, 'Name')}`);
      return;
    default:
      return;
  }
}
