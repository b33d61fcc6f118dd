/** Variable analysis over terms and literals (for safety ordering). */
import type { Body, Literal, Term } from '../syntax/ast.js';

/** Vars that must be bound before the term can be evaluated (ref heads, composite items, call args). */
export function inputVars(t: Term, out: Set<string>, locals?: ReadonlySet<string>): void {
  switch (t.type) {
    case 'var':
      out.add(t.name);
      return;
    case 'ref':
      inputVars(t.head, out, locals);
      for (const p of t.path) if (p.type !== 'var' && p.type !== 'array' && p.type !== 'object') inputVars(p, out, locals);
      else if (p.type !== 'var') refPatternInputs(p, out);
      return;
    case 'array':
    case 'set':
      for (const x of t.items) inputVars(x, out, locals);
      return;
    case 'object':
      for (const [k, v] of t.entries) {
        inputVars(k, out, locals);
        inputVars(v, out, locals);
      }
      return;
    case 'call':
      for (const a of t.args) inputVars(a, out, locals);
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') inputVars(p, out, locals);
      return;
    case 'arraycompr':
    case 'setcompr':
    case 'objectcompr':
      // closure vars are handled by the caller (comprehension vars shared with the enclosing body)
      return;
    default:
      return;
  }
}

function refPatternInputs(t: Term, out: Set<string>): void {
  // vars inside a pattern used as a ref key are outputs; refs nested in it are inputs
  if (t.type === 'ref' || t.type === 'call') inputVars(t, out);
  if (t.type === 'array') for (const x of t.items) refPatternInputs(x, out);
  if (t.type === 'object') for (const [, v] of t.entries) refPatternInputs(v, out);
}

/** Every var occurring in a term, comprehensions included. */
export function allVars(t: Term, out: Set<string>): void {
  switch (t.type) {
    case 'var':
      out.add(t.name);
      return;
    case 'ref':
      allVars(t.head, out);
      for (const p of t.path) allVars(p, out);
      return;
    case 'array':
    case 'set':
      for (const x of t.items) allVars(x, out);
      return;
    case 'object':
      for (const [k, v] of t.entries) {
        allVars(k, out);
        allVars(v, out);
      }
      return;
    case 'call':
      for (const a of t.args) allVars(a, out);
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') allVars(p, out);
      return;
    case 'arraycompr':
    case 'setcompr':
      allVars(t.term, out);
      bodyVars(t.body, out);
      return;
    case 'objectcompr':
      allVars(t.key, out);
      allVars(t.value, out);
      bodyVars(t.body, out);
      return;
    default:
      return;
  }
}

export function bodyVars(body: Body, out: Set<string>): void {
  for (const l of body) literalVars(l, out);
}

export function literalVars(l: Literal, out: Set<string>): void {
  const e = l.expr;
  switch (e.type) {
    case 'term':
      allVars(e.term, out);
      break;
    case 'unify':
      allVars(e.left, out);
      allVars(e.right, out);
      break;
    case 'some':
      for (const v of e.vars) out.add(v.name);
      break;
    case 'somein':
      if (e.key) allVars(e.key, out);
      allVars(e.value, out);
      allVars(e.domain, out);
      break;
    case 'every':
      if (e.key) allVars(e.key, out);
      allVars(e.value, out);
      allVars(e.domain, out);
      bodyVars(e.body, out);
      break;
    case 'group':
      bodyVars(e.body, out);
      break;
    case 'logic':
      literalVars(e.left, out);
      literalVars(e.right, out);
      break;
  }
  for (const w of l.with) {
    allVars(w.target, out);
    allVars(w.value, out);
  }
}

/** Vars of the top level of a term, not inside comprehensions. */
export function topVars(t: Term, out: Set<string>): void {
  switch (t.type) {
    case 'arraycompr':
    case 'setcompr':
    case 'objectcompr':
      return;
    case 'var':
      out.add(t.name);
      return;
    case 'ref':
      topVars(t.head, out);
      for (const p of t.path) topVars(p, out);
      return;
    case 'array':
    case 'set':
      for (const x of t.items) topVars(x, out);
      return;
    case 'object':
      for (const [k, v] of t.entries) {
        topVars(k, out);
        topVars(v, out);
      }
      return;
    case 'call':
      for (const a of t.args) topVars(a, out);
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') topVars(p, out);
      return;
    default:
      return;
  }
}

/** Comprehensions nested in a term (not inside other comprehensions). */
export function comprehensions(t: Term, out: Term[]): void {
  switch (t.type) {
    case 'arraycompr':
    case 'setcompr':
    case 'objectcompr':
      out.push(t);
      return;
    case 'ref':
      comprehensions(t.head, out);
      for (const p of t.path) comprehensions(p, out);
      return;
    case 'array':
    case 'set':
      for (const x of t.items) comprehensions(x, out);
      return;
    case 'object':
      for (const [k, v] of t.entries) {
        comprehensions(k, out);
        comprehensions(v, out);
      }
      return;
    case 'call':
      for (const a of t.args) comprehensions(a, out);
      return;
    case 'template':
      for (const p of t.parts) if (typeof p !== 'string') comprehensions(p, out);
      return;
    default:
      return;
  }
}
