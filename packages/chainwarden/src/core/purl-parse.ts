import type { PurlParts } from './purl.js';

/**
 * Parses a package URL (purl spec): `pkg:type/namespace/name@version?qualifiers#subpath`, percent-decoding each
 * part. Returns undefined for anything that is not a purl (callers report it rather than guess).
 */
export function parsePurl(purl: string): PurlParts | undefined {
  let rest = purl.trim();
  if (!/^pkg:/i.test(rest)) return undefined;
  rest = rest.slice(4).replace(/^\/+/, '');
  let subpath: string | undefined;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    subpath = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  const qualifiers: Record<string, string> = {};
  const question = rest.indexOf('?');
  if (question >= 0) {
    for (const pair of rest.slice(question + 1).split('&')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const value = decode(pair.slice(eq + 1));
      if (value === undefined) return undefined;
      if (value !== '') qualifiers[pair.slice(0, eq).toLowerCase()] = value;
    }
    rest = rest.slice(0, question);
  }
  let version: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at > rest.indexOf('/')) {
    version = decode(rest.slice(at + 1));
    if (version === undefined) return undefined;
    rest = rest.slice(0, at);
  }
  const segments = rest.split('/').filter((s) => s !== '');
  const type = segments.shift()?.toLowerCase();
  const rawName = segments.pop();
  if (type === undefined || rawName === undefined || !/^[a-z][a-z0-9.+-]*$/.test(type)) return undefined;
  const name = decode(rawName);
  const namespaceParts = segments.map(decode);
  if (name === undefined || namespaceParts.some((s) => s === undefined)) return undefined;
  return {
    type,
    namespace: namespaceParts.length > 0 ? namespaceParts.join('/') : undefined,
    name,
    version: version === '' ? undefined : version,
    qualifiers,
    subpath,
  };
}

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}
