import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let ids: Map<string, string> | undefined;
let exceptions: Set<string> | undefined;

function licenseIds(): Map<string, string> {
  if (ids === undefined) {
    const current = require('spdx-license-ids') as string[];
    const deprecated = require('spdx-license-ids/deprecated.json') as string[];
    ids = new Map([...current, ...deprecated].map((id) => [id.toLowerCase(), id]));
  }
  return ids;
}

function exceptionIds(): Set<string> {
  exceptions ??= new Set((require('spdx-exceptions') as string[]).map((id) => id.toLowerCase()));
  return exceptions;
}

/** The canonical SPDX licence id for `value` (case-insensitive match), or undefined when it is not one. */
export function spdxLicenseId(value: string): string | undefined {
  return licenseIds().get(value.trim().toLowerCase());
}

const TOKEN = /\s*(\(|\)|AND\b|OR\b|WITH\b|and\b|or\b|with\b|[A-Za-z0-9.+:-]+)\s*/y;

/**
 * True when `value` is a syntactically valid SPDX licence expression whose ids are known SPDX ids,
 * `LicenseRef-…`/`DocumentRef-…:LicenseRef-…` references, or known exceptions after WITH.
 */
export function isSpdxExpression(value: string): boolean {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  const text = value.trim();
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (m === null) return false;
    tokens.push(m[1] as string);
    pos = TOKEN.lastIndex;
  }
  let i = 0;
  const isLicense = (t: string | undefined): boolean => {
    if (t === undefined) return false;
    const bare = t.endsWith('+') ? t.slice(0, -1) : t;
    return licenseIds().has(bare.toLowerCase()) || /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(t);
  };
  const parseCompound = (): boolean => {
    if (!parseTerm()) return false;
    while (tokens[i] !== undefined && /^(AND|OR)$/i.test(tokens[i] as string)) {
      i++;
      if (!parseTerm()) return false;
    }
    return true;
  };
  const parseTerm = (): boolean => {
    const t = tokens[i];
    if (t === '(') {
      i++;
      if (!parseCompound()) return false;
      if (tokens[i] !== ')') return false;
      i++;
      return true;
    }
    if (!isLicense(t)) return false;
    i++;
    if (tokens[i] !== undefined && /^WITH$/i.test(tokens[i] as string)) {
      i++;
      const ex = tokens[i];
      if (ex === undefined || !(exceptionIds().has(ex.toLowerCase()) || /^AdditionRef-[A-Za-z0-9.-]+$/.test(ex))) return false;
      i++;
    }
    return true;
  };
  return tokens.length > 0 && parseCompound() && i === tokens.length;
}
