/** Safety: reorder body literals so that each literal's inputs are bound before it runs (as OPA does). */
import { RegoError } from '../errors.js';
import { allVars, comprehensions, inputVars, literalVars, topVars } from './vars.js';
import type { Body, Literal, Term } from '../syntax/ast.js';

export type ArityFn = (name: string) => number | undefined;

const GLOBAL = new Set(['data', 'input']);

export function reorderBody(body: Body, bound: ReadonlySet<string>, arity: ArityFn, strict = false): Literal[] {
  if (body.length === 0 || (body.length === 1 && !strict)) return [...body];
  const counts = new Map<string, number>();
  const perLit = body.map((l) => {
    const s = new Set<string>();
    literalVars(l, s);
    for (const v of s) counts.set(v, (counts.get(v) ?? 0) + 1);
    return s;
  });
  const shared = (v: string): boolean => (counts.get(v) ?? 0) > 1;
  const B = new Set(bound);
  const remaining = body.map((l, i) => ({ l, i }));
  const out: Literal[] = [];
  while (remaining.length > 0) {
    const ready = (alt: readonly string[]): boolean => alt.every((v) => B.has(v) || GLOBAL.has(v));
    let idx = remaining.findIndex(({ l }) => needs(l, arity, shared).some(ready));
    if (idx < 0) {
      if (strict && (remaining[0] as { l: Literal }).l.expr.type !== 'unify') {
        const first = remaining[0] as { l: Literal };
        // only vars that no literal can ever bind: needed by every alternative and occurring nowhere else
        const alts = needs(first.l, arity, shared);
        const missing = (alts[0] ?? []).filter((v) => !B.has(v) && !GLOBAL.has(v) && !v.startsWith('$') && !shared(v) && alts.every((a) => a.includes(v)));
        if (missing.length > 0) throw new RegoError('rego_unsafe_var_error', `var ${missing[0] as string} is unsafe`, first.l.loc);
      }
      idx = 0;
    }
    const [{ l, i }] = remaining.splice(idx, 1) as [{ l: Literal; i: number }];
    out.push(l);
    for (const v of perLit[i] as Set<string>) B.add(v);
  }
  return out;
}

/** Sets of vars a literal needs bound before it can run (any one set suffices). */
function needs(l: Literal, arity: ArityFn, shared: (v: string) => boolean): string[][] {
  const s = new Set<string>();
  const e = l.expr;
  const closure = (t: Term): void => {
    const cs: Term[] = [];
    comprehensions(t, cs);
    for (const c of cs) {
      const vs = new Set<string>();
      allVars(c, vs);
      for (const v of vs) if (shared(v)) s.add(v);
    }
  };
  if (l.negated || e.type === 'group' || e.type === 'logic') {
    const vs = new Set<string>();
    literalVars(l, vs);
    for (const v of vs) if (shared(v)) s.add(v);
    return [[...s]];
  }
  switch (e.type) {
    case 'term': {
      const t = e.term;
      if (t.type === 'call') {
        const n = arity(t.name);
        const args = n !== undefined && t.args.length === n + 1 ? t.args.slice(0, n) : t.args;
        for (const a of args) {
          inputVars(a, s);
          closure(a);
        }
      } else {
        inputVars(t, s);
        closure(t);
      }
      break;
    }
    case 'unify': {
      const l1 = new Set<string>();
      const r1 = new Set<string>();
      inputVars(e.left, l1);
      inputVars(e.right, r1);
      closure(e.left);
      closure(e.right);
      // one side must be evaluable; the other is a pattern. Prefer the side with fewer needs.
      const lt = new Set<string>();
      const rt = new Set<string>();
      topVars(e.left, lt);
      topVars(e.right, rt);
      const patternOk = (t: Term): boolean => t.type === 'var' || t.type === 'array' || t.type === 'object' || t.type === 'scalar';
      const leftNeeds = patternOk(e.right) ? l1 : new Set([...l1, ...r1]);
      const rightNeeds = patternOk(e.left) ? r1 : new Set([...l1, ...r1]);
      // either side may be evaluated first: two alternatives
      for (const v of s) {
        leftNeeds.add(v);
        rightNeeds.add(v);
      }
      for (const w of l.with) {
        if (w.value.type === 'var' && arity(w.value.name) !== undefined) continue;
        inputVars(w.value, leftNeeds);
        inputVars(w.value, rightNeeds);
      }
      return [[...leftNeeds], [...rightNeeds]];
    }
    case 'some':
      break;
    case 'somein':
      inputVars(e.domain, s);
      closure(e.domain);
      break;
    case 'every': {
      inputVars(e.domain, s);
      const vs = new Set<string>();
      for (const x of e.body) literalVars(x, vs);
      for (const v of vs) if (shared(v)) s.add(v);
      break;
    }
  }
  for (const w of l.with) if (w.value.type !== 'var' || arity(w.value.name) === undefined) inputVars(w.value, s);
  return [[...s]];
}

