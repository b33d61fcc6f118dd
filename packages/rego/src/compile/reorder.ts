/** Safety: reorder body literals so that each literal's inputs are bound before it runs (as OPA does). */
import { allVars, comprehensions, inputVars, literalVars, topVars } from './vars.js';
import type { Body, Literal, Term } from '../syntax/ast.js';

export type ArityFn = (name: string) => number | undefined;

const GLOBAL = new Set(['data', 'input']);

export function reorderBody(body: Body, bound: ReadonlySet<string>, arity: ArityFn): Literal[] {
  if (body.length <= 1) return [...body];
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
    let idx = remaining.findIndex(({ l }) => needs(l, arity, shared).every((v) => B.has(v) || GLOBAL.has(v)));
    if (idx < 0) idx = 0;
    const [{ l, i }] = remaining.splice(idx, 1) as [{ l: Literal; i: number }];
    out.push(l);
    for (const v of perLit[i] as Set<string>) B.add(v);
  }
  return out;
}

/** Vars a literal needs bound before it can run. */
function needs(l: Literal, arity: ArityFn, shared: (v: string) => boolean): string[] {
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
    return [...s];
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
      // choose later at runtime; here require the smaller set (both are acceptable orders)
      const pick = leftNeeds.size <= rightNeeds.size ? leftNeeds : rightNeeds;
      for (const v of patternNeeds(e.left, e.right, pick)) s.add(v);
      break;
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
  for (const w of l.with) inputVars(w.value, s);
  return [...s];
}

function patternNeeds(_l: Term, _r: Term, pick: Set<string>): Set<string> {
  return pick;
}
