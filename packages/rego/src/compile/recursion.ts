/** Recursion detection: a rule that depends on itself (directly or through other rules) is a compile error. */
import { RegoError } from '../errors.js';
import type { Body, Literal, Term } from '../syntax/ast.js';
import type { CompiledRule, DocNode } from './compiler.js';

export function checkRecursion(root: DocNode): void {
  const nodes: DocNode[] = [];
  const stack: DocNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as DocNode;
    if (n.rules.length > 0) nodes.push(n);
    stack.push(...n.children.values());
  }
  const deps = new Map<DocNode, Set<DocNode>>();
  for (const n of nodes) {
    const out = new Set<DocNode>();
    for (const cr of n.rules) for (const path of refsOf(cr)) for (const d of resolve(root, path)) out.add(d);
    deps.set(n, out);
  }
  const state = new Map<DocNode, 1 | 2>();
  const trail: DocNode[] = [];
  const visit = (n: DocNode): void => {
    state.set(n, 1);
    trail.push(n);
    for (const d of deps.get(n) ?? []) {
      const s = state.get(d);
      if (s === 1) {
        const cycle = [...trail.slice(trail.indexOf(d)), d].map((x) => 'data.' + x.path.join('.'));
        const r = d.rules[0] as CompiledRule;
        throw new RegoError('rego_recursion_error', `rule ${cycle[0] ?? ''} is recursive: ${cycle.join(' -> ')}`, r.rule.loc);
      }
      if (s === undefined) visit(d);
    }
    trail.pop();
    state.set(n, 2);
  };
  for (const n of nodes) if (!state.has(n)) visit(n);
}

/** Nodes holding rules that a reference with this ground prefix may read. */
function resolve(root: DocNode, path: readonly string[]): DocNode[] {
  const out: DocNode[] = [];
  let n: DocNode | undefined = root;
  for (const p of path) {
    n = n.children.get(p);
    if (!n) return out;
    if (n.rules.length > 0) out.push(n);
  }
  const stack = [...n.children.values()];
  while (stack.length > 0) {
    const c = stack.pop() as DocNode;
    if (c.rules.length > 0) out.push(c);
    stack.push(...c.children.values());
  }
  return out;
}

function refsOf(cr: CompiledRule): string[][] {
  const out: string[][] = [];
  const term = (t: Term): void => {
    switch (t.type) {
      case 'ref': {
        if (t.head.type === 'var' && t.head.name === 'data') {
          const path: string[] = [];
          for (const p of t.path) {
            if (p.type === 'scalar' && typeof p.value === 'string') path.push(p.value);
            else break;
          }
          // a fully dynamic `data[x]` is not followed (as OPA, which does not report it)
          if (path.length > 0) out.push(path);
        } else term(t.head);
        t.path.forEach(term);
        return;
      }
      case 'var':
        return;
      case 'array':
      case 'set':
        t.items.forEach(term);
        return;
      case 'object':
        for (const [k, v] of t.entries) {
          term(k);
          term(v);
        }
        return;
      case 'arraycompr':
      case 'setcompr':
        term(t.term);
        body(t.body);
        return;
      case 'objectcompr':
        term(t.key);
        term(t.value);
        body(t.body);
        return;
      case 'call':
        if (t.name.startsWith('data.')) out.push(t.name.split('.').slice(1));
        t.args.forEach(term);
        return;
      case 'template':
        for (const p of t.parts) if (typeof p !== 'string') term(p);
        return;
      default:
        return;
    }
  };
  const literal = (l: Literal): void => {
    const e = l.expr;
    switch (e.type) {
      case 'term':
        term(e.term);
        break;
      case 'unify':
        term(e.left);
        term(e.right);
        break;
      case 'somein':
        term(e.domain);
        break;
      case 'every':
        term(e.domain);
        body(e.body);
        break;
      case 'group':
        body(e.body);
        break;
      case 'logic':
        literal(e.left);
        literal(e.right);
        break;
      default:
        break;
    }
    for (const w of l.with) term(w.value);
  };
  const body = (b: Body): void => b.forEach(literal);
  const r = cr.rule;
  body(r.body);
  term(r.value);
  if (r.key) term(r.key);
  for (const e of r.elses) {
    body(e.body);
    term(e.value);
  }
  return out;
}
