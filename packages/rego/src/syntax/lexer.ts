/** Rego lexer: text -> tokens with file:line:col. */
import { RegoError } from '../errors.js';

export type TokenKind = 'ident' | 'string' | 'number' | 'punct' | 'template' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Ident name, punctuation text, number text, or the decoded string. */
  readonly text: string;
  readonly row: number;
  readonly col: number;
  /** A newline came between the previous token and this one. */
  readonly nl: boolean;
  /** For raw strings (backticks). */
  readonly raw?: boolean;
  /** Offset of the token in the source. */
  readonly offset: number;
}

export interface Comment {
  readonly text: string;
  readonly row: number;
  readonly col: number;
}

const PUNCT3: readonly string[] = [];
const PUNCT2 = [':=', '==', '!=', '<=', '>='];
const PUNCT1 = '{}[]().,;:=<>+-*/%&|';

export interface LexResult {
  readonly tokens: Token[];
  readonly comments: Comment[];
}

/** Index of the closing quote of a `$"..."` template starting at i (inside the quotes); skips `{...}` expressions. */
function scanTemplate(src: string, i: number): number {
  let j = i;
  while (j < src.length && src[j] !== '"') {
    if (src[j] === '\\') j += 2;
    else if (src[j] === '{') j = scanExpr(src, j + 1);
    else j++;
  }
  return j;
}

/** Index of the closing backtick of a raw template starting at i; -1 when unterminated. */
function scanRawTemplate(src: string, i: number): number {
  let j = i;
  while (j < src.length && src[j] !== '`') {
    if (src[j] === '\\' && src[j + 1] === '{') j += 2;
    else if (src[j] === '{') j = scanExpr(src, j + 1);
    else j++;
  }
  return j < src.length ? j : -1;
}

/** Index just past the `}` closing a template expression that starts at i. */
export function scanExpr(src: string, i: number): number {
  let depth = 1;
  let j = i;
  while (j < src.length && depth > 0) {
    const c = src[j];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '"') {
      j++;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
    } else if (c === '$' && src[j + 1] === '"') {
      j = scanTemplate(src, j + 2);
    } else if (c === '$' && src[j + 1] === '`') {
      j = scanRawTemplate(src, j + 2);
    } else if (c === '`') {
      const e = src.indexOf('`', j + 1);
      j = e < 0 ? src.length : e;
    }
    j++;
  }
  return j;
}

export function lex(src: string, file: string): LexResult {
  const tokens: Token[] = [];
  const comments: Comment[] = [];
  let i = 0;
  let row = 1;
  let lineStart = 0;
  let nl = false;
  const err = (msg: string, at = i): RegoError => new RegoError('rego_parse_error', msg, { file, row, col: at - lineStart + 1 });
  const push = (kind: TokenKind, text: string, start: number, startRow: number, startCol: number, raw?: boolean): void => {
    tokens.push({ kind, text, row: startRow, col: startCol, nl, offset: start, ...(raw ? { raw } : {}) });
    nl = false;
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\n') {
      i++;
      row++;
      lineStart = i;
      nl = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    const col = i - lineStart + 1;
    if (c === '#') {
      let j = i;
      while (j < src.length && src[j] !== '\n') j++;
      comments.push({ text: src.slice(i + 1, j), row, col });
      i = j;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[A-Za-z0-9_]/.test(src[j] as string)) j++;
      push('ident', src.slice(i, j), i, row, col);
      i = j;
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(src.slice(i, i + 1000));
      if (!m) throw err('invalid number');
      const j = i + m[0].length;
      if (j < src.length && /[A-Za-z_0-9.]/.test(src[j] as string)) throw err('invalid number');
      push('number', m[0], i, row, col);
      i = j;
      continue;
    }
    if (c === '"' || (c === '$' && src[i + 1] === '"')) {
      const template = c === '$';
      const start = i;
      let j = template ? scanTemplate(src, i + 2) : i + 1;
      while (!template && j < src.length && src[j] !== '"') {
        if (src[j] === '\\') j++;
        if (src[j] === '\n') throw err('non-terminated string', j);
        j++;
      }
      if (j >= src.length) throw err('non-terminated string');
      const body = src.slice(template ? i + 1 : i, j + 1);
      let text: string;
      if (template) text = body.slice(1, -1);
      else {
        try {
          text = JSON.parse(body) as string;
        } catch {
          throw err('illegal string escape');
        }
      }
      push(template ? 'template' : 'string', text, start, row, col);
      i = j + 1;
      continue;
    }
    if (c === '`' || (c === '$' && src[i + 1] === '`')) {
      const template = c === '$';
      const start = i;
      const open = template ? i + 2 : i + 1;
      const j = template ? scanRawTemplate(src, open) : src.indexOf('`', open);
      if (j < 0) throw err('non-terminated raw string');
      const text = src.slice(open, j);
      const startRow = row;
      for (let k = open; k < j; k++) {
        if (src[k] === '\n') {
          row++;
          lineStart = k + 1;
        }
      }
      push(template ? 'template' : 'string', text, start, startRow, col, true);
      i = j + 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (PUNCT3.includes(src.slice(i, i + 3))) {
      push('punct', src.slice(i, i + 3), i, row, col);
      i += 3;
      continue;
    }
    if (PUNCT2.includes(two)) {
      push('punct', two, i, row, col);
      i += 2;
      continue;
    }
    if (PUNCT1.includes(c)) {
      push('punct', c, i, row, col);
      i++;
      continue;
    }
    throw err(`unexpected character ${JSON.stringify(c)}`);
  }
  tokens.push({ kind: 'eof', text: '', row, col: i - lineStart + 1, nl: true, offset: i });
  return { tokens, comments };
}
