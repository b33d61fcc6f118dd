/** Rego v1 parser: tokens -> Module, with file:line:col errors. */
import { RegoError } from '../errors.js';
import { BodyParser } from './body-parser.js';
import { KEYWORDS } from './token-stream.js';
import { parseAnnotations } from './metadata.js';
import type { Location } from '../errors.js';
import type { Body, ElseClause, Import, Module, Rule, Term } from './ast.js';

export function parseModule(src: string, file: string): Module {
  return new Parser(src, file).module();
}

/** Parses a query: literals separated by `;` or newlines. */
export function parseQuery(src: string, file = 'query'): Body {
  return new Parser(src, file).query();
}

/** Parses a single term (used for input_term). */
export function parseTerm(src: string, file = 'term'): Term {
  return new Parser(src, file).singleTerm();
}

class Parser extends BodyParser {
  protected sub(src: string): Parser {
    return new Parser(src, this.file);
  }

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

  protected dottedPath(): string[] {
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

  protected importDecl(): Import {
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

  protected rule(): Rule[] {
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

  protected makeRule(ref: Term[], args: Term[] | null, key: Term | null, value: Term, body: Body, isDefault: boolean, assign: boolean, elses: ElseClause[], loc: Location): Rule {
    const kind = args !== null ? 'function' : key !== null ? 'partialset' : 'complete';
    return { ref, args, key, value, body, isDefault, assign, elses, kind, loc, annotations: null };
  }

  protected headRef(): Term[] {
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

  protected ruleBody(): Body {
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
}
