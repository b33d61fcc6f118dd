/** The strings builtin family (see .tmp/rego-builtins-contract.md). */
import { objEntries } from '../value/object.js';
import { fail } from './registry.js';
import { goSprintf } from './support/go-fmt.js';
import { renderTemplate } from './support/go-template.js';
import { codePoints, intOperand, oneOf, operandError, stringElements } from './support/operands.js';
import { regoText } from './support/rego-text.js';
import type { FmtArg } from './support/go-fmt.js';
import type { ObjectValue } from '../value/object.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** How OPA hands a value to Go's fmt: integers, floats, strings; anything else as its Rego text. */
function fmtArg(v: Value): FmtArg {
  if (typeof v === 'string') return { t: 'string', v };
  if (typeof v === 'bigint') return v <= INT64_MAX && v >= INT64_MIN ? { t: 'int', v } : { t: 'big', v };
  if (typeof v === 'number') return Number.isSafeInteger(v) ? { t: 'int', v: BigInt(v) } : { t: 'float', v };
  return { t: 'string', v: regoText(v) };
}

const SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const LEADING_SPACE = new RegExp(`^[${SPACE}]+`, 'u');
const TRAILING_SPACE = new RegExp(`[${SPACE}]+$`, 'u');

function trimLeft(s: string, cutset: string): string {
  const cut = new Set(codePoints(cutset));
  const cps = codePoints(s);
  let i = 0;
  while (i < cps.length && cut.has(cps[i] as string)) i++;
  return cps.slice(i).join('');
}

function trimRight(s: string, cutset: string): string {
  const cut = new Set(codePoints(cutset));
  const cps = codePoints(s);
  let j = cps.length;
  while (j > 0 && cut.has(cps[j - 1] as string)) j--;
  return cps.slice(0, j).join('');
}

/** Index of `sub` in `s` in UTF-16 units; -1 when absent. */
function cpIndexOf(s: string, sub: string): number {
  return s.indexOf(sub);
}

function unitsToCodePoints(s: string, units: number): number {
  return codePoints(s.slice(0, units)).length;
}

/** Go's strings.Count: non-overlapping occurrences; an empty needle counts code points + 1. */
function count(s: string, sub: string): number {
  if (sub === '') return codePoints(s).length + 1;
  let n = 0;
  for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) n++;
  return n;
}

/** Go's strings.NewReplacer over sorted pattern keys: leftmost match, earlier keys win at one position. */
function replaceN(patterns: ObjectValue, s: string): string {
  const pairs: [string, string][] = [];
  for (const [k, v] of objEntries(patterns)) {
    if (typeof k !== 'string') throw operandError('strings.replace_n', 1, 'non-string key found in pattern object');
    if (typeof v !== 'string') throw operandError('strings.replace_n', 1, 'non-string value found in pattern object');
    pairs.push([k, v]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let out = '';
  let i = 0;
  let lastEmptyAt = -1;
  while (i <= s.length) {
    const hit = pairs.find(([old]) => s.startsWith(old, i) && !(old === '' && lastEmptyAt === i));
    if (hit) {
      out += hit[1];
      if (hit[0] === '') {
        lastEmptyAt = i;
        if (i === s.length) break;
        const cp = String.fromCodePoint(s.codePointAt(i) as number);
        out += cp;
        i += cp.length;
        lastEmptyAt = i === s.length ? -1 : lastEmptyAt;
      } else i += hit[0].length;
      continue;
    }
    if (i === s.length) break;
    const cp = String.fromCodePoint(s.codePointAt(i) as number);
    out += cp;
    i += cp.length;
  }
  return out;
}

function stringsOf(name: string, pos: number, v: Value): string[] {
  oneOf(name, pos, v, ['string', 'set', 'array']);
  return typeof v === 'string' ? [v] : stringElements(name, pos, v);
}

function anyMatch(name: string, test: (s: string, b: string) => boolean): BuiltinDecl {
  return {
    name,
    args: ['any', 'any'],
    impl: ([search, base]) => {
      const ss = stringsOf(name, 1, search as Value);
      const bs = stringsOf(name, 2, base as Value);
      return ss.some((s) => bs.some((b) => test(s, b)));
    },
  };
}

function splitN(s: string, delim: string, n: number): string[] {
  const parts = delim === '' ? codePoints(s) : s.split(delim);
  if (n === 0) return [];
  if (n > 0) return parts.slice(0, n);
  return -n >= parts.length ? parts : parts.slice(parts.length + n);
}

const FORMAT_BASES = [2, 8, 10, 16];

function formatInt(n: number | bigint, base: number): string {
  const i = typeof n === 'bigint' ? n : BigInt(Math.trunc(n));
  return i.toString(base);
}

export const STRINGS_BUILTINS: readonly BuiltinDecl[] = [
  {
    name: 'concat',
    args: ['string', ['array', 'set']],
    impl: ([d, xs]) => stringElements('concat', 2, xs as Value).join(d as string),
  },
  { name: 'contains', args: ['string', 'string'], impl: ([s, t]) => (s as string).includes(t as string) },
  { name: 'startswith', args: ['string', 'string'], impl: ([s, t]) => (s as string).startsWith(t as string) },
  { name: 'endswith', args: ['string', 'string'], impl: ([s, t]) => (s as string).endsWith(t as string) },
  {
    name: 'format_int',
    args: ['number', 'number'],
    impl: ([n, b]) => {
      if (!FORMAT_BASES.includes(Number(b))) throw operandError('format_int', 2, 'must be one of {2, 8, 10, 16}');
      return formatInt(n as number | bigint, Number(b));
    },
  },
  {
    name: 'indexof',
    args: ['string', 'string'],
    impl: ([s, t]) => {
      const i = cpIndexOf(s as string, t as string);
      return i < 0 ? -1 : unitsToCodePoints(s as string, i);
    },
  },
  {
    name: 'indexof_n',
    args: ['string', 'string'],
    impl: ([s, t]) => {
      const str = s as string;
      const sub = t as string;
      const out: number[] = [];
      if (sub === '') return out;
      for (let i = str.indexOf(sub); i >= 0; i = str.indexOf(sub, i + 1)) out.push(unitsToCodePoints(str, i));
      return out;
    },
  },
  { name: 'lower', args: ['string'], impl: ([s]) => (s as string).toLowerCase() },
  { name: 'upper', args: ['string'], impl: ([s]) => (s as string).toUpperCase() },
  { name: 'replace', args: ['string', 'string', 'string'], impl: ([s, o, n]) => (s as string).split(o as string).join(n as string) },
  {
    name: 'split',
    args: ['string', 'string'],
    impl: ([s, d]) => ((d as string) === '' ? codePoints(s as string) : (s as string).split(d as string)),
  },
  {
    name: 'strings.split_n',
    args: ['string', 'string', 'number'],
    impl: ([s, d, n]) => splitN(s as string, d as string, intOperand('strings.split_n', 3, n as Value)),
  },
  {
    name: 'substring',
    args: ['string', 'number', 'number'],
    impl: ([s, start, len]) => {
      const from = intOperand('substring', 2, start as Value);
      const n = intOperand('substring', 3, len as Value);
      if (from < 0) throw fail('substring', 'negative offset');
      const cps = codePoints(s as string);
      if (from >= cps.length) return '';
      return (n < 0 ? cps.slice(from) : cps.slice(from, from + n)).join('');
    },
  },
  { name: 'trim', args: ['string', 'string'], impl: ([s, c]) => trimRight(trimLeft(s as string, c as string), c as string) },
  { name: 'trim_left', args: ['string', 'string'], impl: ([s, c]) => trimLeft(s as string, c as string) },
  { name: 'trim_right', args: ['string', 'string'], impl: ([s, c]) => trimRight(s as string, c as string) },
  {
    name: 'trim_prefix',
    args: ['string', 'string'],
    impl: ([s, p]) => ((s as string).startsWith(p as string) ? (s as string).slice((p as string).length) : s),
  },
  {
    name: 'trim_suffix',
    args: ['string', 'string'],
    impl: ([s, p]) => ((p as string) !== '' && (s as string).endsWith(p as string) ? (s as string).slice(0, -(p as string).length) : s),
  },
  { name: 'trim_space', args: ['string'], impl: ([s]) => (s as string).replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '') },
  { name: 'strings.reverse', args: ['string'], impl: ([s]) => codePoints(s as string).reverse().join('') },
  { name: 'strings.count', args: ['string', 'string'], impl: ([s, t]) => count(s as string, t as string) },
  {
    name: 'strings.replace_n',
    args: ['object', 'string'],
    impl: ([p, s]) => replaceN(p as ObjectValue, s as string),
  },
  anyMatch('strings.any_prefix_match', (s, b) => s.startsWith(b)),
  anyMatch('strings.any_suffix_match', (s, b) => s.endsWith(b)),
  {
    name: 'sprintf',
    args: ['string', 'array'],
    impl: ([f, xs]) => goSprintf(f as string, (xs as readonly Value[]).map(fmtArg)),
  },
  {
    name: 'strings.render_template',
    args: ['string', 'object'],
    impl: ([t, vars]) => {
      try {
        return renderTemplate(t as string, vars as Value);
      } catch (e) {
        throw fail('strings.render_template', (e as Error).message, e);
      }
    },
  },
];
