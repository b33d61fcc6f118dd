/** Calls: builtins (operand checks, error policy), user functions (cached per query), mocks, print. */
import { BuiltinError, ConflictError, RegoError } from '../errors.js';
import { checkOperands } from '../builtins/registry.js';
import { equal } from '../value/compare.js';
import { keyOf } from '../value/key.js';
import { RegoSet } from '../value/types.js';
import { toJsonText } from '../value/to-json.js';
import { annotationChain, ruleAnnotations } from './annotations.js';
import { DocumentEval } from './documents.js';
import { Env } from './env.js';
import { withLoc } from './support.js';
import type { CompiledRule } from '../compile/compiler.js';
import type { Rule, Term, TermOf } from '../syntax/ast.js';
import type { Value } from '../value/types.js';
import type { KV, State } from './state.js';

export abstract class CallEval extends DocumentEval {
  protected call(t: TermOf<'call'>, args: readonly Term[], env: Env, k: KV): boolean {
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
    if (name === 'rego.metadata.rule') return k(ruleAnnotations(this.ruleStack[this.ruleStack.length - 1]));
    if (name === 'rego.metadata.chain') return k(annotationChain(this.policy, this.ruleStack[this.ruleStack.length - 1]));
    if (name === 'set' && args.length === 0) return k(new RegoSet());
    return this.args(args, new Array<Value | undefined>(args.length).fill(undefined), 0, env, (vals) => this.callValues(name, vals, t, k));
  }

  /** Evaluates call operands; an unbound var operand waits until another operand (a ref) has bound it. */
  protected args(ts: readonly Term[], vals: (Value | undefined)[], done: number, env: Env, k: (xs: Value[]) => boolean): boolean {
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
  protected callValues(name: string, vals: Value[], t: TermOf<'call'>, k: KV): boolean {
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

  protected print(args: readonly Term[], env: Env, k: KV): boolean {
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

  protected userFunction(name: string, fns: readonly CompiledRule[], vals: Value[], t: Term, k: KV): boolean {
    const key = name + '\u0000' + vals.map(keyOf).join('\u0000');
    let result: Value | undefined;
    if (this.state.fnCache.has(key)) result = this.state.fnCache.get(key);
    else {
      result = this.computeFunction(fns, vals, t);
      this.state.fnCache.set(key, result);
    }
    return result === undefined ? false : k(result);
  }

  protected computeFunction(fns: readonly CompiledRule[], vals: Value[], t: Term): Value | undefined {
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
          // a parameter that cannot be bound yet (a template string over body vars) is checked after the body
          const deferred: number[] = [];
          const checkDeferred = (j: number, k: () => boolean): boolean =>
            j === deferred.length ? k() : this.bind(params[deferred[j] as number] as Term, vals[deferred[j] as number] as Value, env, () => checkDeferred(j + 1, k));
          const bindArgs = (i: number): boolean => {
            if (i === params.length)
              return this.body(c.body, 0, env, () =>
                checkDeferred(0, () =>
                  this.term(c.value, env, (v) => {
                    found = true;
                    if (result !== undefined && !equal(result, v)) throw new ConflictError('functions must not produce multiple outputs for same inputs', t.loc);
                    result = v;
                    return false;
                  }),
                ),
              );
            const p = params[i] as Term;
            if (p.type === 'template' && !this.canEval(p, env)) {
              deferred.push(i);
              return bindArgs(i + 1);
            }
            return this.bind(p, vals[i] as Value, env, () => bindArgs(i + 1));
          };
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
}
