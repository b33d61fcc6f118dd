/** The regex builtin family: RE2 semantics over translated JS regexes, glob.match, glob.quote_meta. */
import { fail } from './registry.js';
import { compileGlob, quoteGlobMeta } from './support/glob.js';
import { globsIntersect } from './support/glob-intersect.js';
import { compileRe2, findAll } from './support/re2.js';
import { intOperand, operandError } from './support/operands.js';
import type { Value } from '../value/types.js';
import type { BuiltinDecl } from './registry.js';

function re(name: string, pattern: string): RegExp {
  try {
    return compileRe2(pattern);
  } catch (e) {
    throw fail(name, (e as Error).message, e);
  }
}

/** Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`. */
function expand(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(\$|\{([A-Za-z0-9_]*)\}|([A-Za-z0-9_]+))/g, (all, _g, braced: string | undefined, bare: string | undefined) => {
    if (all === '$$') return '$';
    const name = braced ?? bare ?? '';
    if (name === '') return braced === undefined ? all : '';
    if (/^\d+$/.test(name)) return m[Number(name)] ?? '';
    return m.groups?.[name] ?? '';
  });
}

function goSplit(r: RegExp, s: string): string[] {
  if (s === '') return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of findAll(r, s, -1)) {
    end = m.index;
    if (m.index + m[0].length !== 0) out.push(s.slice(beg, end));
    beg = m.index + m[0].length;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** regex.template_match: text outside the delimiters is literal, inside is a regex. */
function templateRegex(template: string, open: string, close: string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const s = template.indexOf(open, i);
    if (s < 0) {
      out += quoteMeta(template.slice(i));
      break;
    }
    out += quoteMeta(template.slice(i, s));
    let depth = 1;
    let j = s + open.length;
    for (; j < template.length && depth > 0; j++) {
      if (template.startsWith(close, j)) depth--;
      else if (template.startsWith(open, j)) depth++;
      if (depth === 0) break;
    }
    if (depth !== 0) throw fail('regex.template_match', `unbalanced braces in template ${template}`);
    out += '(' + template.slice(s + open.length, j) + ')';
    i = j + close.length;
  }
  return `^${out}$`;
}

function delimiters(v: Value): string[] {
  if (v === null) return [];
  if (!Array.isArray(v)) throw operandError('glob.match', 2, `must be one of {array, null} but got ${typeof v === 'string' ? 'string' : 'other'}`);
  const out: string[] = [];
  for (const d of v as readonly Value[]) {
    if (typeof d !== 'string') throw operandError('glob.match', 2, 'must be array of strings');
    const cp = Array.from(d)[0];
    if (cp !== undefined) out.push(cp);
  }
  return out.length === 0 ? ['.'] : out;
}

export const REGEX_BUILTINS: readonly BuiltinDecl[] = [
  { name: 'regex.match', args: ['string', 'string'], impl: ([p, s]) => re('regex.match', p as string).test(s as string) },
  {
    name: 'regex.is_valid',
    args: ['any'],
    impl: ([p]) => {
      if (typeof p !== 'string') return false;
      try {
        compileRe2(p);
        return true;
      } catch {
        return false;
      }
    },
  },
  { name: 'regex.split', args: ['string', 'string'], impl: ([p, s]) => goSplit(re('regex.split', p as string), s as string) },
  {
    name: 'regex.find_n',
    args: ['string', 'string', 'number'],
    impl: ([p, s, n]) => findAll(re('regex.find_n', p as string), s as string, intOperand('regex.find_n', 3, n as Value)).map((m) => m[0]),
  },
  {
    name: 'regex.find_all_string_submatch_n',
    args: ['string', 'string', 'number'],
    impl: ([p, s, n]) =>
      findAll(re('regex.find_all_string_submatch_n', p as string), s as string, intOperand('regex.find_all_string_submatch_n', 3, n as Value)).map((m) =>
        Array.from(m, (g) => g ?? ''),
      ),
  },
  {
    name: 'regex.replace',
    args: ['string', 'string', 'string'],
    impl: ([s, p, v]) => {
      const str = s as string;
      let out = '';
      let last = 0;
      for (const m of findAll(re('regex.replace', p as string), str, -1)) {
        out += str.slice(last, m.index) + expand(v as string, m);
        last = m.index + m[0].length;
      }
      return out + str.slice(last);
    },
  },
  {
    name: 'regex.template_match',
    args: ['string', 'string', 'string', 'string'],
    impl: ([t, s, open, close]) => re('regex.template_match', templateRegex(t as string, open as string, close as string)).test(s as string),
  },
  {
    name: 'regex.globs_match',
    args: ['string', 'string'],
    impl: ([a, b]) => {
      try {
        return globsIntersect(a as string, b as string);
      } catch (e) {
        throw fail('regex.globs_match', (e as Error).message, e);
      }
    },
  },
  {
    name: 'glob.match',
    args: ['string', 'any', 'string'],
    impl: ([p, d, s]) => {
      try {
        return compileGlob(p as string, delimiters(d as Value)).test(s as string);
      } catch (e) {
        if (e instanceof Error && e.name === 'GlobSyntaxError') throw fail('glob.match', e.message, e);
        throw e;
      }
    },
  },
  { name: 'glob.quote_meta', args: ['string'], impl: ([s]) => quoteGlobMeta(s as string) },
];
