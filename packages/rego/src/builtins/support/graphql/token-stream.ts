/** A cursor over GraphQL tokens with gqlparser's expectation helpers and error messages. */
import { describe, GraphqlError, tokenize } from './lexer.js';
import type { Token } from './lexer.js';

export class TokenStream {
  protected i = 0;
  protected readonly toks: Token[];
  constructor(src: string) {
    this.toks = tokenize(src);
  }

  protected peek(): Token {
    return this.toks[Math.min(this.i, this.toks.length - 1)] as Token;
  }
  protected next(): Token {
    const t = this.peek();
    if (this.i < this.toks.length) this.i++;
    return t;
  }
  protected fail(t: Token, message: string): GraphqlError {
    return new GraphqlError(message, t.line, t.col);
  }
  unexpected(t: Token = this.peek()): GraphqlError {
    return this.fail(t, `Unexpected ${describe(t)}`);
  }
  protected is(p: string): boolean {
    const t = this.peek();
    return t.kind === 'Punct' && t.value === p;
  }
  protected isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === 'Name' && t.value === word;
  }
  protected skip(p: string): boolean {
    if (!this.is(p)) return false;
    this.next();
    return true;
  }
  protected expect(p: string): Token {
    const t = this.peek();
    if (t.kind === 'Invalid') throw this.unexpected(t);
    if (!(t.kind === 'Punct' && t.value === p)) throw this.fail(t, `Expected ${p}, found ${describe(t)}`);
    return this.next();
  }
  protected expectKeyword(word: string): void {
    const t = this.peek();
    if (t.kind === 'Invalid') throw this.unexpected(t);
    if (!(t.kind === 'Name' && t.value === word)) throw this.fail(t, `Expected "${word}", found ${describe(t)}`);
    this.next();
  }
  name(): string {
    const t = this.peek();
    if (t.kind === 'Invalid') throw this.unexpected(t);
    if (t.kind !== 'Name') throw this.fail(t, `Expected Name, found ${describe(t)}`);
    return this.next().value;
  }
  /** `open item* close` (zero or more). */
  protected many<T>(open: string, close: string, item: () => T): T[] {
    this.expect(open);
    const out: T[] = [];
    while (!this.skip(close)) out.push(item());
    return out;
  }
  /** `open item+ close`. */
  protected some<T>(open: string, close: string, item: () => T): T[] {
    this.expect(open);
    if (this.is(close)) throw this.fail(this.peek(), `expected at least one definition, found ${describe(this.peek())}`);
    const out: T[] = [];
    while (!this.skip(close)) out.push(item());
    return out;
  }
}
