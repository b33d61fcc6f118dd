/** Top-down evaluation with unification, in continuation-passing style: each step calls k for each solution. */
import { BuiltinError, RegoError } from '../errors.js';
import { checkOperands } from '../builtins/registry.js';
import { equal } from '../value/compare.js';
import { isObject } from '../value/kinds.js';
import { keyOf } from '../value/key.js';
import { ObjectBuilder, objEntries, objGet } from '../value/object.js';
import { RegoSet } from '../value/types.js';
import { toJsonText } from '../value/to-json.js';
import { formatValue } from '../value/format.js';
import { ConflictError } from '../errors.js';
import { iterate, lookup } from './collections.js';
import { DocBuilder } from './tree.js';
import type { BuiltinContext, BuiltinRegistry } from '../builtins/registry.js';
import { DocNode as DocNodeClass } from '../compile/compiler.js';
import type { CompiledPolicy, CompiledRule, DocNode } from '../compile/compiler.js';
import type { Body, Expr, Literal, Rule, Term, TermOf, With } from '../syntax/ast.js';
import type { Value } from '../value/types.js';

/** Continuation: returns true to stop the search. */
type K = () => boolean;
type KV = (v: Value) => boolean;

const IN_PROGRESS = Symbol('in-progress');
const EMPTY_NODE = new DocNodeClass([]);

export interface EvalOptions {
  readonly input: Value | undefined;
  readonly data: Value;
  readonly strictBuiltinErrors: boolean;
  readonly print: (line: string) => void;
  readonly nowNs: bigint;
  /** Absolute deadline in ms (performance.now()), or Infinity. */
  readonly deadline: number;
  /** The limit as given, for the error message. */
  readonly timeoutMs?: number;
  readonly maxDepth: number;
}

interface Mock {
  readonly fn?: string;
  readonly value?: Value;
}

interface State {
  input: Value | undefined;
  overrides: Map<string, Value>;
  mocks: Map<string, Mock>;
  cache: Map<DocNode, Value | undefined | typeof IN_PROGRESS>;
  fnCache: Map<string, Value | undefined>;
}

export class Env {
  readonly vars = new Map<string, Value>();
}

export class Evaluator {
  private state: State;
  private readonly ctx: BuiltinContext;
  private depth = 0;
  private steps = 0;
  private readonly ruleStack: Rule[] = [];

  constructor(
    private readonly policy: CompiledPolicy,
    private readonly builtins: BuiltinRegistry,
    private readonly opts: EvalOptions,
  ) {
    this.state = { input: opts.input, overrides: new Map(), mocks: new Map(), cache: new Map(), fnCache: new Map() };
    this.ctx = { nowNs: opts.nowNs, print: opts.print, cache: new Map(), strictBuiltinErrors: opts.strictBuiltinErrors };
  }

  /** All solutions of a query body: the bindings of its (non-generated) vars. */
  query(body: Body, outputVars: readonly string[]): Map<string, Value>[] {
    const env = new Env();
    const rows: Map<string, Value>[] = [];
    this.body(body, 0, env, () => {
      const row = new Map<string, Value>();
      for (const v of outputVars) {
        const x = env.vars.get(v);
        if (x !== undefined) row.set(v, x);
      }
      rows.push(row);
      return false;
    });
    return rows;
  }

  // ---- bodies and literals
  body(b: Body, i: number, env: Env, k: K): boolean {
    if (i === b.length) return k();
    if ((++this.steps & 0x3ff) === 0 && performance.now() > this.opts.deadline) throw new RegoError('eval_cancel_error', `evaluation exceeded the time limit${this.opts.timeoutMs !== undefined ? ` of ${this.opts.timeoutMs} ms` : ''}`);
    return this.literal(b[i] as Literal, env, () => this.body(b, i + 1, env, k));
  }

  private literal(l: Literal, env: Env, k: K): boolean {
    if (l.with.length > 0) return this.withLiteral(l, env, k);
    if (l.negated) {
      let found = false;
      this.expr(l.expr, env, () => {
        found = true;
        return true;
      });
      return found ? false : k();
    }
    if (l.capture !== undefined && l.expr.type === 'term') {
      const cap: Term = { type: 'var', name: l.capture, loc: l.loc };
      const t = l.expr.term;
      if (t.type !== 'call' || this.arity(t.name) !== t.args.length - 1) return this.term(t, env, (v) => (v === false ? false : this.bind(cap, v, env, k)));
    }
    return this.expr(l.expr, env, k);
  }

  private expr(e: Expr, env: Env, k: K): boolean {
    switch (e.type) {
      case 'term': {
        const t = e.term;
        if (t.type === 'call') {
          const n = this.arity(t.name);
          if (n !== undefined && t.args.length === n + 1) {
            const out = t.args[n] as Term;
            return this.call(t, t.args.slice(0, n), env, (v) => this.bind(out, v, env, k));
          }
        }
        return this.term(t, env, (v) => (v === false ? false : k()));
      }
      case 'unify':
        return this.unify(e.left, e.right, env, k);
      case 'some':
        return k();
      case 'somein':
        return this.term(e.domain, env, (coll) =>
          iterate(coll, (key, val) => (e.key ? this.bind(e.key, key, env, () => this.bind(e.value, val, env, k)) : this.bind(e.value, val, env, k))),
        );
      case 'group':
        return this.body(e.body, 0, env, () => true) ? k() : false;
      case 'logic': {
        const test = (x: Literal): boolean => this.literal(x, env, () => true);
        const ok = e.op === 'and' ? test(e.left) && test(e.right) : test(e.left) || test(e.right);
        return ok ? k() : false;
      }
      case 'every':
        return this.term(e.domain, env, (coll) => {
          if (coll === null || typeof coll !== 'object') return false;
          const failed = iterate(coll, (key, val) => {
            const ok = e.key
              ? this.bind(e.key, key, env, () => this.bind(e.value, val, env, () => this.body(e.body, 0, env, () => true)))
              : this.bind(e.value, val, env, () => this.body(e.body, 0, env, () => true));
            return !ok;
          });
          return failed ? false : k();
        });
    }
  }

  private withLiteral(l: Literal, env: Env, k: K): boolean {
    const saved = this.state;
    let modified: State | null = null;
    const build = (i: number, st: State, done: (s: State) => boolean): boolean => {
      if (i === l.with.length) return done(st);
      const w = l.with[i] as With;
      const fn = w.value.type === 'var' || w.value.type === 'ref' ? refName(w.value) : null;
      if (fn !== null && !env.vars.has(fn) && this.isFunctionName(fn)) return build(i + 1, this.applyWith(st, w, null, env), done);
      return this.term(w.value, env, (v) => build(i + 1, this.applyWith(st, w, v, env), done));
    };
    return build(0, { ...saved, overrides: new Map(saved.overrides), mocks: new Map(saved.mocks) }, (st) => {
      modified = { ...st, cache: new Map(), fnCache: new Map() };
      const inner: Literal = { ...l, with: [] };
      this.state = modified;
      try {
        return this.literal(inner, env, () => {
          const m = this.state;
          this.state = saved;
          try {
            return k();
          } finally {
            this.state = m;
          }
        });
      } finally {
        this.state = saved;
      }
    });
  }

  private applyWith(st: State, w: With, v: Value, env: Env): State {
    void env;
    const t = w.target;
    const name = refName(t);
    if (name === null) throw new RegoError('rego_compile_error', 'with keyword target must reference existing input, data, or a function', w.loc);
    const parts = name.split('.');
    if (parts[0] === 'input') {
      const input = parts.length === 1 ? v : upsert(st.input ?? {}, parts.slice(1), v);
      return { ...st, input };
    }
    if (this.isFunctionName(name)) {
      const replacement = w.value.type === 'var' || w.value.type === 'ref' ? refName(w.value) : null;
      if (replacement !== null && this.isFunctionName(replacement)) st.mocks.set(name, { fn: replacement });
      else st.mocks.set(name, { value: v });
      return st;
    }
    if (parts[0] === 'data') {
      st.overrides.set(parts.slice(1).join('.'), v);
      return st;
    }
    throw new RegoError('rego_compile_error', 'with keyword target must reference existing input, data, or a function', w.loc);
  }

  private isFunctionName(name: string): boolean {
    return this.policy.functions.has(name) || this.builtins.has(name) || name === 'print';
  }

  private arity(name: string): number | undefined {
    const fns = this.policy.functions.get(name);
    if (fns) return (fns[0] as CompiledRule).rule.args?.length;
    return this.builtins.get(name)?.args.length;
  }

  // ---- unification
  unify(a: Term, b: Term, env: Env, k: K): boolean {
    if (this.canEval(a, env)) return this.term(a, env, (v) => this.bind(b, v, env, k));
    if (this.canEval(b, env)) return this.term(b, env, (v) => this.bind(a, v, env, k));
    if (a.type === 'array' && b.type === 'array') {
      if (a.items.length !== b.items.length) return false;
      const step = (i: number): boolean => (i === a.items.length ? k() : this.unify(a.items[i] as Term, b.items[i] as Term, env, () => step(i + 1)));
      return step(0);
    }
    if (a.type === 'object' && b.type === 'object') {
      if (a.entries.length !== b.entries.length) return false;
      const step = (i: number): boolean => {
        if (i === a.entries.length) return k();
        const [ka, va] = a.entries[i] as readonly [Term, Term];
        return this.term(ka, env, (kv) => {
          const match = b.entries.find(([kb]) => kb.type === 'scalar' && equal(kb.value, kv));
          return match ? this.unify(va, match[1], env, () => step(i + 1)) : false;
        });
      };
      return step(0);
    }
    throw unsafe(a, b, env);
  }

  /** Unifies a pattern term with a ground value. */
  bind(t: Term, v: Value, env: Env, k: K): boolean {
    switch (t.type) {
      case 'var': {
        const cur = env.vars.get(t.name);
        if (cur !== undefined) return equal(cur, v) ? k() : false;
        if (t.name === 'input' || t.name === 'data') return this.term(t, env, (x) => (equal(x, v) ? k() : false));
        env.vars.set(t.name, v);
        try {
          return k();
        } finally {
          env.vars.delete(t.name);
        }
      }
      case 'scalar':
        return equal(t.value, v) ? k() : false;
      case 'array': {
        if (!Array.isArray(v)) return false;
        const arr = v as readonly Value[];
        if (arr.length !== t.items.length) return false;
        const step = (i: number): boolean => (i === arr.length ? k() : this.bind(t.items[i] as Term, arr[i] as Value, env, () => step(i + 1)));
        return step(0);
      }
      case 'object': {
        if (!isObject(v)) return false;
        const o = v;
        let size = 0;
        for (const _ of objEntries(o)) size++;
        if (size !== t.entries.length) return false;
        const step = (i: number): boolean => {
          if (i === t.entries.length) return k();
          const [kt, vt] = t.entries[i] as readonly [Term, Term];
          return this.term(kt, env, (key) => {
            const child = objGet(o, key);
            return child === undefined ? false : this.bind(vt, child, env, () => step(i + 1));
          });
        };
        return step(0);
      }
      default:
        if (!this.canEval(t, env)) throw unsafe(t, t, env);
        return this.term(t, env, (x) => (equal(x, v) ? k() : false));
    }
  }

  /** True when every var the term needs (outside ref keys and comprehensions) is bound. */
  canEval(t: Term, env: Env): boolean {
    switch (t.type) {
      case 'scalar':
        return true;
      case 'var':
        return env.vars.has(t.name) || t.name === 'data' || t.name === 'input';
      case 'ref':
        return this.canEval(t.head, env);
      case 'array':
      case 'set':
        return t.items.every((x) => this.canEval(x, env));
      case 'object':
        return t.entries.every(([a, b]) => this.canEval(a, env) && this.canEval(b, env));
      case 'call':
        return t.args.every((x) => this.canEval(x, env));
      case 'template':
        return t.parts.every((p) => typeof p === 'string' || this.canEval(p, env));
      default:
        return true;
    }
  }

  // ---- terms
  term(t: Term, env: Env, k: KV): boolean {
    switch (t.type) {
      case 'scalar':
        return k(t.value);
      case 'var': {
        const v = env.vars.get(t.name);
        if (v !== undefined) return k(v);
        if (t.name === 'input') return this.state.input === undefined ? false : k(this.state.input);
        if (t.name === 'data') return this.data([], 0, this.policy.root, this.opts.data, [], env, k);
        throw new RegoError('rego_unsafe_var_error', `var ${displayVar(t.name)} is unsafe`, t.loc);
      }
      case 'ref':
        return this.ref(t, env, k);
      case 'array':
        return this.items(t.items, 0, [], env, (xs) => k(xs));
      case 'set':
        return this.items(t.items, 0, [], env, (xs) => k(new RegoSet(xs, keyOf)));
      case 'object':
        return this.objectLit(t, 0, new Map(), env, k);
      case 'arraycompr': {
        const out: Value[] = [];
        this.body(t.body, 0, env, () => this.term(t.term, env, (v) => (out.push(v), false)));
        return k(out);
      }
      case 'setcompr': {
        const out = new RegoSet();
        this.body(t.body, 0, env, () => this.term(t.term, env, (v) => (out.map.set(keyOf(v), v), false)));
        return k(out);
      }
      case 'objectcompr': {
        const out = new ObjectBuilder();
        this.body(t.body, 0, env, () =>
          this.term(t.key, env, (kv) =>
            this.term(t.value, env, (vv) => {
              const prev = out.get(kv);
              if (prev !== undefined && !equal(prev, vv)) throw new ConflictError('object keys must be unique', t.loc);
              out.set(kv, vv);
              return false;
            }),
          ),
        );
        return k(out.build());
      }
      case 'call':
        return this.call(t, t.args, env, k);
      case 'template':
        return this.template(t, 0, '', env, k);
    }
  }

  private template(t: TermOf<'template'>, i: number, acc: string, env: Env, k: KV): boolean {
    if (i === t.parts.length) return k(acc);
    const p = t.parts[i] as string | Term;
    if (typeof p === 'string') return this.template(t, i + 1, acc + p, env, k);
    let any = false;
    const r = this.term(p, env, (v) => {
      any = true;
      return this.template(t, i + 1, acc + (typeof v === 'string' ? v : formatValue(v)), env, k);
    });
    if (!any) return this.template(t, i + 1, acc + '<undefined>', env, k);
    return r;
  }

  private items(ts: readonly Term[], i: number, acc: Value[], env: Env, k: (xs: Value[]) => boolean): boolean {
    if (i === ts.length) return k(acc.slice());
    return this.term(ts[i] as Term, env, (v) => {
      acc.push(v);
      try {
        return this.items(ts, i + 1, acc, env, k);
      } finally {
        acc.pop();
      }
    });
  }

  private objectLit(t: TermOf<'object'>, i: number, acc: Map<string, readonly [Value, Value]>, env: Env, k: KV): boolean {
    if (i === t.entries.length) {
      const b = new ObjectBuilder();
      for (const [kk, vv] of acc.values()) b.set(kk, vv);
      return k(b.build());
    }
    const [kt, vt] = t.entries[i] as readonly [Term, Term];
    return this.term(kt, env, (kv) =>
      this.term(vt, env, (vv) => {
        const key = keyOf(kv);
        const prev = acc.get(key);
        if (prev && !equal(prev[1], vv)) throw new ConflictError('object keys must be unique', t.loc);
        acc.set(key, [kv, vv]);
        try {
          return this.objectLit(t, i + 1, acc, env, k);
        } finally {
          if (prev) acc.set(key, prev);
          else acc.delete(key);
        }
      }),
    );
  }

  // ---- references
  private ref(t: TermOf<'ref'>, env: Env, k: KV): boolean {
    const h = t.head;
    if (h.type === 'var' && !env.vars.has(h.name)) {
      if (h.name === 'data') return this.data(t.path, 0, this.policy.root, this.opts.data, [], env, k);
      if (h.name === 'input') {
        const input = this.state.input;
        return input === undefined ? false : this.walk(input, t.path, 0, env, k);
      }
    }
    return this.term(h, env, (v) => this.walk(v, t.path, 0, env, k));
  }

  private walk(v: Value, path: readonly Term[], i: number, env: Env, k: KV): boolean {
    if (i === path.length) return k(v);
    const p = path[i] as Term;
    if (p.type === 'scalar') {
      const c = lookup(v, p.value);
      return c === undefined ? false : this.walk(c, path, i + 1, env, k);
    }
    if (p.type === 'var') {
      const b = env.vars.get(p.name);
      if (b !== undefined) {
        const c = lookup(v, b);
        return c === undefined ? false : this.walk(c, path, i + 1, env, k);
      }
    }
    if (this.canEval(p, env)) {
      return this.term(p, env, (key) => {
        const c = lookup(v, key);
        return c === undefined ? false : this.walk(c, path, i + 1, env, k);
      });
    }
    return iterate(v, (key, child) => this.bind(p, key, env, () => this.walk(child, path, i + 1, env, k)));
  }

  /** Walks the data document: base data merged with virtual documents (rules). */
  private data(path: readonly Term[], i: number, node: DocNode | undefined, base: Value | undefined, at: string[], env: Env, k: KV): boolean {
    if (this.state.overrides.size > 0) {
      const o = this.state.overrides.get(at.join('.'));
      if (o !== undefined && at.length > 0) return this.walk(o, path, i, env, k);
    }
    if (node && node.rules.length > 0) {
      const v = this.nodeValue(node, base, at);
      return v === undefined ? false : this.walk(v, path, i, env, k);
    }
    if ((!node || !node.hasRules()) && !this.overridesBelow(at)) {
      if (base === undefined) return false;
      return this.walk(base, path, i, env, k);
    }
    node ??= EMPTY_NODE;
    if (i === path.length) {
      const v = this.docValue(node, base, at);
      return v === undefined ? false : k(v);
    }
    const p = path[i] as Term;
    const step = (key: Value): boolean => {
      if (typeof key !== 'string') {
        return base === undefined ? false : this.walk(base, path, i, env, k);
      }
      const child = node.children.get(key);
      const childBase = base !== undefined ? lookup(base, key) : undefined;
      if (!child && childBase === undefined && !this.overridesBelow([...at, key])) return false;
      return this.data(path, i + 1, child, childBase, [...at, key], env, k);
    };
    if (this.canEval(p, env)) return this.term(p, env, step);
    const keys = new Set<string>(node.children.keys());
    if (base !== undefined && isObject(base)) for (const [kk] of objEntries(base)) if (typeof kk === 'string') keys.add(kk);
    for (const key of [...keys].sort()) if (this.bind(p, key, env, () => step(key))) return true;
    return false;
  }

  private overridesBelow(at: string[]): boolean {
    if (this.state.overrides.size === 0) return false;
    const exact = at.join('.');
    const prefix = at.length === 0 ? '' : exact + '.';
    for (const key of this.state.overrides.keys()) if (key === exact || key.startsWith(prefix)) return true;
    return false;
  }

  /** The full value of a document node without rules of its own: base data merged with its children. */
  private docValue(node: DocNode | undefined, base: Value | undefined, at: string[]): Value | undefined {
    const o = at.length > 0 ? this.state.overrides.get(at.join('.')) : undefined;
    if (o !== undefined) return o;
    if ((!node || !node.hasRules()) && !this.overridesBelow(at)) return base;
    node ??= EMPTY_NODE;
    if (node.rules.length > 0) return this.nodeValue(node, base, at);
    const b = new ObjectBuilder();
    if (base !== undefined && isObject(base)) for (const [kk, vv] of objEntries(base)) b.set(kk, vv);
    for (const [name, child] of node.children) {
      const v = this.docValue(child, base !== undefined ? lookup(base, name) : undefined, [...at, name]);
      if (v !== undefined) b.set(name, v);
    }
    const prefix = at.length === 0 ? '' : at.join('.') + '.';
    for (const key of this.state.overrides.keys()) {
      if (!key.startsWith(prefix)) continue;
      const name = key.slice(prefix.length).split('.')[0] as string;
      if (node.children.has(name)) continue;
      const v = this.docValue(undefined, base !== undefined ? lookup(base, name) : undefined, [...at, name]);
      if (v !== undefined) b.set(name, v);
    }
    return b.build();
  }

  /** The value of a node holding rules (cached per query). */
  private nodeValue(node: DocNode, base: Value | undefined, at: string[]): Value | undefined {
    const cached = this.state.cache.get(node);
    if (cached === IN_PROGRESS) throw new RegoError('rego_recursion_error', `rule data.${node.path.join('.')} is recursive`, (node.rules[0] as CompiledRule).rule.loc);
    if (cached !== undefined || this.state.cache.has(node)) return cached;
    this.state.cache.set(node, IN_PROGRESS);
    try {
      const v = this.computeNode(node, base, at);
      this.state.cache.set(node, v);
      return v;
    } catch (e) {
      this.state.cache.delete(node);
      throw e;
    }
  }

  private computeNode(node: DocNode, base: Value | undefined, at: string[]): Value | undefined {
    if ((node.rules[0] as CompiledRule).rule.kind === 'function') return undefined;
    const doc = new DocBuilder();
    let defaultRule: CompiledRule | null = null;
    for (const cr of node.rules) {
      const r = cr.rule;
      if (r.isDefault) {
        defaultRule = cr;
        continue;
      }
      this.ruleSolutions(cr, (keys, v) => {
        if (r.kind === 'partialset') doc.addToSet(keys, v, r.loc);
        else doc.putValue(keys, v, r.loc);
      });
      if (r.kind === 'partialset' && cr.suffix.length === 0) doc.ensureSet([]);
      if (r.kind === 'complete' && cr.suffix.length > 0) doc.ensureObject();
    }
    if (defaultRule && doc.empty) {
      const r = defaultRule.rule;
      this.term(r.value, new Env(), (v) => {
        doc.putValue([], v, r.loc);
        return true;
      });
    }
    let v = doc.build();
    if (node.children.size > 0) {
      const b = new ObjectBuilder();
      if (v !== undefined && isObject(v)) for (const [kk, vv] of objEntries(v)) b.set(kk, vv);
      else if (v !== undefined) return v;
      for (const [name, child] of node.children) {
        const cv = this.docValue(child, base !== undefined ? lookup(base, name) : undefined, [...at, name]);
        if (cv === undefined) continue;
        const prev = b.get(name);
        b.set(name, prev === undefined ? cv : mergeDocs(prev, cv, child));
      }
      v = b.build();
    }
    return v;
  }

  /** Evaluates one rule (with its else chain); emit(keys, value) for each solution. */
  private ruleSolutions(cr: CompiledRule, emit: (keys: Value[], v: Value) => void): void {
    const r = cr.rule;
    const out = r.kind === 'partialset' ? (r.key as Term) : r.value;
    const clauses = [{ body: r.body, value: out }, ...r.elses.map((e) => ({ body: e.body, value: e.value }))];
    this.enter(r);
    try {
      for (const c of clauses) {
        const env = new Env();
        let found = false;
        this.body(c.body, 0, env, () =>
          this.items(cr.suffix, 0, [], env, (keys) =>
            this.term(c.value, env, (v) => {
              found = true;
              emit(keys, v);
              return false;
            }),
          ),
        );
        if (found) return;
      }
    } finally {
      this.leave();
    }
  }

  private enter(r: Rule): void {
    if (++this.depth > this.opts.maxDepth) throw new RegoError('eval_recursion_error', 'maximum evaluation depth exceeded', r.loc);
    this.ruleStack.push(r);
  }

  private leave(): void {
    this.depth--;
    this.ruleStack.pop();
  }

  // ---- calls
  private call(t: TermOf<'call'>, args: readonly Term[], env: Env, k: KV): boolean {
    let name = t.name;
    const mock = this.state.mocks.get(name);
    if (mock) {
      if (mock.value !== undefined) return this.items(args, 0, [], env, () => k(mock.value as Value));
      name = mock.fn as string;
      // the replacement runs without this mock (so it may call the original) and sees no other mock
      const saved = this.state;
      const inner: State = { ...saved, mocks: new Map(), cache: new Map(), fnCache: new Map() };
      return this.items(args, 0, [], env, (vals) => {
        let result: Value | undefined;
        this.state = inner;
        try {
          this.callValues(name, vals, t, (v) => ((result = v), true));
        } finally {
          this.state = saved;
        }
        return result === undefined ? false : k(result);
      });
    }
    if (name === 'print') return this.print(args, env, k);
    if (name === 'rego.metadata.rule') return k(this.currentAnnotations());
    if (name === 'rego.metadata.chain') return k(this.annotationChain());
    if (name === 'set' && args.length === 0) return k(new RegoSet());
    return this.args(args, new Array<Value | undefined>(args.length).fill(undefined), 0, env, (vals) => this.callValues(name, vals, t, k));
  }

  /** Evaluates call operands; an unbound var operand waits until another operand (a ref) has bound it. */
  private args(ts: readonly Term[], vals: (Value | undefined)[], done: number, env: Env, k: (xs: Value[]) => boolean): boolean {
    if (done === ts.length) return k(vals.slice() as Value[]);
    let idx = -1;
    for (let j = 0; j < ts.length; j++) {
      if (vals[j] !== undefined) continue;
      const t = ts[j] as Term;
      if (idx < 0) idx = j;
      if (t.type !== 'var' || env.vars.has(t.name) || t.name === 'input' || t.name === 'data') {
        idx = j;
        break;
      }
    }
    return this.term(ts[idx] as Term, env, (v) => {
      vals[idx] = v;
      try {
        return this.args(ts, vals, done + 1, env, k);
      } finally {
        vals[idx] = undefined;
      }
    });
  }

  /** Calls a user function or builtin with evaluated operands. */
  private callValues(name: string, vals: Value[], t: TermOf<'call'>, k: KV): boolean {
    const fns = this.policy.functions.get(name);
    if (fns) return this.userFunction(name, fns, vals, t, k);
    const decl = this.builtins.get(name);
    if (!decl) throw new RegoError('rego_type_error', `undefined function ${name}`, t.loc);
    {
      let result: Value | undefined;
      try {
        checkOperands(decl, vals);
        result = decl.impl(vals, this.ctx);
      } catch (e) {
        if (e instanceof RegoError && (e.code === 'eval_builtin_error' || e.code === 'eval_type_error')) {
          if (this.opts.strictBuiltinErrors) throw withLoc(e, t);
          return false;
        }
        if (e instanceof RegoError) throw e;
        if (this.opts.strictBuiltinErrors) throw new BuiltinError(`${name}: ${(e as Error).message}`, t.loc, { cause: e });
        return false;
      }
      if (result === undefined) return false;
      if (decl.relation) {
        for (const r of result as readonly Value[]) if (k(r)) return true;
        return false;
      }
      return k(result);
    }
  }

  private print(args: readonly Term[], env: Env, k: KV): boolean {
    const parts: string[] = [];
    for (const a of args) {
      const vals: string[] = [];
      try {
        this.term(a, env, (v) => {
          vals.push(typeof v === 'string' ? v : toJsonText(v));
          return false;
        });
      } catch (e) {
        if (!(e instanceof RegoError) || e.code !== 'rego_unsafe_var_error') throw e;
      }
      parts.push(vals.length === 0 ? '<undefined>' : vals.length === 1 ? (vals[0] as string) : `{${vals.join(', ')}}`);
    }
    this.opts.print(parts.join(' '));
    return k(true);
  }

  private userFunction(name: string, fns: readonly CompiledRule[], vals: Value[], t: Term, k: KV): boolean {
    const key = name + '\u0000' + vals.map(keyOf).join('\u0000');
    let result: Value | undefined;
    if (this.state.fnCache.has(key)) result = this.state.fnCache.get(key);
    else {
      result = this.computeFunction(fns, vals, t);
      this.state.fnCache.set(key, result);
    }
    return result === undefined ? false : k(result);
  }

  private computeFunction(fns: readonly CompiledRule[], vals: Value[], t: Term): Value | undefined {
    let result: Value | undefined;
    let defaultRule: Rule | null = null;
    for (const cr of fns) {
      const r = cr.rule;
      if (r.isDefault) {
        defaultRule = r;
        continue;
      }
      const params = r.args as readonly Term[];
      if (params.length !== vals.length) continue;
      const clauses = [{ body: r.body, value: r.value }, ...r.elses.map((e) => ({ body: e.body, value: e.value }))];
      this.enter(r);
      try {
        for (const c of clauses) {
          const env = new Env();
          let found = false;
          const bindArgs = (i: number): boolean =>
            i === params.length
              ? this.body(c.body, 0, env, () =>
                  this.term(c.value, env, (v) => {
                    found = true;
                    if (result !== undefined && !equal(result, v)) throw new ConflictError('functions must not produce multiple outputs for same inputs', t.loc);
                    result = v;
                    return false;
                  }),
                )
              : this.bind(params[i] as Term, vals[i] as Value, env, () => bindArgs(i + 1));
          bindArgs(0);
          if (found) break;
        }
      } finally {
        this.leave();
      }
    }
    if (result === undefined && defaultRule) this.term(defaultRule.value, new Env(), (v) => ((result = v), true));
    return result;
  }

  private currentAnnotations(): Value {
    const r = this.ruleStack[this.ruleStack.length - 1];
    return r?.annotations ? stripScope(r.annotations) : {};
  }

  private annotationChain(): Value {
    const r = this.ruleStack[this.ruleStack.length - 1];
    if (!r) return [];
    const all = [...this.allRules()];
    const cr = all.find((c) => c.rule.loc === r.loc);
    if (!cr) return [];
    const out: Value[] = [];
    const path = [...cr.path];
    if (r.annotations) out.push({ path, annotations: stripScope(r.annotations) });
    else out.push({ path });
    const pkg = cr.module.packagePath.join('.');
    const samePkg = this.policy.modules.filter((m) => m.packagePath.join('.') === pkg);
    for (const m of samePkg)
      for (const a of m.annotations) {
        if (a.scope !== 'document') continue;
        const target = all.find((c) => c.module === m && String(c.rule.loc.row) === a.target);
        if (target && target.path.join('.') === cr.path.join('.')) out.push({ path, annotations: stripScope(a.data) });
      }
    const pkgAnn = samePkg.flatMap((m) => m.annotations.filter((a) => a.scope === 'package'));
    if (pkgAnn[0]) out.push({ path: [...cr.module.packagePath], annotations: stripScope(pkgAnn[0].data) });
    return out;
  }

  private *allRules(): Generator<CompiledRule> {
    const stack: DocNode[] = [this.policy.root];
    while (stack.length > 0) {
      const n = stack.pop() as DocNode;
      yield* n.rules;
      stack.push(...n.children.values());
    }
  }
}

/** Merges two documents produced for the same path by different rules (objects key-wise, sets by union). */
function mergeDocs(a: Value, b: Value, node: DocNode): Value {
  if (equal(a, b)) return a;
  if (a instanceof RegoSet && b instanceof RegoSet) {
    const out = new RegoSet();
    for (const [kk, vv] of a.map) out.map.set(kk, vv);
    for (const [kk, vv] of b.map) out.map.set(kk, vv);
    return out;
  }
  if (isObject(a) && isObject(b)) {
    const out = new ObjectBuilder();
    for (const [kk, vv] of objEntries(a)) out.set(kk, vv);
    for (const [kk, vv] of objEntries(b)) {
      const prev = out.get(kk);
      out.set(kk, prev === undefined ? vv : mergeDocs(prev, vv, node));
    }
    return out.build();
  }
  throw new ConflictError('object keys must be unique', node.rules[0]?.rule.loc);
}

function stripScope(a: Readonly<Record<string, Value>>): Value {
  const b = new ObjectBuilder();
  for (const [k, v] of Object.entries(a)) b.set(k, toRegoValue(v));
  return b.build();
}

function toRegoValue(v: unknown): Value {
  if (v === undefined) return null;
  return v as Value;
}

function withLoc(e: RegoError, t: Term): RegoError {
  if (e.location) return e;
  return new RegoError(e.code, e.detail, t.loc, { cause: e });
}

function displayVar(name: string): string {
  return name.startsWith('$_') ? '_' : name;
}

function unsafe(a: Term, b: Term, env: Env): RegoError {
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

/** A copy of obj with value set at path (objects created as needed). */
function upsert(obj: Value, path: readonly string[], v: Value): Value {
  if (path.length === 0) return v;
  const [head, ...rest] = path as [string, ...string[]];
  const b = new ObjectBuilder();
  if (isObject(obj)) for (const [kk, vv] of objEntries(obj)) b.set(kk, vv);
  const cur = isObject(obj) ? objGet(obj, head) : undefined;
  b.set(head, upsert(cur ?? {}, rest, v));
  return b.build();
}

