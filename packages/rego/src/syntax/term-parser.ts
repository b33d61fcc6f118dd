/** Terms and infix expressions: scalars, refs, calls, collections, comprehensions, template strings. */
import { numberFromText } from '../value/json.js';
import { scanExpr } from './lexer.js';
import { KEYWORDS, TokenStream } from './token-stream.js';
import type { Literal, Term } from './ast.js';
import type { Token } from './lexer.js';

const RELATION_OPS: Readonly<Record<string, string>> = { '==': 'equal', '!=': 'neq', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' };
const ARITH_OPS: Readonly<Record<string, string>> = { '+': 'plus', '-': 'minus' };
const FACTOR_OPS: Readonly<Record<string, string>> = { '*': 'mul', '/': 'div', '%': 'rem' };

let wildcardCounter = 0;

export abstract class TermParser extends TokenStream {
  /** Literals up to (not including) the closing token (comprehension bodies). */
  protected abstract literals(close: string): Literal[];
  /** A parser of the same kind over another text (template expressions). */
  protected abstract sub(src: string): { templatePart(): { term: Term; scoped: boolean } };

  /** An expression that may be a key-value membership `k, v in xs` (statements and parentheses). */
  protected exprKeyIn(): Term {
    const left = this.expr();
    if (!this.isP(',')) return left;
    const save = this.pos;
    try {
      this.next();
      const v = this.termAtRelation(true);
      if (this.isKw('in')) {
        this.next();
        let t: Term = { type: 'call', name: 'internal.member_3', args: [left, v, this.termAtRelation()], loc: left.loc };
        while (this.isKw('in') && !this.tok.nl) {
          this.next();
          t = { type: 'call', name: 'internal.member_2', args: [t, this.termAtRelation()], loc: left.loc };
        }
        return t;
      }
    } catch {
      // not a membership
    }
    this.pos = save;
    return left;
  }

  protected expr(): Term {
    let left = this.termAtRelation();
    while (this.isKw('in') && !this.tok.nl) {
      this.next();
      const right = this.termAtRelation();
      left = { type: 'call', name: 'internal.member_2', args: [left, right], loc: left.loc };
    }
    return left;
  }

  protected termAtRelation(noIn = false): Term {
    void noIn;
    let left = this.termOr();
    for (;;) {
      const op = this.tok.kind === 'punct' ? RELATION_OPS[this.tok.text] : undefined;
      if (!op || this.tok.nl) return left;
      this.next();
      const right = this.termOr();
      left = { type: 'call', name: op, args: [left, right], loc: left.loc };
    }
  }

  protected termOr(): Term {
    let left = this.termAnd();
    while (this.isP('|') && !this.tok.nl) {
      this.next();
      const right = this.termAnd();
      left = { type: 'call', name: 'or', args: [left, right], loc: left.loc };
    }
    return left;
  }

  protected termAnd(): Term {
    let left = this.termArith();
    while (this.isP('&') && !this.tok.nl) {
      this.next();
      const right = this.termArith();
      left = { type: 'call', name: 'and', args: [left, right], loc: left.loc };
    }
    return left;
  }

  protected termArith(): Term {
    let left = this.termFactor();
    for (;;) {
      const op = this.tok.kind === 'punct' ? ARITH_OPS[this.tok.text] : undefined;
      if (!op || this.tok.nl) return left;
      this.next();
      const right = this.termFactor();
      left = { type: 'call', name: op, args: [left, right], loc: left.loc };
    }
  }

  protected termFactor(): Term {
    let left = this.unary();
    for (;;) {
      const op = this.tok.kind === 'punct' ? FACTOR_OPS[this.tok.text] : undefined;
      if (!op || this.tok.nl) return left;
      this.next();
      const right = this.unary();
      left = { type: 'call', name: op, args: [left, right], loc: left.loc };
    }
  }

  protected unary(): Term {
    if (this.isP('-')) {
      const t = this.next();
      const nextTok = this.tok;
      if (nextTok.kind === 'number' && nextTok.offset === t.offset + 1) {
        this.next();
        return this.refSuffix(this.numberTerm('-' + nextTok.text, t));
      }
      const operand = this.unary();
      return { type: 'call', name: 'minus', args: [{ type: 'scalar', value: 0, loc: this.loc(t) }, operand], loc: this.loc(t) };
    }
    return this.refSuffix(this.primary());
  }

  protected numberTerm(text: string, t: Token): Term {
    return { type: 'scalar', value: numberFromText(text), loc: this.loc(t) };
  }

  protected primary(): Term {
    const t = this.tok;
    const loc = this.loc(t);
    switch (t.kind) {
      case 'number':
        this.next();
        return this.numberTerm(t.text, t);
      case 'string':
        this.next();
        return { type: 'scalar', value: t.text, loc };
      case 'template':
        this.next();
        return this.template(t);
      case 'ident': {
        if (this.dotFollows(t)) {
          this.next();
          return { type: 'var', name: t.text, loc };
        }
        if (t.text === 'true' || t.text === 'false') {
          this.next();
          return { type: 'scalar', value: t.text === 'true', loc };
        }
        if (t.text === 'null') {
          this.next();
          return { type: 'scalar', value: null, loc };
        }
        if (KEYWORDS.has(t.text) && t.text !== 'contains' && t.text !== 'if') throw this.err(`unexpected ${t.text} keyword`);
        this.next();
        if (t.text === '_') return { type: 'var', name: `$_${wildcardCounter++}`, loc };
        return { type: 'var', name: t.text, loc };
      }
      case 'punct':
        if (t.text === '(') {
          this.next();
          const e = this.exprKeyIn();
          this.expectP(')');
          return e;
        }
        if (t.text === '[') return this.arrayLike();
        if (t.text === '{') return this.braceLike();
        break;
      default:
        break;
    }
    throw this.err(`unexpected ${this.describe()} token`);
  }

  protected refSuffix(head: Term): Term {
    let path: Term[] = [];
    let cur = head;
    const flush = (): Term => {
      if (path.length === 0) return cur;
      if (cur.type === 'ref') return { type: 'ref', head: cur.head, path: [...cur.path, ...path], loc: cur.loc };
      return { type: 'ref', head: cur, path, loc: cur.loc };
    };
    for (;;) {
      const t = this.tok;
      if (this.isP('.') && !t.nl) {
        const n = this.peekAt(1);
        if (n.kind !== 'ident' || n.offset !== t.offset + 1) break;
        this.next();
        this.next();
        path.push({ type: 'scalar', value: n.text, loc: this.loc(n) });
      } else if (this.isP('[') && !t.nl && t.offset === this.prevEnd()) {
        this.next();
        path.push(this.expr());
        this.expectP(']');
      } else if (this.isP('(') && !t.nl && t.offset === this.prevEnd()) {
        cur = flush();
        path = [];
        const name = callName(cur);
        if (name === null) throw this.err('invalid call target');
        this.next();
        const args = this.termList(')');
        cur = { type: 'call', name, args, loc: cur.loc };
      } else break;
    }
    return flush();
  }

  protected termList(close: string): Term[] {
    const items: Term[] = [];
    while (!this.isP(close)) {
      items.push(this.expr());
      if (this.isP(',')) {
        this.next();
        continue;
      }
      if (!this.isP(close)) throw this.err(`unexpected ${this.describe()} token: expected , or ${close}`);
    }
    this.next();
    return items;
  }

  protected arrayLike(): Term {
    const loc = this.loc();
    this.next();
    if (this.isP(']')) {
      this.next();
      return { type: 'array', items: [], loc };
    }
    const first = this.exprNoOr();
    if (this.isP('|')) {
      this.next();
      const body = this.literals(']');
      this.expectP(']');
      if (body.length === 0) throw this.err('empty comprehension body');
      return { type: 'arraycompr', term: first, body, loc };
    }
    const items = [this.continueOr(first)];
    if (this.isP(',')) {
      this.next();
      items.push(...this.termList(']'));
    } else this.expectP(']');
    return { type: 'array', items, loc };
  }

  protected braceLike(): Term {
    const loc = this.loc();
    this.next();
    if (this.isP('}')) {
      this.next();
      return { type: 'object', entries: [], loc };
    }
    const first = this.exprNoOr();
    if (this.isP(':')) {
      this.next();
      const v = this.exprNoOr();
      if (this.isP('|')) {
        this.next();
        const body = this.literals('}');
        this.expectP('}');
        return { type: 'objectcompr', key: first, value: v, body, loc };
      }
      const entries: [Term, Term][] = [[first, this.continueOr(v)]];
      while (this.isP(',')) {
        this.next();
        if (this.isP('}')) break;
        const k = this.expr();
        this.expectP(':');
        entries.push([k, this.expr()]);
      }
      this.expectP('}');
      return { type: 'object', entries, loc };
    }
    if (this.isP('|')) {
      this.next();
      const body = this.literals('}');
      this.expectP('}');
      return { type: 'setcompr', term: first, body, loc };
    }
    const items = [this.continueOr(first)];
    if (this.isP(',')) {
      this.next();
      items.push(...this.termList('}'));
    } else this.expectP('}');
    return { type: 'set', items, loc };
  }

  /** An expression that stops before `|` (comprehension heads). */
  protected exprNoOr(): Term {
    let left = this.termAnd();
    for (;;) {
      const op = this.tok.kind === 'punct' ? RELATION_OPS[this.tok.text] : undefined;
      if (!op || this.tok.nl) break;
      this.next();
      const right = this.termAnd();
      left = { type: 'call', name: op, args: [left, right], loc: left.loc };
    }
    while (this.isKw('in') && !this.tok.nl) {
      this.next();
      const right = this.termAnd();
      left = { type: 'call', name: 'internal.member_2', args: [left, right], loc: left.loc };
    }
    return left;
  }

  /** Not a comprehension after all: a `|` here would have been taken; nothing to continue. */
  protected continueOr(t: Term): Term {
    return t;
  }

  protected template(t: Token): Term {
    const loc = this.loc(t);
    const parts: (string | Term)[] = [];
    const scoped: boolean[] = [];
    const s = t.text;
    let lit = '';
    let i = 0;
    while (i < s.length) {
      const c = s[i] as string;
      if (c === '\\' && t.raw && s[i + 1] === '{') {
        lit += '{';
        i += 2;
        continue;
      }
      if (c === '\\' && !t.raw) {
        const n = s[i + 1];
        if (n === '{') {
          lit += '{';
          i += 2;
          continue;
        }
        const m = /^\\(u[0-9a-fA-F]{4}|.)/.exec(s.slice(i));
        try {
          lit += JSON.parse(`"${m ? m[0] : '\\\\'}"`) as string;
        } catch {
          throw this.err('illegal string escape', t);
        }
        i += m ? m[0].length : 1;
        continue;
      }
      if (c === '{') {
        const j = scanExpr(s, i + 1);
        if (s[j - 1] !== '}' || j > s.length) throw this.err('unterminated template expression', t);
        if (lit) parts.push(lit);
        lit = '';
        const inner = this.sub(s.slice(i + 1, j - 1));
        const part = inner.templatePart();
        if (part.scoped) scoped[parts.length] = true;
        parts.push(part.term);
        i = j;
        continue;
      }
      lit += c;
      i++;
    }
    if (lit) parts.push(lit);
    return scoped.length > 0 ? { type: 'template', parts, scoped: parts.map((_, i) => scoped[i] === true), loc } : { type: 'template', parts, loc };
  }
}

function callName(t: Term): string | null {
  if (t.type === 'var') return t.name;
  if (t.type !== 'ref' || t.head.type !== 'var') return null;
  const parts = [t.head.name];
  for (const p of t.path) {
    if (p.type !== 'scalar' || typeof p.value !== 'string') return null;
    parts.push(p.value);
  }
  return parts.join('.');
}
