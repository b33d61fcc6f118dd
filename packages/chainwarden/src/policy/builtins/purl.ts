/** `purl.parse(s)`: a package URL split into its parts (type, namespace, name, version, qualifiers, subpath). */
import { fail } from '@chainwarden/rego';
import type { BuiltinDecl } from '@chainwarden/rego';

export interface ParsedPurl {
  readonly type: string;
  readonly namespace: string | null;
  readonly name: string;
  readonly version: string | null;
  readonly qualifiers: Record<string, string>;
  readonly subpath: string | null;
}

const dec = (s: string): string => decodeURIComponent(s);

/** Parses a purl per the package-url spec; undefined when it is not one. */
export function parsePurl(text: string): ParsedPurl | undefined {
  const m = /^pkg:\/*([A-Za-z.+-][A-Za-z0-9.+-]*)\/([^?#]+?)(?:\?([^#]*))?(?:#(.*))?$/.exec(text.trim());
  if (m === null) return undefined;
  const [, type = '', path = '', query, subpath] = m;
  let rest = path.replace(/\/+$/, '');
  let version: string | null = null;
  const at = rest.lastIndexOf('@');
  if (at > rest.lastIndexOf('/')) {
    version = dec(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }
  const segments = rest.split('/').filter((s) => s !== '');
  const name = segments.pop();
  if (name === undefined || name === '') return undefined;
  const qualifiers: Record<string, string> = {};
  for (const pair of (query ?? '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    qualifiers[pair.slice(0, eq).toLowerCase()] = dec(pair.slice(eq + 1));
  }
  try {
    return { type: type.toLowerCase(), namespace: segments.length > 0 ? segments.map(dec).join('/') : null, name: dec(name), version, qualifiers, subpath: subpath !== undefined && subpath !== '' ? subpath.split('/').filter((s) => s !== '' && s !== '.' && s !== '..').map(dec).join('/') : null };
  } catch {
    return undefined;
  }
}

export const PURL_BUILTINS: readonly BuiltinDecl[] = [
  {
    name: 'purl.parse',
    args: ['string'],
    impl: ([s]) => {
      const p = parsePurl(s as string);
      if (p === undefined) throw fail('purl.parse', `not a package URL: ${JSON.stringify(s)}`);
      return { ...p, qualifiers: { ...p.qualifiers } };
    },
  },
];
