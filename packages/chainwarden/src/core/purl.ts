/**
 * Package URLs (https://github.com/package-url/purl-spec): building canonical purls for the ecosystems
 * chainwarden reads. Only what the spec says: type-specific name normalisation and percent-encoding.
 */

export interface PurlParts {
  readonly type: string;
  readonly namespace?: string;
  readonly name: string;
  readonly version?: string;
  readonly qualifiers?: Readonly<Record<string, string | undefined>>;
  readonly subpath?: string;
}

const UNRESERVED = /[A-Za-z0-9.\-_~]/;

/** Percent-encodes everything but unreserved characters (and `extraSafe`). */
const ALL_UNRESERVED = /^[A-Za-z0-9.\-_~]*$/;

export function purlEncode(value: string, extraSafe = ''): string {
  if (ALL_UNRESERVED.test(value)) return value;
  let out = '';
  for (const ch of value) {
    if (UNRESERVED.test(ch) || extraSafe.includes(ch)) {
      out += ch;
    } else {
      for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/** PEP 503 normalisation, which the purl spec requires for `pkg:pypi` names. */
const normalized = new Map<string, string>();

export function normalizePypiName(name: string): string {
  let out = normalized.get(name);
  if (out === undefined) {
    out = name.replace(/[-_.]+/g, '-').toLowerCase();
    if (normalized.size < 100_000) normalized.set(name, out);
  }
  return out;
}

export function formatPurl(parts: PurlParts): string {
  let out = `pkg:${parts.type.toLowerCase()}/`;
  if (parts.namespace !== undefined && parts.namespace !== '') {
    out += parts.namespace
      .split('/')
      .map((segment) => purlEncode(segment))
      .join('/');
    out += '/';
  }
  out += purlEncode(parts.name);
  if (parts.version !== undefined && parts.version !== '') out += `@${purlEncode(parts.version, ':')}`;
  const qualifiers = Object.entries(parts.qualifiers ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => [key.toLowerCase(), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (qualifiers.length > 0) {
    out += `?${qualifiers.map(([key, value]) => `${key}=${purlEncode(value, ':/')}`).join('&')}`;
  }
  if (parts.subpath !== undefined && parts.subpath !== '') {
    out += `#${parts.subpath
      .split('/')
      .filter((s) => s !== '' && s !== '.' && s !== '..')
      .map((s) => purlEncode(s))
      .join('/')}`;
  }
  return out;
}

export function pypiPurl(name: string, version: string | undefined, qualifiers?: Record<string, string | undefined>): string {
  return formatPurl({ type: 'pypi', name: normalizePypiName(name), version, qualifiers });
}

/** `@scope/name` → namespace `@scope` (encoded as %40scope), name `name`. */
export function npmPurl(fullName: string, version: string | undefined, qualifiers?: Record<string, string | undefined>): string {
  const { scope, name } = splitNpmName(fullName);
  return formatPurl({ type: 'npm', namespace: scope, name, version, qualifiers });
}

export function splitNpmName(fullName: string): { scope?: string; name: string } {
  if (fullName.startsWith('@')) {
    const slash = fullName.indexOf('/');
    if (slash > 0) return { scope: fullName.slice(0, slash), name: fullName.slice(slash + 1) };
  }
  return { name: fullName };
}
