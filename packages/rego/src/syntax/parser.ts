/** Rego v1 parser: tokens -> Module, with file:line:col errors. */
import { RegoError } from '../errors.js';
import { numberFromText } from '../value/json.js';
import { lex, scanExpr } from './lexer.js';
import type { Location } from '../errors.js';
import type { Body, ElseClause, Expr, Import, Literal, Module, Rule, Term, TermOf, With } from './ast.js';
import type { Comment, Token } from './lexer.js';
import { parseAnnotations } from './metadata.js';

const KEYWORDS = new Set(['package', 'import', 'default', 'else', 'not', 'with', 'as', 'some', 'in', 'every', 'contains', 'if', 'and', 'or']);

const RELATION_OPS: Readonly<Record<string, string>> = { '==': 'equal', '!=': 'neq', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' };
const ARITH_OPS: Readonly<Record<string, string>> = { '+': 'plus', '-': 'minus' };
const FACTOR_OPS: Readonly<Record<string, string>> = { '*': 'mul', '/': 'div', '%': 'rem' };

export function parseModule(src: string, file: string): Module {
  return new Parser(src, file).module();
}

/** Parses a query: literals separated by `;` or newlines. */
export function parseQuery(src: string, file = 'query'): Body {
  const p = new Parser(src, file);
  return p.query();
}

/** Parses a single term (used for input_term). */
export function parseTerm(src: string, file = 'term'): Term {
  return new Parser(src, file).singleTerm();
}

let wildcardCounter = 0;

class Parser {
  private readonly toks: Token[];
  private readonly comments: Comment[];
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly file: string,
  ) {
    const r = lex(src, file);
    this.toks = r.tokens;
    this.comments = r.comments;
  }

  // ---- token helpers
  private get tok(): Token {
    return this.toks[this.pos] as Token;
  }
  private peekAt(n: number): Token {
    return this.toks[Math.min(this.pos + n, this.toks.length - 1)] as Token;
  }
  private loc(t: Token = this.tok): Location {
    return { file: this.file, row: t.row, col: t.col };
  }
  private err(msg: string, t: Token = this.tok): RegoError {
    return new RegoError('rego_parse_error', msg, this.loc(t));
  }
  private isP(text: string, t: Token = this.tok): boolean {
    return t.kind === 'punct' && t.text === text;
  }
  private isKw(text: string, t: Token = this.tok): boolean {
    return t.kind === 'ident' && t.text === text && !this.dotFollows(t);
  }
  /** A keyword directly followed by `.ident` is a reference (`as.foo`, `false.bar`). */
  private dotFollows(t: Token): boolean {
    const i = this.toks.indexOf(t, this.pos);
    const d = this.toks[i + 1];
    const n = this.toks[i + 2];
    return d !== undefined && n !== undefined && d.kind === 'punct' && d.text === '.' && d.offset === t.offset + t.text.length && n.kind === 'ident' && n.offset === d.offset + 1;
  }
  private next(): Token {
    const t = this.tok;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }
  private expectP(text: string): Token {
    if (!this.isP(text)) throw this.err(`unexpected ${this.describe()} token: expected ${text}`);
    return this.next();
  }
  private describe(t: Token = this.tok): string {
    if (t.kind === 'eof') return 'eof';
    if (t.kind === 'ident') return KEYWORDS.has(t.text) ? `${t.text} keyword` : 'ident';
    if (t.kind === 'punct') return t.text;
    return t.kind;
  }

  // ---- module
  module(): Module {
    const startTok = this.tok;
    if (!this.isKw('package')) throw this.err(`unexpected ${this.describe()} token: expected package`);
    this.next();
    const packagePath = this.dottedPath();
    const imports: Import[] = [];
    const rules: Rule[] = [];
    while (this.isKw('import')) imports.push(this.importDecl());
    while (this.tok.kind !== 'eof') {
      if (this.isKw('import')) throw this.err('imports must come before rules');
      if (this.isKw('package')) throw this.err('unexpected package keyword');
      rules.push(...this.rule());
    }
    const annotations = parseAnnotations(this.comments, this.file, this.src, rules, startTok);
    const withAnn = rules.map((r) => {
      const a = annotations.byRow.get(r.loc.row);
      return a ? { ...r, annotations: a } : r;
    });
    return { file: this.file, packagePath, imports, rules: withAnn, annotations: annotations.list, loc: this.loc(startTok) };
  }

  private dottedPath(): string[] {
    const parts: string[] = [];
    const first = this.next();
    if (first.kind !== 'ident') throw this.err('expected identifier', first);
    parts.push(first.text);
    for (;;) {
      if (this.isP('.') && !this.tok.nl) {
        this.next();
        const t = this.next();
        if (t.kind !== 'ident') throw this.err('expected identifier', t);
        parts.push(t.text);
      } else if (this.isP('[') && !this.tok.nl) {
        this.next();
        const t = this.next();
        if (t.kind !== 'string') throw this.err('expected string', t);
        parts.push(t.text);
        this.expectP(']');
      } else break;
    }
    return parts;
  }

  private importDecl(): Import {
    const loc = this.loc();
    this.next();
    const path = this.dottedPath();
    let alias: string | null = null;
    if (this.isKw('as') && !this.tok.nl) {
      this.next();
      const t = this.next();
      if (t.kind !== 'ident') throw this.err('expected identifier', t);
      alias = t.text;
    }
    const root = path[0];
    if (root !== 'data' && root !== 'input' && root !== 'future' && root !== 'rego') throw new RegoError('rego_parse_error', `invalid import path`, loc);
    return { path, alias, loc };
  }

  private rule(): Rule[] {
    const loc = this.loc();
    const isDefault = this.isKw('default');
    if (isDefault) this.next();
    if (this.tok.kind !== 'ident' || (KEYWORDS.has(this.tok.text) && this.tok.text !== 'contains' && !this.dotFollows(this.tok))) throw this.err(`unexpected ${this.describe()} token`);
    const ref = this.headRef();
    let args: Term[] | null = null;
    if (this.isP('(') && !this.tok.nl) {
      this.next();
      args = this.termList(')');
    }
    let key: Term | null = null;
    let value: Term | null = null;
    let assign = false;
    if (this.isKw('contains') && !this.tok.nl) {
      this.next();
      key = this.expr();
    }
    if ((this.isP(':=') || this.isP('=')) && !this.tok.nl) {
      assign = this.next().text === ':=';
      value = this.expr();
    }
    if (isDefault) {
      if (!value) throw new RegoError('rego_parse_error', 'default rules must have a value', loc);
      return [this.makeRule(ref, args, null, value, [], true, assign, [], loc)];
    }
    let body: Body = [];
    let hasBody = false;
    if (this.isKw('if') && !this.tok.nl) {
      this.next();
      body = this.ruleBody();
      hasBody = true;
    } else if (this.isP('{') && !this.tok.nl) {
      body = this.block();
      hasBody = true;
    }
    const elses: ElseClause[] = [];
    while (this.isKw('else')) {
      const eloc = this.loc();
      this.next();
      let ev: Term = { type: 'scalar', value: true, loc: eloc };
      if (this.isP(':=') || this.isP('=')) {
        this.next();
        ev = this.expr();
      }
      let eb: Body = [];
      if (this.isKw('if')) {
        this.next();
        eb = this.ruleBody();
      } else if (this.isP('{')) eb = this.block();
      elses.push({ value: ev, body: eb, loc: eloc });
    }
    if (!hasBody && !value && !key && args === null && ref.length === 1) {
      throw new RegoError('rego_parse_error', `rule must have a value or a body`, loc);
    }
    const rules = [this.makeRule(ref, args, key, value ?? { type: 'scalar', value: true, loc }, body, false, assign, elses, loc)];
    // v0-style chained bodies `p { } { }` are not v1; ignore.
    return rules;
  }

  private makeRule(ref: Term[], args: Term[] | null, key: Term | null, value: Term, body: Body, isDefault: boolean, assign: boolean, elses: ElseClause[], loc: Location): Rule {
    const kind = args !== null ? 'function' : key !== null ? 'partialset' : 'complete';
    return { ref, args, key, value, body, isDefault, assign, elses, kind, loc, annotations: null };
  }

  private headRef(): Term[] {
    const first = this.next();
    const ref: Term[] = [{ type: 'var', name: first.text, loc: this.loc(first) }];
    for (;;) {
      if (this.isP('.') && !this.tok.nl) {
        this.next();
        const t = this.next();
        if (t.kind !== 'ident') throw this.err('expected identifier', t);
        ref.push({ type: 'scalar', value: t.text, loc: this.loc(t) });
      } else if (this.isP('[') && !this.tok.nl) {
        this.next();
        ref.push(this.expr());
        this.expectP(']');
      } else break;
    }
    return ref;
  }

  private ruleBody(): Body {
    if (this.isP('{')) {
      // `if {` starts a block, unless what follows only parses as an object/set term (`if {x: 1 | ...}`)
      const save = this.pos;
      try {
        return this.block();
      } catch (e) {
        this.pos = save;
        try {
          return [this.literal()];
        } catch {
          throw e;
        }
      }
    }
    return [this.literal()];
  }

  private block(): Body {
    this.expectP('{');
    const body = this.literals('}');
    this.expectP('}');
    if (body.length === 0) throw this.err('found empty body');
    return body;
  }

  /** Literals up to (not including) the closing token. */
  private literals(close: string): Literal[] {
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

  singleTerm(): Term {
    const t = this.expr();
    if (this.tok.kind !== 'eof') throw this.err(`unexpected ${this.describe()} token`);
    return t;
  }

  // ---- literals
  private literal(): Literal {
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

  private withs(): With[] {
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

  private logicOr(): Literal {
    let left = this.logicAnd();
    while (this.isKw('or') && !this.tok.nl) {
      this.next();
      const right = this.logicAnd();
      left = { expr: { type: 'logic', op: 'or', left, right }, negated: false, with: [], loc: left.loc };
    }
    return left;
  }

  private logicAnd(): Literal {
    let left = this.logicUnary();
    while (this.isKw('and') && !this.tok.nl) {
      this.next();
      const right = this.logicUnary();
      left = { expr: { type: 'logic', op: 'and', left, right }, negated: false, with: [], loc: left.loc };
    }
    return left;
  }

  private logicUnary(): Literal {
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

  private someDecl(): Expr {
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

  private asVar(t: Term): TermOf<'var'> {
    if (t.type !== 'var') throw new RegoError('rego_parse_error', 'expected var', t.loc);
    return t;
  }

  private everyExpr(): Expr {
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

  /** An expression that may be a key-value membership `k, v in xs` (statements and parentheses). */
  private exprKeyIn(): Term {
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

  private exprStatement(): Expr {
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
  private expr(): Term {
    let left = this.termAtRelation();
    while (this.isKw('in') && !this.tok.nl) {
      this.next();
      const right = this.termAtRelation();
      left = { type: 'call', name: 'internal.member_2', args: [left, right], loc: left.loc };
    }
    return left;
  }

  private termAtRelation(noIn = false): Term {
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

  private termOr(): Term {
    let left = this.termAnd();
    while (this.isP('|') && !this.tok.nl) {
      this.next();
      const right = this.termAnd();
      left = { type: 'call', name: 'or', args: [left, right], loc: left.loc };
    }
    return left;
  }

  private termAnd(): Term {
    let left = this.termArith();
    while (this.isP('&') && !this.tok.nl) {
      this.next();
      const right = this.termArith();
      left = { type: 'call', name: 'and', args: [left, right], loc: left.loc };
    }
    return left;
  }

  private termArith(): Term {
    let left = this.termFactor();
    for (;;) {
      const op = this.tok.kind === 'punct' ? ARITH_OPS[this.tok.text] : undefined;
      if (!op || this.tok.nl) return left;
      this.next();
      const right = this.termFactor();
      left = { type: 'call', name: op, args: [left, right], loc: left.loc };
    }
  }

  private termFactor(): Term {
    let left = this.unary();
    for (;;) {
      const op = this.tok.kind === 'punct' ? FACTOR_OPS[this.tok.text] : undefined;
      if (!op || this.tok.nl) return left;
      this.next();
      const right = this.unary();
      left = { type: 'call', name: op, args: [left, right], loc: left.loc };
    }
  }

  private unary(): Term {
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

  private numberTerm(text: string, t: Token): Term {
    return { type: 'scalar', value: numberFromText(text), loc: this.loc(t) };
  }

  private primary(): Term {
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

  private refSuffix(head: Term): Term {
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

  private prevEnd(): number {
    const prev = this.toks[this.pos - 1];
    if (!prev) return -1;
    // end offset of the previous token, computed from the source text
    return tokenEnd(this.src, prev);
  }

  private termList(close: string): Term[] {
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

  private arrayLike(): Term {
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

  private braceLike(): Term {
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
  private exprNoOr(): Term {
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
  private continueOr(t: Term): Term {
    return t;
  }

  private template(t: Token): Term {
    const loc = this.loc(t);
    const parts: (string | Term)[] = [];
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
        const inner = new Parser(s.slice(i + 1, j - 1), this.file);
        parts.push(inner.singleTerm());
        i = j;
        continue;
      }
      lit += c;
      i++;
    }
    if (lit) parts.push(lit);
    return { type: 'template', parts, loc };
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

function tokenEnd(src: string, t: Token): number {
  switch (t.kind) {
    case 'ident':
    case 'number':
    case 'punct':
      return t.offset + t.text.length;
    default: {
      // strings: scan to the closing quote
      const q = src[t.offset] === '$' ? src[t.offset + 1] : src[t.offset];
      let j = t.offset + (src[t.offset] === '$' ? 2 : 1);
      while (j < src.length && src[j] !== q) {
        if (q === '"' && src[j] === '\\') j++;
        j++;
      }
      return j + 1;
    }
  }
}
