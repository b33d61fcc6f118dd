/** Core of top-down evaluation, in continuation-passing style: bodies, literals, unification and terms. */
import { ConflictError, RegoError } from '../errors.js';
import { equal } from '../value/compare.js';
import { formatValue } from '../value/format.js';
import { isObject } from '../value/kinds.js';
import { keyOf } from '../value/key.js';
import { ObjectBuilder, objEntries, objGet } from '../value/object.js';
import { RegoSet } from '../value/types.js';
import { iterate } from './collections.js';
import { unsafe, displayVar } from './support.js';
import type { BuiltinContext, BuiltinRegistry } from '../builtins/registry.js';
import type { CompiledPolicy, DocNode } from '../compile/compiler.js';
import type { Body, Expr, Literal, Rule, Term, TermOf } from '../syntax/ast.js';
import type { Value } from '../value/types.js';
import type { Env } from './env.js';
import type { EvalOptions, K, KV, State } from './state.js';

export abstract class EvalCore {
  protected state: State;
  protected readonly ctx: BuiltinContext;
  protected depth = 0;
  protected steps = 0;
  protected readonly ruleStack: Rule[] = [];

  constructor(
    protected readonly policy: CompiledPolicy,
    protected readonly builtins: BuiltinRegistry,
    protected readonly opts: EvalOptions,
  ) {
    this.state = { input: opts.input, overrides: new Map(), mocks: new Map(), cache: new Map(), fnCache: new Map() };
    this.ctx = { nowNs: opts.nowNs, print: opts.print, cache: new Map(), strictBuiltinErrors: opts.strictBuiltinErrors };
  }

  protected abstract withLiteral(l: Literal, env: Env, k: K): boolean;
  protected abstract arity(name: string): number | undefined;
  protected abstract ref(t: TermOf<'ref'>, env: Env, k: KV): boolean;
  protected abstract data(path: readonly Term[], i: number, node: DocNode | undefined, base: Value | undefined, at: string[], env: Env, k: KV): boolean;
  protected abstract call(t: TermOf<'call'>, args: readonly Term[], env: Env, k: KV): boolean;

  body(b: Body, i: number, env: Env, k: K): boolean {
    if (i === b.length) return k();
    if ((++this.steps & 0x3ff) === 0 && performance.now() > this.opts.deadline) throw new RegoError('eval_cancel_error', `evaluation exceeded the time limit${this.opts.timeoutMs !== undefined ? ` of ${this.opts.timeoutMs} ms` : ''}`);
    return this.literal(b[i] as Literal, env, () => this.body(b, i + 1, env, k));
  }

  protected literal(l: Literal, env: Env, k: K): boolean {
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
      if (t.type !== 'call' || this.arity(t.name) !== t.args.length - 1) return this.term(t, env, (v) => (v === false && l.checkCapture !== false ? false : this.bind(cap, v, env, k)));
    }
    return this.expr(l.expr, env, k);
  }

  protected expr(e: Expr, env: Env, k: K): boolean {
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

  protected template(t: TermOf<'template'>, i: number, acc: string, env: Env, k: KV): boolean {
    if (i === t.parts.length) return k(acc);
    const p = t.parts[i] as string | Term;
    if (typeof p === 'string') return this.template(t, i + 1, acc + p, env, k);
    let any = false;
    const part = (v: Value): boolean => {
      any = true;
      return this.template(t, i + 1, acc + (typeof v === 'string' ? v : formatValue(v)), env, k);
    };
    // a part with `with` modifiers is a one-element comprehension: its element, or undefined when empty
    const r = t.scoped?.[i] === true ? this.term(p, env, (arr) => ((arr as readonly Value[]).length > 0 ? part((arr as readonly Value[])[0] as Value) : false)) : this.term(p, env, part);
    if (!any) return this.template(t, i + 1, acc + '<undefined>', env, k);
    return r;
  }

  protected items(ts: readonly Term[], i: number, acc: Value[], env: Env, k: (xs: Value[]) => boolean): boolean {
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

  protected objectLit(t: TermOf<'object'>, i: number, acc: Map<string, readonly [Value, Value]>, env: Env, k: KV): boolean {
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
}
