/**
 * RE2 syntax (Go's regexp) translated to JavaScript `u` regular expressions. RE2 has no backreferences or
 * lookaround, `\s` is ASCII, `.` excludes only `\n`, `\A`/`\z` anchor the text, `\Q..\E` quotes, POSIX classes
 * work inside brackets, and a `{` that is not a repetition is a literal.
 */
export class Re2SyntaxError extends Error {
  constructor(message: string) {
    super(`error parsing regexp: ${message}`);
    this.name = 'Re2SyntaxError';
  }
}

const SYNTAX = new Set([...'^$\\.*+?()[]{}|/']);
const POSIX: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`\\{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};
const CATEGORIES = new Set(['C', 'Cc', 'Cf', 'Co', 'Cs', 'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk', 'Sm', 'So', 'Z', 'Zl', 'Zp', 'Zs']);

const hex = (cp: number): string => `\\u{${cp.toString(16)}}`;

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
}

class Translator {
  private i = 0;
  private out = '';
  private readonly flags: Flags = { i: false, m: false, s: false };
  private readonly cps: string[];
  private depth = 0;
  constructor(private readonly src: string) {
    this.cps = Array.from(src);
  }

  run(): RegExp {
    while (this.i < this.cps.length) this.atom();
    if (this.depth > 0) throw new Re2SyntaxError(`missing closing ): \`${this.src}\``);
    const f = 'u' + (this.flags.i ? 'i' : '') + (this.flags.m ? 'm' : '');
    try {
      return new RegExp(this.out, f);
    } catch (e) {
      throw new Re2SyntaxError(`${(e as Error).message.replace(/^Invalid regular expression: /, '')}: \`${this.src}\``);
    }
  }

  private peek(k = 0): string | undefined {
    return this.cps[this.i + k];
  }

  private atom(): void {
    const c = this.cps[this.i++] as string;
    switch (c) {
      case '\\':
        this.out += this.escape(false);
        return;
      case '(':
        this.group();
        return;
      case ')':
        if (this.depth === 0) throw new Re2SyntaxError(`unexpected ): \`${this.src}\``);
        this.depth--;
        this.out += ')';
        return;
      case '.':
        this.out += this.flags.s ? '[\\s\\S]' : '[^\\n]';
        return;
      case '[':
        this.klass();
        return;
      case '{': {
        const m = /^(\d+)(,(\d*))?\}/.exec(this.cps.slice(this.i, this.i + 16).join(''));
        if (!m) {
          this.out += '\\{';
          return;
        }
        const min = Number(m[1]);
        const max = m[3] === undefined || m[3] === '' ? min : Number(m[3]);
        if (min > 1000 || max > 1000 || (m[3] !== undefined && m[3] !== '' && max < min)) throw new Re2SyntaxError(`invalid repeat count: \`{${m[0]}\``);
        this.out += '{' + m[0];
        this.i += m[0].length;
        return;
      }
      case '}':
        this.out += '\\}';
        return;
      case '*':
      case '+':
      case '?': {
        this.out += c;
        const n = this.peek();
        if (n === '?') {
          this.out += '?';
          this.i++;
        } else if (n === '*' || n === '+') throw new Re2SyntaxError(`invalid nested repetition operator: \`${c}${n}\``);
        return;
      }
      default:
        this.out += c;
    }
  }

  private group(): void {
    if (this.peek() !== '?') {
      this.depth++;
      this.out += '(';
      return;
    }
    const rest = this.cps.slice(this.i + 1, this.i + 64).join('');
    const named = /^P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
    if (named) {
      this.i += 1 + named[0].length;
      this.depth++;
      this.out += `(?<${named[1]}>`;
      return;
    }
    const flags = /^([imsU]*)(-[imsU]*)?([:)])/.exec(rest);
    if (!flags || (flags[1] === '' && flags[2] === undefined && flags[3] === ')')) throw new Re2SyntaxError(`invalid or unsupported Perl syntax: \`(?${rest.slice(0, 1)}\``);
    this.i += 1 + flags[0].length;
    for (const f of flags[1] ?? '') if (f === 'i' || f === 'm' || f === 's') this.flags[f] = true;
    if (flags[3] === ':') {
      this.depth++;
      this.out += '(?:';
    }
  }

  private escape(inClass: boolean): string {
    const c = this.cps[this.i++];
    if (c === undefined) throw new Re2SyntaxError('trailing backslash at end of expression: ``');
    switch (c) {
      case 'A':
        if (inClass) break;
        return '(?<![\\s\\S])';
      case 'z':
        if (inClass) break;
        return '(?![\\s\\S])';
      case 'b':
      case 'B':
        if (inClass) break;
        return '\\' + c;
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 'n':
      case 't':
      case 'r':
      case 'f':
      case 'v':
        return '\\' + c;
      case 'a':
        return '\\x07';
      case 's':
        return inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
      case 'S':
        if (inClass) throw new Re2SyntaxError('invalid character class range: `\\S`');
        return '[^\\t\\n\\f\\r ]';
      case 'Q': {
        let lit = '';
        while (this.i < this.cps.length && !(this.cps[this.i] === '\\' && this.cps[this.i + 1] === 'E')) lit += this.literal(this.cps[this.i++] as string);
        if (this.i < this.cps.length) this.i += 2;
        return lit;
      }
      case 'x': {
        if (this.peek() === '{') {
          const end = this.cps.indexOf('}', this.i);
          const digits = this.cps.slice(this.i + 1, end).join('');
          if (end < 0 || !/^[0-9A-Fa-f]+$/.test(digits) || parseInt(digits, 16) > 0x10ffff) throw new Re2SyntaxError('invalid escape sequence: `\\x{`');
          this.i = end + 1;
          return hex(parseInt(digits, 16));
        }
        const digits = this.cps.slice(this.i, this.i + 2).join('');
        if (!/^[0-9A-Fa-f]{2}$/.test(digits)) throw new Re2SyntaxError('invalid escape sequence: `\\x`');
        this.i += 2;
        return hex(parseInt(digits, 16));
      }
      case 'p':
      case 'P':
        return this.unicodeClass(c, inClass);
      case '0': {
        const m = /^[0-7]{0,2}/.exec(this.cps.slice(this.i, this.i + 2).join('')) as RegExpExecArray;
        this.i += m[0].length;
        return hex(parseInt('0' + m[0], 8));
      }
      default:
        break;
    }
    if (/^[1-7]$/.test(c) && /^[0-7]{2}$/.test(this.cps.slice(this.i, this.i + 2).join(''))) {
      const d = c + this.cps.slice(this.i, this.i + 2).join('');
      this.i += 2;
      return hex(parseInt(d, 8));
    }
    if (/^[\p{L}\p{N}]$/u.test(c)) throw new Re2SyntaxError(`invalid escape sequence: \`\\${c}\``);
    return this.literal(c);
  }

  private literal(c: string): string {
    if (/^[A-Za-z0-9_ ]$/.test(c)) return c;
    if (SYNTAX.has(c) || c === '-') return '\\' + c;
    return hex(c.codePointAt(0) as number);
  }

  private unicodeClass(c: string, inClass: boolean): string {
    let name: string;
    if (this.peek() === '{') {
      const end = this.cps.indexOf('}', this.i);
      if (end < 0) throw new Re2SyntaxError('invalid character class range: `\\p{`');
      name = this.cps.slice(this.i + 1, end).join('');
      this.i = end + 1;
    } else name = this.cps[this.i++] ?? '';
    let neg = c === 'P';
    if (name.startsWith('^')) {
      neg = !neg;
      name = name.slice(1);
    }
    if (name === 'Any') return inClass ? (neg ? '' : '\\s\\S') : neg ? '[^\\s\\S]' : '[\\s\\S]';
    const prop = CATEGORIES.has(name) ? name : `Script=${name}`;
    try {
      new RegExp(`\\p{${prop}}`, 'u');
    } catch {
      throw new Re2SyntaxError(`invalid character class range: \`\\p{${name}}\``);
    }
    return `\\${neg ? 'P' : 'p'}{${prop}}`;
  }

  private klass(): void {
    let body = '';
    if (this.peek() === '^') {
      body += '^';
      this.i++;
    }
    let first = true;
    for (;;) {
      const c = this.cps[this.i++];
      if (c === undefined) throw new Re2SyntaxError(`missing closing ]: \`${this.src}\``);
      if (c === ']' && !first) break;
      first = false;
      if (c === '[' && this.peek() === ':') {
        const end = this.cps.indexOf(']', this.i);
        const m = /^:(\^?)([a-z]+):$/.exec(this.cps.slice(this.i, end).join(''));
        const range = m ? POSIX[m[2] as string] : undefined;
        if (m && range !== undefined && m[1] === '') {
          body += range;
          this.i = end + 1;
          continue;
        }
        if (m) throw new Re2SyntaxError(`invalid character class range: \`[${m[0]}]\``);
      }
      if (c === '\\') body += this.escape(true);
      else if (c === '-' || c === '^') body += c === '^' ? '\\^' : '-';
      else body += this.literal(c);
    }
    this.out += `[${body}]`;
  }
}

const CACHE = new Map<string, RegExp>();

/** A compiled RE2 pattern as a JS `u` regex (cached); throws Re2SyntaxError. */
export function compileRe2(pattern: string): RegExp {
  const hit = CACHE.get(pattern);
  if (hit) return hit;
  const re = new Translator(pattern).run();
  if (CACHE.size > 500) CACHE.clear();
  CACHE.set(pattern, re);
  return re;
}

/** Go's FindAll: up to n matches (n < 0: all); an empty match right after a match is skipped. */
export function findAll(pattern: RegExp, s: string, n: number): RegExpExecArray[] {
  const re = new RegExp(pattern.source, pattern.flags + 'g');
  const out: RegExpExecArray[] = [];
  let pos = 0;
  let prevEnd = -1;
  while ((n < 0 || out.length < n) && pos <= s.length) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    let accept = true;
    if (end === start) {
      if (start === prevEnd) accept = false;
      const cp = s.codePointAt(start);
      pos = start + (cp === undefined ? 1 : cp > 0xffff ? 2 : 1);
    } else pos = end;
    prevEnd = end;
    if (accept) out.push(m);
  }
  return out;
}
