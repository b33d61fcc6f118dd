/** Bodies and literals: some, every, not, with, `:=`/`=`, membership, and the experimental `and`/`or`. */
import { RegoError } from '../errors.js';
import { TermParser } from './term-parser.js';
import type { Body, Expr, Literal, Term, TermOf, With } from './ast.js';
import type { Token } from './lexer.js';

export abstract class BodyParser extends TermParser {
  protected block(): Body {
    this.expectP('{');
    const body = this.literals('}');
    this.expectP('}');
    if (body.length === 0) throw this.err('found empty body');
    return body;
  }

  /** Literals up to (not including) the closing token. */
  protected literals(close: string): Literal[] {
    const body: Literal[] = [];
    while (!this.isP(close)) {
      if (this.tok.kind === 'eof') throw this.err(`unexpected eof token: expected ${close}`);
      body.push(this.literal());
      if (this.isP(';')) {
        this.next();
        continue;
      }
      if (this.isP(close)) break;
      if (!this.tok.nl) throw this.err(`unexpected ${this.describe()} token: expected \\n or ; or ${close}`);
    }
    return body;
  }

  query(): Body {
    const body: Literal[] = [];
    while (this.tok.kind !== 'eof') {
      body.push(this.literal());
      if (this.isP(';')) {
        this.next();
        continue;
      }
      const cur: Token = this.tok;
      if (cur.kind !== 'eof' && !cur.nl) throw this.err(`unexpected ${this.describe()} token`);
    }
    if (body.length === 0) throw this.err('empty query');
    return body;
  }

  /** A template expression: a term, optionally with `with` modifiers (`{a with input as x}`). */
  templatePart(): { term: Term; scoped: boolean } {
    const loc = this.loc();
    const term = this.expr();
    const withs = this.withs();
    if (this.tok.kind !== 'eof') throw this.err(`unexpected ${this.describe()} token`);
    if (withs.length === 0) return { term, scoped: false };
    const v: Term = { type: 'var', name: `$tpl${this.pos}_${loc.row}_${loc.col}`, loc };
    const body = [{ expr: { type: 'unify' as const, left: v, right: term, assign: false }, negated: false, with: withs, loc }];
    return { term: { type: 'arraycompr', term: v, body, loc }, scoped: true };
  }

  singleTerm(): Term {
    const t = this.expr();
    if (this.tok.kind !== 'eof') throw this.err(`unexpected ${this.describe()} token`);
    return t;
  }

  // ---- literals
  protected literal(): Literal {
    const loc = this.loc();
    let negated = false;
    let expr: Expr;
    if (this.isKw('some')) {
      this.next();
      expr = this.someDecl();
    } else if (this.isKw('every')) {
      this.next();
      expr = this.everyExpr();
    } else {
      const lit = this.logicOr();
      expr = lit.expr;
      negated = lit.negated;
      if (lit.with.length > 0) {
        expr = { type: 'group', body: [lit] };
        negated = false;
      }
    }
    return { expr, negated, with: this.withs(), loc };
  }

  protected withs(): With[] {
    const withs: With[] = [];
    while (this.isKw('with')) {
      const wl = this.loc();
      this.next();
      const target = this.termAtRelation();
      if (!this.isKw('as')) throw this.err(`unexpected ${this.describe()} token: expected as`);
      this.next();
      const value = this.termAtRelation();
      withs.push({ target, value, loc: wl });
    }
    return withs;
  }

  protected logicOr(): Literal {
    let left = this.logicAnd();
    while (this.isKw('or') && !this.tok.nl) {
      this.next();
      const right = this.logicAnd();
      left = { expr: { type: 'logic', op: 'or', left, right }, negated: false, with: [], loc: left.loc };
    }
    return left;
  }

  protected logicAnd(): Literal {
    let left = this.logicUnary();
    while (this.isKw('and') && !this.tok.nl) {
      this.next();
      const right = this.logicUnary();
      left = { expr: { type: 'logic', op: 'and', left, right }, negated: false, with: [], loc: left.loc };
    }
    return left;
  }

  protected logicUnary(): Literal {
    const loc = this.loc();
    if (this.isKw('not')) {
      this.next();
      const inner = this.logicUnary();
      if (inner.negated || inner.with.length > 0) return { expr: { type: 'group', body: [inner] }, negated: true, with: [], loc };
      return { ...inner, negated: true, loc };
    }
    const endsOperand = (): boolean => {
      const t = this.tok;
      return t.kind === 'eof' || t.nl || this.isKw('and') || this.isKw('or') || this.isKw('with') || this.isP(';') || this.isP('}') || this.isP(')') || this.isP(']');
    };
    if (this.isP('{')) {
      const save = this.pos;
      try {
        this.next();
        const body = this.literals('}');
        this.expectP('}');
        if (body.length > 0 && endsOperand()) return { expr: { type: 'group', body }, negated: false, with: [], loc };
      } catch {
        // not a group: an object or set term
      }
      this.pos = save;
    }
    if (this.isP('(')) {
      const save = this.pos;
      try {
        const e = this.exprStatement();
        if (endsOperand()) return { expr: e, negated: false, with: [], loc };
      } catch {
        // not a term: a parenthesised logic expression
      }
      this.pos = save;
      this.next();
      const inner = this.logicOr();
      const withs = this.withs();
      this.expectP(')');
      if (withs.length === 0) return inner;
      return { expr: { type: 'group', body: [{ ...inner, with: [...inner.with, ...withs] }] }, negated: false, with: [], loc };
    }
    return { expr: this.exprStatement(), negated: false, with: [], loc };
  }

  protected someDecl(): Expr {
    const first = this.termAtRelation(true);
    if (this.isP(',')) {
      const items: Term[] = [first];
      while (this.isP(',')) {
        this.next();
        items.push(this.termAtRelation(true));
      }
      if (this.isKw('in')) {
        if (items.length !== 2) throw this.err('unexpected in keyword');
        this.next();
        const domain = this.termAtRelation();
        return { type: 'somein', key: items[0] as Term, value: items[1] as Term, domain };
      }
      return { type: 'some', vars: items.map((t) => this.asVar(t)) };
    }
    if (this.isKw('in')) {
      this.next();
      const domain = this.termAtRelation();
      return { type: 'somein', key: null, value: first, domain };
    }
    return { type: 'some', vars: [this.asVar(first)] };
  }

  protected asVar(t: Term): TermOf<'var'> {
    if (t.type !== 'var') throw new RegoError('rego_parse_error', 'expected var', t.loc);
    return t;
  }

  protected everyExpr(): Expr {
    const first = this.termAtRelation(true);
    let key: Term | null = null;
    let value = first;
    if (this.isP(',')) {
      this.next();
      key = first;
      value = this.termAtRelation(true);
    }
    if (!this.isKw('in')) throw this.err(`unexpected ${this.describe()} token: expected in`);
    this.next();
    const domain = this.termAtRelation();
    const body = this.block();
    return { type: 'every', key, value, domain, body };
  }

  protected exprStatement(): Expr {
    const left = this.exprKeyIn();
    if (this.isP('=') || this.isP(':=')) {
      const assign = this.next().text === ':=';
      const right = this.expr();
      return { type: 'unify', left, right, assign };
    }
    return { type: 'term', term: left };
  }

  // ---- expressions (terms with infix operators)
  /** A full expression term: membership and below. */
}
