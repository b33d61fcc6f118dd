/** Go's url.QueryEscape / QueryUnescape and url.Values encoding. */
export class UrlEscapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UrlEscapeError';
  }
}

const UNRESERVED = /^[A-Za-z0-9\-_.~]$/;

export function queryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (UNRESERVED.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export function queryUnescape(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '%') {
      const h = s.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(h)) throw new UrlEscapeError(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
      bytes.push(parseInt(h, 16));
      i += 2;
    } else if (c === '+') bytes.push(32);
    else {
      const ch = String.fromCodePoint(s.codePointAt(i) as number);
      bytes.push(...Buffer.from(ch, 'utf8'));
      i += ch.length - 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Parses `a=1&b=2&a=3` into key -> values (Go's url.ParseQuery); `;` is rejected like Go does. */
export function parseQuery(s: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of s.split('&')) {
    if (part === '') continue;
    if (part.includes(';')) throw new UrlEscapeError('invalid semicolon separator in query');
    const eq = part.indexOf('=');
    const k = queryUnescape(eq < 0 ? part : part.slice(0, eq));
    const v = eq < 0 ? '' : queryUnescape(part.slice(eq + 1));
    const list = out.get(k) ?? [];
    list.push(v);
    out.set(k, list);
  }
  return out;
}
