import type { VersionScheme } from './scheme.js';

/**
 * Alpine (apk): apk-tools' version.c tokenizer and comparison. A version is numbers separated by `.` (a part with
 * leading zeros compares as a fraction: below any part without), an optional lower-case letter, `_suffix[N]` parts
 * (`alpha`, `beta`, `pre`, `rc` before the release; `cvs`, `svn`, `git`, `hg`, `p` after it) and `-rN` (the package
 * revision). When one version runs out first, the longer one wins unless what follows is a pre-release suffix.
 * Strings apk rejects (`1.2.0A`, `1-ruff`) sort before every valid version, and among themselves by the same tokens.
 */
export class AlpineVersionScheme implements VersionScheme {
  readonly name = 'alpine';

  valid(version: string): boolean {
    const cursor = new Cursor(version.trim());
    const state: { type: Token } = { type: Token.Digit };
    while (state.type !== Token.End && state.type !== Token.Invalid) take(state, cursor);
    return state.type === Token.End;
  }

  compare(a: string, b: string): number {
    const va = this.valid(a);
    const vb = this.valid(b);
    if (va !== vb) return va ? 1 : -1;
    return compareTokens(a.trim(), b.trim());
  }
}

/** apk's token kinds, in the order the comparison relies on. */
const Token = { Invalid: -1, DigitOrZero: 0, Digit: 1, Letter: 2, Suffix: 3, SuffixNo: 4, RevisionNo: 5, End: 6 } as const;
type Token = (typeof Token)[keyof typeof Token];

const PRE_SUFFIXES = ['alpha', 'beta', 'pre', 'rc'];
const POST_SUFFIXES = ['cvs', 'svn', 'git', 'hg', 'p'];

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLower = (c: string): boolean => c >= 'a' && c <= 'z';

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  get left(): number {
    return this.text.length - this.pos;
  }
  at(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }
}

/** The kind of the next token, consuming its separator (apk's next_token). */
function nextType(type: Token, c: Cursor): Token {
  let n: Token = Token.Invalid;
  if (c.left === 0) n = Token.End;
  else if ((type === Token.Digit || type === Token.DigitOrZero) && isLower(c.at())) n = Token.Letter;
  else if (type === Token.Letter && isDigit(c.at())) n = Token.Digit;
  else if (type === Token.Suffix && isDigit(c.at())) n = Token.SuffixNo;
  else {
    const ch = c.at();
    if (ch === '.') n = Token.DigitOrZero;
    else if (ch === '_') n = Token.Suffix;
    else if (ch === '-' && c.left > 1 && c.at(1) === 'r') {
      n = Token.RevisionNo;
      c.pos++;
    }
    c.pos++;
  }
  const allowedBackwards = (n === Token.DigitOrZero && type === Token.Digit) || (n === Token.Suffix && type === Token.SuffixNo) || (n === Token.Digit && type === Token.Letter);
  return n < type && !allowedBackwards ? Token.Invalid : n;
}

/** The value of the token of kind `state.type` at the cursor; moves on and sets the next kind (apk's get_token). */
function take(state: { type: Token }, c: Cursor): number {
  if (c.left <= 0) {
    state.type = Token.End;
    return 0;
  }
  let value = 0;
  let length = 0;
  let next: Token = Token.Invalid;
  switch (state.type) {
    case Token.DigitOrZero:
    case Token.Digit:
    case Token.SuffixNo:
    case Token.RevisionNo:
      if (state.type === Token.DigitOrZero && c.at() === '0') {
        // Leading zeros: the more there are, the smaller the part (1.01 < 1.1, 1.001 < 1.01).
        while (length < c.left && c.at(length) === '0') length++;
        value = -length;
        next = Token.Digit;
        break;
      }
      while (length < c.left && isDigit(c.at(length))) value = value * 10 + (c.at(length++).charCodeAt(0) - 48);
      break;
    case Token.Letter:
      value = c.at().charCodeAt(0);
      length = 1;
      break;
    case Token.Suffix: {
      const rest = c.text.slice(c.pos);
      const pre = PRE_SUFFIXES.findIndex((s) => rest.startsWith(s));
      const post = POST_SUFFIXES.findIndex((s) => rest.startsWith(s));
      if (pre >= 0) {
        value = pre - PRE_SUFFIXES.length;
        length = (PRE_SUFFIXES[pre] ?? '').length;
      } else if (post >= 0) {
        value = post;
        length = (POST_SUFFIXES[post] ?? '').length;
      } else {
        state.type = Token.Invalid;
        return -1;
      }
      break;
    }
    default:
      state.type = Token.Invalid;
      return -1;
  }
  c.pos += length;
  if (c.left === 0) state.type = Token.End;
  else if (next !== Token.Invalid) state.type = next;
  else state.type = nextType(state.type, c);
  return value;
}

function compareTokens(x: string, y: string): number {
  const a = new Cursor(x);
  const b = new Cursor(y);
  const sa: { type: Token } = { type: Token.Digit };
  const sb: { type: Token } = { type: Token.Digit };
  let av = 0;
  let bv = 0;
  while (sa.type === sb.type && sa.type !== Token.End && sa.type !== Token.Invalid && av === bv) {
    av = take(sa, a);
    bv = take(sb, b);
  }
  if (av !== bv) return av < bv ? -1 : 1;
  if (sa.type === sb.type) return 0;
  // Equal so far; the longer one wins unless it goes on with a pre-release suffix.
  if (sa.type === Token.Suffix && take({ type: Token.Suffix }, new Cursor(x.slice(a.pos))) < 0) return -1;
  if (sb.type === Token.Suffix && take({ type: Token.Suffix }, new Cursor(y.slice(b.pos))) < 0) return 1;
  if (sa.type !== sb.type) return sa.type > sb.type ? -1 : 1;
  return 0;
}
