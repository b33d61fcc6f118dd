import { parsePurl } from '../../core/purl-parse.js';
import { normalizePypiName } from '../../core/purl.js';
import type { Ecosystem } from '../../sbom/model.js';

/** What an owner rule is matched against. */
export interface PackageRef {
  readonly name: string;
  readonly purl?: string;
  readonly ecosystem?: Ecosystem;
  /** The manifest or lockfile (relative POSIX path) that declares the dependency. */
  readonly manifest?: string;
}

/**
 * A glob over package names (`*` any run of characters, `/` included, so `@types/*` and `*` work for scoped npm
 * names; `?` one character), or over purls when it starts with `pkg:`. PyPI names compare PEP 503-normalised,
 * so `Django*` matches `django-environ`. A purl pattern without a version matches every version.
 */
export function packageMatcher(glob: string): (pkg: PackageRef) => boolean {
  if (/^pkg:/i.test(glob)) {
    const re = globRegExp(glob);
    return (pkg) => {
      if (pkg.purl === undefined) return false;
      const decoded = safeDecode(pkg.purl);
      return re.test(decoded) || re.test(withoutVersion(pkg.purl));
    };
  }
  const exact = globRegExp(glob);
  const pypi = globRegExp(normalizePypiName(glob));
  return (pkg) => (pkg.ecosystem === 'pypi' ? pypi.test(normalizePypiName(pkg.name)) : exact.test(pkg.name));
}

function globRegExp(glob: string): RegExp {
  let re = '';
  for (const ch of glob) {
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `pkg:type/namespace/name` without version, qualifiers or subpath, percent-decoded. */
function withoutVersion(purl: string): string {
  const parts = parsePurl(purl);
  if (parts === undefined) return purl;
  return `pkg:${parts.type}/${parts.namespace !== undefined ? `${parts.namespace}/` : ''}${parts.name}`;
}
