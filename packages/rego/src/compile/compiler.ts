/** The compiler: groups rules into the document tree, resolves names, orders literals for safety. */
import { RegoError } from '../errors.js';
import { ObjectBuilder, makeSet } from '../value/object.js';
import { reorderBody } from './reorder.js';
import { checkRecursion } from './recursion.js';
import { declaredIn, freshNames, renameBody, renameTerm } from './rename.js';
import type { BuiltinRegistry } from '../builtins/registry.js';
import type { Body, Expr, Literal, Module, Rule, Term, TermOf } from '../syntax/ast.js';

export interface CompiledRule {
  readonly rule: Rule;
  readonly module: Module;
  /** Full ground path of the node that holds the rule (package path + ground prefix of the head). */
  readonly path: readonly string[];
  /** Head terms after the ground prefix. */
  readonly suffix: readonly Term[];
}

export class DocNode {
  readonly children = new Map<string, DocNode>();
  readonly rules: CompiledRule[] = [];
  /** A package lives here (so the document exists, as `{}`, even without rules). */
  isPackage = false;
  constructor(readonly path: readonly string[]) {}
  child(name: string): DocNode {
    let c = this.children.get(name);
    if (!c) {
      c = new DocNode([...this.path, name]);
      this.children.set(name, c);
    }
    return c;
  }
  /** True when this node or a descendant holds rules. */
  hasRules(): boolean {
    if (this.rules.length > 0 || this.isPackage) return true;
    for (const c of this.children.values()) if (c.hasRules()) return true;
    return false;
  }
}

export interface CompiledPolicy {
  readonly root: DocNode;
  /** Function rules by dotted full name (`data.pkg.f`). */
  readonly functions: Map<string, CompiledRule[]>;
  readonly modules: readonly Module[];
}

const ROOTS = new Set(['data', 'input']);

export function compileModules(modules: readonly Module[], builtins: BuiltinRegistry): CompiledPolicy {
  const root = new DocNode([]);
  const functions = new Map<string, CompiledRule[]>();
  // rule names per package
  const pkgRules = new Map<string, Set<string>>();
  for (const m of modules) {
    const key = m.packagePath.join('.');
    const set = pkgRules.get(key) ?? new Set<string>();
    for (const r of m.rules) set.add((r.ref[0] as TermOf<'var'>).name);
    pkgRules.set(key, set);
  }
  const fnArity = new Map<string, number>();
  for (const m of modules)
    for (const r of m.rules) if (r.args) fnArity.set(['data', ...m.packagePath, ...groundPrefix(r.ref)].join('.'), r.args.length);
  const arity = (name: string): number | undefined => fnArity.get(name) ?? builtins.get(name)?.args.length;

  for (const m of modules) {
    const names = pkgRules.get(m.packagePath.join('.')) ?? new Set<string>();
    const aliases = new Map<string, Term>();
    for (const imp of m.imports) {
      const [head, ...rest] = imp.path;
      if (head === 'future' || head === 'rego') continue;
      const alias = imp.alias ?? (imp.path[imp.path.length - 1] as string);
      aliases.set(alias, { type: 'ref', head: { type: 'var', name: head as string, loc: imp.loc }, path: rest.map((p) => ({ type: 'scalar', value: p, loc: imp.loc })), loc: imp.loc });
    }
    const resolver = new Resolver(m, names, aliases, arity, builtins);
    let pkgNode = root;
    for (const p of m.packagePath) pkgNode = pkgNode.child(p);
    pkgNode.isPackage = true;
    for (const r of m.rules) {
      const rule = resolver.rule(r);
      const ground = groundPrefix(r.ref);
      const path = [...m.packagePath, ...ground];
      const cr: CompiledRule = { rule, module: m, path, suffix: rule.ref.slice(ground.length) };
      if (r.args) {
        const name = ['data', ...path].join('.');
        const list = functions.get(name) ?? [];
        list.push(cr);
        functions.set(name, list);
      }
      let node = root;
      for (const p of path) node = node.child(p);
      node.rules.push(cr);
    }
  }
  checkConflicts(root);
  checkRecursion(root);
  return { root, functions, modules };
}

/** Resolves and orders a query body against a compiled policy (no package: only `data` and `input` are global). */
export function compileQuery(body: Body, policy: CompiledPolicy, builtins: BuiltinRegistry): Literal[] {
  const arity = (name: string): number | undefined => {
    const fns = policy.functions.get(name);
    if (fns) return fns[0]?.rule.args?.length;
    return builtins.get(name)?.args.length;
  };
  const m: Module = { file: 'query', packagePath: [], imports: [], rules: [], annotations: [], loc: { file: 'query', row: 1, col: 1 } };
  const resolver = new Resolver(m, new Set(), new Map(), arity, builtins);
  return resolver.body(body, new Set(), new Set());
}

function groundPrefix(ref: readonly Term[]): string[] {
  const out = [(ref[0] as TermOf<'var'>).name];
  for (let i = 1; i < ref.length; i++) {
    const t = ref[i] as Term;
    if (t.type === 'scalar' && typeof t.value === 'string') out.push(t.value);
    else break;
  }
  return out;
}

function checkConflicts(node: DocNode): void {
  const kinds = new Set(node.rules.map((r) => (r.rule.kind === 'function' ? 'function' : 'doc')));
  if (kinds.size > 1) {
    const r = node.rules[0] as CompiledRule;
    throw new RegoError('rego_type_error', `conflicting rules data.${node.path.join('.')} found`, r.rule.loc);
  }
  for (const c of node.children.values()) checkConflicts(c);
}

/** Resolves rule and import names in one module to `data`/`input` refs; orders bodies for safety. */
class Resolver {
  constructor(
    private readonly m: Module,
    private readonly names: ReadonlySet<string>,
    private readonly aliases: ReadonlyMap<string, Term>,
    private readonly arity: (name: string) => number | undefined,
    private readonly builtins: BuiltinRegistry,
  ) {}

  rule(r: Rule): Rule {
    const locals = new Set<string>();
    collectDeclared(r, locals);
    const bound = new Set<string>();
    if (r.args) for (const a of r.args) collectTermVars(a, bound);
    const body = this.body(r.body, locals, bound, true);
    const elses = r.elses.map((e) => ({ ...e, value: this.term(e.value, locals), body: this.body(e.body, locals, bound, true) }));
    return {
      ...r,
      args: r.args ? r.args.map((a) => this.term(a, locals)) : null,
      key: r.key ? this.term(r.key, locals) : null,
      value: this.term(r.value, locals),
      ref: r.ref.map((t, i) => (i === 0 ? t : this.term(t, locals))),
      body,
      elses,
    };
  }

  body(b: Body, locals: ReadonlySet<string>, bound: ReadonlySet<string>, strict = false): Literal[] {
    const resolved = b.map((l) => this.literal(l, locals, bound));
    return reorderBody(resolved, bound, this.arity, strict);
  }

  private literal(l: Literal, locals: ReadonlySet<string>, bound: ReadonlySet<string>): Literal {
    return { ...l, expr: this.expr(l.expr, locals, bound), with: l.with.map((w) => ({ ...w, target: this.withTarget(w.target), value: this.term(w.value, locals) })) };
  }

  private withTarget(t: Term): Term {
    // `with f as ...` on a function name: keep as call-name var resolved to its full name
    if (t.type === 'var' && !ROOTS.has(t.name) && (this.names.has(t.name) || this.aliases.has(t.name))) return this.term(t, new Set());
    if (t.type === 'ref' && t.head.type === 'var' && this.aliases.has(t.head.name)) return this.term(t, new Set());
    return t;
  }

  private expr(e: Expr, locals: ReadonlySet<string>, bound: ReadonlySet<string>): Expr {
    switch (e.type) {
      case 'term':
        return { type: 'term', term: this.term(e.term, locals) };
      case 'unify':
        return { ...e, left: this.term(e.left, locals), right: this.term(e.right, locals) };
      case 'some':
        return e;
      case 'somein':
        return { ...e, key: e.key ? this.term(e.key, locals) : null, value: this.term(e.value, locals), domain: this.term(e.domain, locals) };
      case 'group': {
        const m = freshNames(declaredIn(e.body));
        const inner = new Set([...locals, ...m.values()]);
        return { type: 'group', body: this.body(renameBody(e.body, m), inner, bound) };
      }
      case 'logic': {
        const side = (x: Literal): Literal => {
          const m = freshNames(declaredIn([x]));
          const inner = new Set([...locals, ...m.values()]);
          return this.literal(renameBody([x], m)[0] as Literal, inner, bound);
        };
        return { ...e, left: side(e.left), right: side(e.right) };
      }
      case 'every': {
        const names = new Set<string>(declaredIn(e.body));
        const addPattern = (t: Term | null): void => {
          if (t?.type === 'var') names.add(t.name);
        };
        addPattern(e.key);
        addPattern(e.value);
        const m = freshNames(names);
        const inner = new Set([...locals, ...m.values()]);
        const key = e.key ? renameTerm(e.key, m) : null;
        const value = renameTerm(e.value, m);
        const innerBound = new Set([...bound, ...m.values()]);
        return { ...e, key: key ? this.term(key, inner) : null, value: this.term(value, inner), domain: this.term(e.domain, locals), body: this.body(renameBody(e.body, m), inner, innerBound) };
      }
    }
  }

  term(t: Term, locals: ReadonlySet<string>): Term {
    switch (t.type) {
      case 'var':
        return this.varRef(t, locals) ?? t;
      case 'ref': {
        const path = t.path.map((p) => this.term(p, locals));
        const head = t.head.type === 'var' ? (this.varRef(t.head, locals) ?? t.head) : this.term(t.head, locals);
        if (head.type === 'ref') return { type: 'ref', head: head.head, path: [...head.path, ...path], loc: t.loc };
        return { ...t, head, path };
      }
      case 'array':
      case 'set':
        return foldConstant({ ...t, items: t.items.map((x) => this.term(x, locals)) });
      case 'object':
        return foldConstant({ ...t, entries: t.entries.map(([k, v]) => [this.term(k, locals), this.term(v, locals)] as const) });
      case 'arraycompr':
      case 'setcompr': {
        const m = freshNames(declaredIn(t.body));
        const inner = new Set([...locals, ...m.values()]);
        return { ...t, term: this.term(renameTerm(t.term, m), inner), body: this.body(renameBody(t.body, m), inner, new Set()) };
      }
      case 'objectcompr': {
        const m = freshNames(declaredIn(t.body));
        const inner = new Set([...locals, ...m.values()]);
        return { ...t, key: this.term(renameTerm(t.key, m), inner), value: this.term(renameTerm(t.value, m), inner), body: this.body(renameBody(t.body, m), inner, new Set()) };
      }
      case 'call': {
        const name = this.callName(t.name, t);
        const n = this.arity(name);
        if (n !== undefined && t.args.length !== n && t.args.length !== n + 1) {
          throw new RegoError('rego_type_error', `${name}: arity mismatch: have ${t.args.length} operand(s), want ${n}`, t.loc);
        }
        return { ...t, name, args: t.args.map((a) => this.term(a, locals)) };
      }
      case 'template':
        return { ...t, parts: t.parts.map((p) => (typeof p === 'string' ? p : this.term(p, locals))) };
      default:
        return t;
    }
  }

  private varRef(v: TermOf<'var'>, locals: ReadonlySet<string>): Term | null {
    if (ROOTS.has(v.name) || locals.has(v.name)) return null;
    const alias = this.aliases.get(v.name);
    if (alias) return alias;
    if (this.names.has(v.name)) {
      const path: Term[] = [...this.m.packagePath, v.name].map((p) => ({ type: 'scalar', value: p, loc: v.loc }));
      return { type: 'ref', head: { type: 'var', name: 'data', loc: v.loc }, path, loc: v.loc };
    }
    return null;
  }

  private callName(name: string, t: Term): string {
    const parts = name.split('.');
    const first = parts[0] as string;
    let full: string | null = null;
    if (first === 'data') full = name;
    else if (this.aliases.has(first)) {
      const a = this.aliases.get(first) as TermOf<'ref'>;
      const head = (a.head as TermOf<'var'>).name;
      full = [head, ...a.path.map((p) => (p as TermOf<'scalar'>).value as string), ...parts.slice(1)].join('.');
    } else if (this.names.has(first)) full = ['data', ...this.m.packagePath, ...parts].join('.');
    if (full !== null && this.arity(full) !== undefined) return full;
    if (this.builtins.has(name) || SPECIAL_CALLS.has(name)) return name;
    if (full !== null) return full;
    throw new RegoError('rego_type_error', `undefined function ${name}`, t.loc);
  }
}

/** A composite literal whose parts are all constants becomes one constant (evaluated once, not per use). */
function foldConstant(t: Term): Term {
  const constant = (x: Term): x is TermOf<'scalar'> => x.type === 'scalar';
  if (t.type === 'array' && t.items.every(constant)) return { type: 'scalar', value: t.items.map((x) => (x).value), loc: t.loc };
  if (t.type === 'set' && t.items.every(constant)) return { type: 'scalar', value: makeSet(t.items.map((x) => (x).value)), loc: t.loc };
  if (t.type === 'object' && t.entries.every(([k, v]) => constant(k) && constant(v))) {
    const b = new ObjectBuilder();
    for (const [k, v] of t.entries) {
      const key = (k as TermOf<'scalar'>).value;
      if (b.has(key)) return t; // duplicate keys: left for evaluation to report
      b.set(key, (v as TermOf<'scalar'>).value);
    }
    return { type: 'scalar', value: b.build(), loc: t.loc };
  }
  return t;
}

export const SPECIAL_CALLS = new Set(['print', 'rego.metadata.chain', 'rego.metadata.rule', 'set', 'internal.print']);

function collectDeclared(r: Rule, out: Set<string>): void {
  if (r.args) for (const a of r.args) collectTermVars(a, out);
  const visitBody = (b: Body): void => {
    for (const l of b) {
      const e = l.expr;
      if (e.type === 'some') for (const v of e.vars) out.add(v.name);
      if (e.type === 'unify' && e.assign) collectTermVars(e.left, out);
      if (e.type === 'somein') {
        if (e.key) collectTermVars(e.key, out);
        collectTermVars(e.value, out);
      }
      if (e.type === 'every') {
        if (e.key) collectTermVars(e.key, out);
        collectTermVars(e.value, out);
        visitBody(e.body);
      }
      visitTerms(l, (t) => {
        if (t.type === 'arraycompr' || t.type === 'setcompr' || t.type === 'objectcompr') visitBody(t.body);
      });
    }
  };
  visitBody(r.body);
  for (const e of r.elses) visitBody(e.body);
}

function visitTerms(l: Literal, f: (t: Term) => void): void {
  const walk = (t: Term): void => {
    f(t);
    switch (t.type) {
      case 'ref':
        walk(t.head);
        t.path.forEach(walk);
        break;
      case 'array':
      case 'set':
        t.items.forEach(walk);
        break;
      case 'object':
        for (const [k, v] of t.entries) {
          walk(k);
          walk(v);
        }
        break;
      case 'call':
        t.args.forEach(walk);
        break;
      default:
        break;
    }
  };
  const e = l.expr;
  if (e.type === 'term') walk(e.term);
  if (e.type === 'unify') {
    walk(e.left);
    walk(e.right);
  }
  if (e.type === 'somein') walk(e.domain);
}

function collectTermVars(t: Term, out: Set<string>): void {
  if (t.type === 'var') out.add(t.name);
  else if (t.type === 'array' || t.type === 'set') t.items.forEach((x) => collectTermVars(x, out));
  else if (t.type === 'object') for (const [, v] of t.entries) collectTermVars(v, out);
}
