import { RequirementSyntaxError } from './requirement-syntax-error.js';

/**
 * Validates a PEP 508 environment marker (`python_version < "3.12" and sys_platform == "linux"`). Markers are recorded
 * as written (trimmed), never evaluated: an SBOM describes every platform the file serves.
 */

/** PEP 508 variables, the legacy dotted spellings packaging still accepts, and `extra`/`extras`/`dependency_groups`. */
const VARIABLES = new Set([
  'python_version',
  'python_full_version',
  'os_name',
  'sys_platform',
  'platform_release',
  'platform_system',
  'platform_version',
  'platform_machine',
  'platform_python_implementation',
  'implementation_name',
  'implementation_version',
  'extra',
  'extras',
  'dependency_groups',
  'os.name',
  'sys.platform',
  'platform.version',
  'platform.machine',
  'platform.python_implementation',
  'python_implementation',
]);

type Token =
  | { readonly kind: 'var' | 'str' | 'op' | 'and' | 'or' | '(' | ')'; readonly at: number; readonly text: string }
  | { readonly kind: 'end'; readonly at: number; readonly text: '' };

const MAX_DEPTH = 64;
const OPERATORS = ['===', '==', '!=', '<=', '>=', '~=', '<', '>'];

function lex(text: string, base: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const at = base + i;
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch, at, text: ch });
      i++;
    } else if (ch === '"' || ch === "'") {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) throw new RequirementSyntaxError('unterminated string in environment marker', at);
      tokens.push({ kind: 'str', at, text: text.slice(i, close + 1) });
      i = close + 1;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op !== undefined) {
        tokens.push({ kind: 'op', at, text: op });
        i += op.length;
        continue;
      }
      const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
      if (word === null) throw new RequirementSyntaxError(`unexpected character ${JSON.stringify(ch)} in environment marker`, at);
      const w = word[0];
      if (w === 'and' || w === 'or') tokens.push({ kind: w, at, text: w });
      else if (w === 'in') tokens.push({ kind: 'op', at, text: w });
      else if (w === 'not') {
        const rest = /^not\s+in\b/.exec(text.slice(i));
        if (rest === null) throw new RequirementSyntaxError('expected "not in" in environment marker', at);
        tokens.push({ kind: 'op', at, text: 'not in' });
        i += rest[0].length;
        continue;
      } else if (VARIABLES.has(w)) tokens.push({ kind: 'var', at, text: w });
      else throw new RequirementSyntaxError(`unknown environment marker variable "${w}"`, at);
      i += w.length;
    }
  }
  tokens.push({ kind: 'end', at: base + text.length, text: '' });
  return tokens;
}

/** Throws RequirementSyntaxError (offset relative to the whole requirement, via `base`) when the marker is invalid. */
export function validateMarker(text: string, base: number): void {
  const tokens = lex(text, base);
  let pos = 0;
  const peek = (): Token => tokens[pos] as Token;
  const next = (): Token => tokens[pos++] as Token;
  const value = (): void => {
    const t = next();
    if (t.kind !== 'var' && t.kind !== 'str') throw new RequirementSyntaxError('expected a marker variable or a quoted string', t.at);
  };
  let depth = 0;
  const expression = (): void => {
    if (peek().kind === '(') {
      const open = next();
      if (++depth > MAX_DEPTH) throw new RequirementSyntaxError(`environment marker nested deeper than ${MAX_DEPTH} parentheses`, open.at);
      or();
      depth--;
      const close = next();
      if (close.kind !== ')') throw new RequirementSyntaxError('expected ")" in environment marker', close.at);
      return;
    }
    value();
    const op = next();
    if (op.kind !== 'op') throw new RequirementSyntaxError('expected a comparison operator in environment marker', op.at);
    value();
  };
  const and = (): void => {
    expression();
    while (peek().kind === 'and') {
      next();
      expression();
    }
  };
  const or = (): void => {
    and();
    while (peek().kind === 'or') {
      next();
      and();
    }
  };
  if (peek().kind === 'end') throw new RequirementSyntaxError('empty environment marker after ";"', peek().at);
  or();
  const rest = peek();
  if (rest.kind !== 'end') throw new RequirementSyntaxError(`unexpected "${rest.text}" in environment marker`, rest.at);
}
