import { packageKeyOfPurl } from '../advisories/ecosystems.js';
import { schemeFor } from '../advisories/versions/index.js';
import type { PurlParts } from '../core/purl.js';
import { parsePurl } from '../core/purl-parse.js';

/**
 * Whether a VEX purl names a component's purl: same type, namespace and name (each ecosystem's name
 * normalisation applied, so `Foo_Bar` and `foo-bar` are one PyPI package); no version in the VEX purl means every
 * version, else the versions are equal by the ecosystem's scheme (`v1.2.3` = `1.2.3`); the VEX purl's
 * qualifiers must be a subset of the component's. Returns the reason when it does not match.
 */
export function purlMatches(vexPurl: string, componentPurl: string): { ok: true } | { ok: false; reason: string } {
  const v = parsePurl(vexPurl);
  const c = parsePurl(componentPurl);
  if (v === undefined) return { ok: false, reason: `not a valid purl: ${vexPurl}` };
  if (c === undefined) return { ok: false, reason: `component purl is not valid: ${componentPurl}` };
  if (identity(v) !== identity(c)) return { ok: false, reason: 'different package' };
  if (v.version !== undefined) {
    if (c.version === undefined) return { ok: false, reason: 'the component has no version' };
    if (!sameVersion(v, v.version, c.version)) return { ok: false, reason: `version ${v.version} ≠ ${c.version}` };
  }
  for (const [key, value] of Object.entries(v.qualifiers ?? {})) {
    if (value !== undefined && c.qualifiers?.[key] !== value) return { ok: false, reason: `qualifier ${key}=${value} not on the component` };
  }
  return { ok: true };
}

function identity(p: PurlParts): string {
  const key = packageKeyOfPurl(p);
  if (key !== undefined) return `${p.type}|${key.name}`;
  return `${p.type}|${p.namespace ?? ''}|${p.name}`;
}

function sameVersion(p: PurlParts, a: string, b: string): boolean {
  if (a === b) return true;
  const key = packageKeyOfPurl(p);
  const scheme = key !== undefined ? schemeFor(key.ecosystem) : undefined;
  if (scheme !== undefined) return scheme.compare(a, b) === 0;
  return a.replace(/^v/, '') === b.replace(/^v/, '');
}
