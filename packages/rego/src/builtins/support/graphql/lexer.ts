/** GraphQL lexer with gqlparser's token names (for its error messages) and 1-based line:column positions. */
export type TokenKind = 'Name' | 'Int' | 'Float' | 'String' | 'BlockString' | 'Punct' | 'EOF' | 'Invalid';

export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
  readonly line: number;
  readonly col: number;
}

export class GraphqlError extends Error {
  constructor(message: string, line: number, col: number) {
    super(`${message} in GraphQL string at location ${line}:${col}`);
    this.name = 'GraphqlError';
  }
}

/** How a token is named in messages: `Name "foo"`, `{`, `<EOF>`. */
export function describe(t: Token): string {
  switch (t.kind) {
    case 'EOF':
      return '<EOF>';
    case 'Invalid':
      return '<Invalid>';
    case 'Punct':
      return t.value;
    default:
      return `${t.kind} ${JSON.stringify(t.value)}`;
  }
}

const PUNCT = ['...', '!', '$', '&', '(', ')', ':', '=', '@', '[', ']', '{', '|', '}'];

function blockStringValue(raw: string): string {
  const lines = raw.split(/\r\n|\n|\r/);
  let common: number | undefined;
  lines.slice(1).forEach((l) => {
    const indent = /^[ \t]*/.exec(l)?.[0].length ?? 0;
    if (indent < l.length && (common === undefined || indent < common)) common = indent;
  });
  const out = lines.map((l, i) => (i === 0 || common === undefined ? l : l.slice(common)));
  while (out.length > 0 && /^[ \t]*$/.test(out[0] as string)) out.shift();
  while (out.length > 0 && /^[ \t]*$/.test(out[out.length - 1] as string)) out.pop();
  return out.join('\n');
}

export function tokenize(src: string): Token[] {
  const cps = Array.from(src);
  const out: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const col = (at: number): number => at - lineStart + 1;
  const newline = (at: number): void => {
    line++;
    lineStart = at + 1;
  };
  while (i < cps.length) {
    const c = cps[i] as string;
    if (c === '\n') {
      newline(i);
      i++;
      continue;
    }
    if (c === '\r') {
      if (cps[i + 1] === '\n') i++;
      newline(i);
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === ',' || c === '\ufeff') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < cps.length && cps[i] !== '\n' && cps[i] !== '\r') i++;
      continue;
    }
    const startLine = line;
    const startCol = col(i);
    const push = (kind: TokenKind, value: string): void => {
      out.push({ kind, value, line: startLine, col: startCol });
    };
    const p = PUNCT.find((x) => cps.slice(i, i + x.length).join('') === x);
    if (p) {
      push('Punct', p);
      i += p.length;
      continue;
    }
    if (/[_A-Za-z]/.test(c)) {
      let j = i;
      while (j < cps.length && /[_0-9A-Za-z]/.test(cps[j] as string)) j++;
      push('Name', cps.slice(i, j).join(''));
      i = j;
      continue;
    }
    if (/[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(cps.slice(i, i + 400).join(''));
      if (!m || m[0] === '-' || /[_A-Za-z.]/.test(cps[i + (m?.[0].length ?? 0)] ?? '')) {
        return [...out, { kind: 'Invalid', value: c, line: startLine, col: startCol }];
      }
      push(m[2] || m[3] ? 'Float' : 'Int', m[0]);
      i += m[0].length;
      continue;
    }
    if (c === '"') {
      if (cps[i + 1] === '"' && cps[i + 2] === '"') {
        let j = i + 3;
        let raw = '';
        while (j < cps.length && !(cps[j] === '"' && cps[j + 1] === '"' && cps[j + 2] === '"')) {
          if (cps[j] === '\\' && cps[j + 1] === '"' && cps[j + 2] === '"' && cps[j + 3] === '"') {
            raw += '"""';
            j += 4;
            continue;
          }
          if (cps[j] === '\n' || (cps[j] === '\r' && cps[j + 1] !== '\n')) newline(j);
          raw += cps[j];
          j++;
        }
        if (j >= cps.length) return [...out, { kind: 'Invalid', value: '"""', line, col: col(j) }];
        push('BlockString', blockStringValue(raw));
        i = j + 3;
        continue;
      }
      let j = i + 1;
      let value = '';
      let ok = false;
      while (j < cps.length) {
        const d = cps[j] as string;
        if (d === '"') {
          ok = true;
          break;
        }
        if (d === '\n' || d === '\r') break;
        if (d === '\\') {
          const e = cps[j + 1];
          const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (e !== undefined && simple[e] !== undefined) {
            value += simple[e];
            j += 2;
            continue;
          }
          const hex = cps.slice(j + 2, j + 6).join('');
          if (e === 'u' && /^[0-9A-Fa-f]{4}$/.test(hex)) {
            value += String.fromCharCode(parseInt(hex, 16));
            j += 6;
            continue;
          }
          break;
        }
        value += d;
        j++;
      }
      if (!ok) return [...out, { kind: 'Invalid', value: '"', line: startLine, col: startCol }];
      // gqlparser places string tokens just inside the opening quote
      out.push({ kind: 'String', value, line: startLine, col: startCol + 1 });
      i = j + 1;
      continue;
    }
    return [...out, { kind: 'Invalid', value: c, line: startLine, col: startCol }];
  }
  out.push({ kind: 'EOF', value: '', line, col: col(i) });
  return out;
}
