/** The evaluator: `with` modifiers on top of the core, document and call layers; runs a query. */
import { RegoError } from '../errors.js';
import { CallEval } from './calls.js';
import { Env } from './env.js';
import { refName, upsert } from './support.js';
import type { CompiledRule } from '../compile/compiler.js';
import type { Body, Literal, With } from '../syntax/ast.js';
import type { Value } from '../value/types.js';
import type { K, State } from './state.js';

export { Env } from './env.js';
export { refName } from './support.js';
export type { EvalOptions } from './state.js';

export class Evaluator extends CallEval {
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

  protected withLiteral(l: Literal, env: Env, k: K): boolean {
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

  protected applyWith(st: State, w: With, v: Value, env: Env): State {
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

  protected isFunctionName(name: string): boolean {
    return this.policy.functions.has(name) || this.builtins.has(name) || name === 'print';
  }

  protected arity(name: string): number | undefined {
    const fns = this.policy.functions.get(name);
    if (fns) return (fns[0] as CompiledRule).rule.args?.length;
    return this.builtins.get(name)?.args.length;
  }

  // ---- unification
}
