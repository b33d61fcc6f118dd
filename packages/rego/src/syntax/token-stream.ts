/** The token stream under the parser: position, lookahead, keyword tests and errors with file:line:col. */
import { RegoError } from '../errors.js';
import { lex } from './lexer.js';
import type { Location } from '../errors.js';
import type { Comment, Token } from './lexer.js';

export const KEYWORDS = new Set(['package', 'import', 'default', 'else', 'not', 'with', 'as', 'some', 'in', 'every', 'contains', 'if', 'and', 'or']);

export class TokenStream {
  protected readonly toks: Token[];
  protected readonly comments: Comment[];
  protected pos = 0;
  constructor(
    protected readonly src: string,
    protected readonly file: string,
  ) {
    const r = lex(src, file);
    this.toks = r.tokens;
    this.comments = r.comments;
  }

  protected get tok(): Token {
    return this.toks[this.pos] as Token;
  }
  protected peekAt(n: number): Token {
    return this.toks[Math.min(this.pos + n, this.toks.length - 1)] as Token;
  }
  protected loc(t: Token = this.tok): Location {
    return { file: this.file, row: t.row, col: t.col };
  }
  protected err(msg: string, t: Token = this.tok): RegoError {
    return new RegoError('rego_parse_error', msg, this.loc(t));
  }
  protected isP(text: string, t: Token = this.tok): boolean {
    return t.kind === 'punct' && t.text === text;
  }
  protected isKw(text: string, t: Token = this.tok): boolean {
    return t.kind === 'ident' && t.text === text && !this.dotFollows(t);
  }
  /** A keyword directly followed by `.ident` is a reference (`as.foo`, `false.bar`). */
  protected dotFollows(t: Token): boolean {
    const i = this.toks.indexOf(t, this.pos);
    const d = this.toks[i + 1];
    const n = this.toks[i + 2];
    return d !== undefined && n !== undefined && d.kind === 'punct' && d.text === '.' && d.offset === t.offset + t.text.length && n.kind === 'ident' && n.offset === d.offset + 1;
  }
  protected next(): Token {
    const t = this.tok;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }
  protected expectP(text: string): Token {
    if (!this.isP(text)) throw this.err(`unexpected ${this.describe()} token: expected ${text}`);
    return this.next();
  }
  protected describe(t: Token = this.tok): string {
    if (t.kind === 'eof') return 'eof';
    if (t.kind === 'ident') return KEYWORDS.has(t.text) ? `${t.text} keyword` : 'ident';
    if (t.kind === 'punct') return t.text;
    return t.kind;
  }

  // ---- module

  protected prevEnd(): number {
    const prev = this.toks[this.pos - 1];
    if (!prev) return -1;
    return tokenEnd(this.src, prev);
  }
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
