/** Renames variables declared in a nested scope (every, some in comprehensions) so they cannot capture outer ones. */
import type { Body, Expr, Literal, Term } from '../syntax/ast.js';

let counter = 0;

export function freshNames(names: Iterable<string>): Map<string, string> {
  const m = new Map<string, string>();
  for (const n of names) if (!n.startsWith('$_')) m.set(n, `${n}$${++counter}`);
  return m;
}

export function renameTerm(t: Term, m: ReadonlyMap<string, string>): Term {
  if (m.size === 0) return t;
  switch (t.type) {
    case 'var': {
      const n = m.get(t.name);
      return n ? { ...t, name: n } : t;
    }
    case 'ref':
      return { ...t, head: renameTerm(t.head, m), path: t.path.map((p) => renameTerm(p, m)) };
    case 'array':
    case 'set':
      return { ...t, items: t.items.map((x) => renameTerm(x, m)) };
    case 'object':
      return { ...t, entries: t.entries.map(([k, v]) => [renameTerm(k, m), renameTerm(v, m)] as const) };
    case 'arraycompr':
    case 'setcompr':
      return { ...t, term: renameTerm(t.term, m), body: renameBody(t.body, m) };
    case 'objectcompr':
      return { ...t, key: renameTerm(t.key, m), value: renameTerm(t.value, m), body: renameBody(t.body, m) };
    case 'call':
      return { ...t, args: t.args.map((a) => renameTerm(a, m)) };
    case 'template':
      return { ...t, parts: t.parts.map((p) => (typeof p === 'string' ? p : renameTerm(p, m))) };
    default:
      return t;
  }
}

export function renameBody(b: Body, m: ReadonlyMap<string, string>): Literal[] {
  return b.map((l) => ({
    ...l,
    expr: renameExpr(l.expr, m),
    with: l.with.map((w) => ({ ...w, value: renameTerm(w.value, m) })),
  }));
}

function renameExpr(e: Expr, m: ReadonlyMap<string, string>): Expr {
  switch (e.type) {
    case 'term':
      return { type: 'term', term: renameTerm(e.term, m) };
    case 'unify':
      return { ...e, left: renameTerm(e.left, m), right: renameTerm(e.right, m) };
    case 'some':
      return { ...e, vars: e.vars.map((v) => ({ ...v, name: m.get(v.name) ?? v.name })) };
    case 'somein':
      return { ...e, key: e.key ? renameTerm(e.key, m) : null, value: renameTerm(e.value, m), domain: renameTerm(e.domain, m) };
    case 'every':
      return { ...e, key: e.key ? renameTerm(e.key, m) : null, value: renameTerm(e.value, m), domain: renameTerm(e.domain, m), body: renameBody(e.body, m) };
    case 'group':
      return { ...e, body: renameBody(e.body, m) };
    case 'logic': {
      const [left, right] = renameBody([e.left, e.right], m) as [Literal, Literal];
      return { ...e, left, right };
    }
  }
}

/** Vars declared by a body's own literals (`some x`, `x := ...`, `some x in ...`), not nested ones. */
export function declaredIn(b: Body): Set<string> {
  const out = new Set<string>();
  const pattern = (t: Term): void => {
    if (t.type === 'var') out.add(t.name);
    else if (t.type === 'array') t.items.forEach(pattern);
    else if (t.type === 'object') for (const [, v] of t.entries) pattern(v);
  };
  for (const l of b) {
    const e = l.expr;
    if (e.type === 'some') for (const v of e.vars) out.add(v.name);
    else if (e.type === 'somein') {
      if (e.key) pattern(e.key);
      pattern(e.value);
    } else if (e.type === 'unify' && e.assign) pattern(e.left);
  }
  return out;
}
