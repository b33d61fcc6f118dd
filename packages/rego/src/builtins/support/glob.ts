/**
 * Glob patterns with OPA's semantics (the gobwas/glob syntax): `*` any run of non-separator characters,
 * `**` any run at all, `?` one non-separator character, `[abc]`, `[a-z]`, `[!...]`, `{alt1,alt2}`, `\` escapes.
 */
export class GlobSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GlobSyntaxError';
  }
}

const SPECIALS = new Set([...'*?\\[]{},!-']);

function reLiteral(c: string): string {
  return /^[A-Za-z0-9_]$/.test(c) ? c : `\\u{${(c.codePointAt(0) as number).toString(16)}}`;
}

class GlobTranslator {
  private i = 0;
  private readonly cps: string[];
  constructor(
    pattern: string,
    private readonly notSep: string,
  ) {
    this.cps = Array.from(pattern);
  }

  run(): string {
    const out = this.seq(0);
    if (this.i < this.cps.length) throw new GlobSyntaxError(`unexpected '${this.cps[this.i]}'`);
    return out;
  }

  private seq(depth: number): string {
    let out = '';
    while (this.i < this.cps.length) {
      const c = this.cps[this.i] as string;
      if (depth > 0 && (c === ',' || c === '}')) return out;
      this.i++;
      switch (c) {
        case '\\': {
          const n = this.cps[this.i++];
          if (n === undefined) throw new GlobSyntaxError('unexpected end of input after escape');
          out += reLiteral(n);
          break;
        }
        case '*':
          if (this.cps[this.i] === '*') {
            this.i++;
            out += '[\\s\\S]*';
          } else out += `${this.notSep}*`;
          break;
        case '?':
          out += this.notSep;
          break;
        case '[':
          out += this.range();
          break;
        case '{': {
          const alts: string[] = [this.seq(depth + 1)];
          while (this.cps[this.i] === ',') {
            this.i++;
            alts.push(this.seq(depth + 1));
          }
          if (this.cps[this.i] !== '}') throw new GlobSyntaxError('unexpected end of input: unclosed {');
          this.i++;
          out += `(?:${alts.join('|')})`;
          break;
        }
        default:
          out += reLiteral(c);
      }
    }
    return out;
  }

  private range(): string {
    let neg = false;
    if (this.cps[this.i] === '!') {
      neg = true;
      this.i++;
    }
    let body = '';
    for (;;) {
      const c = this.cps[this.i++];
      if (c === undefined) throw new GlobSyntaxError('unexpected end of input: unclosed [');
      if (c === ']') break;
      if (c === '\\') {
        const n = this.cps[this.i++];
        if (n === undefined) throw new GlobSyntaxError('unexpected end of input after escape');
        body += reLiteral(n);
      } else if (c === '-' && body !== '' && this.cps[this.i] !== ']') body += '-';
      else body += reLiteral(c);
    }
    if (body === '') throw new GlobSyntaxError('empty range');
    return `[${neg ? '^' : ''}${body}]`;
  }
}

const CACHE = new Map<string, RegExp>();

/** Compiles a glob with the given separator characters (cached). */
export function compileGlob(pattern: string, separators: readonly string[]): RegExp {
  const key = JSON.stringify([pattern, separators]);
  const hit = CACHE.get(key);
  if (hit) return hit;
  const notSep = separators.length === 0 ? '[\\s\\S]' : `[^${separators.map(reLiteral).join('')}]`;
  const re = new RegExp(`^(?:${new GlobTranslator(pattern, notSep).run()})$`, 'u');
  if (CACHE.size > 500) CACHE.clear();
  CACHE.set(key, re);
  return re;
}

/** Escapes glob metacharacters. */
export function quoteGlobMeta(s: string): string {
  return Array.from(s, (c) => (SPECIALS.has(c) ? '\\' + c : c)).join('');
}
