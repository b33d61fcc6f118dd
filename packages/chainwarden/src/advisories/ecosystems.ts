import type { PurlParts } from '../core/purl.js';
import { normalizePypiName } from '../core/purl.js';

/**
 * purl type ↔ OSV ecosystem, and each ecosystem's package-name normalisation (applied to purls and to the
 * names in OSV records alike, so a PEP 503 spelling or a NuGet case difference never loses a match).
 */
interface EcosystemInfo {
  readonly ecosystem: string;
  /** The OSV package name for a purl's namespace and name. */
  readonly nameOf: (purl: PurlParts) => string;
  /** Normalises an OSV package name of this ecosystem. */
  readonly normalize: (name: string) => string;
}

const slash = (p: PurlParts): string => (p.namespace !== undefined ? `${p.namespace}/${p.name}` : p.name);
const same = (name: string): string => name;
const lower = (name: string): string => name.toLowerCase();

const BY_PURL_TYPE: Readonly<Record<string, EcosystemInfo>> = {
  pypi: { ecosystem: 'PyPI', nameOf: (p) => normalizePypiName(p.name), normalize: normalizePypiName },
  npm: { ecosystem: 'npm', nameOf: slash, normalize: same },
  cargo: { ecosystem: 'crates.io', nameOf: (p) => p.name, normalize: same },
  golang: { ecosystem: 'Go', nameOf: slash, normalize: same },
  maven: { ecosystem: 'Maven', nameOf: (p) => (p.namespace !== undefined ? `${p.namespace}:${p.name}` : p.name), normalize: same },
  gem: { ecosystem: 'RubyGems', nameOf: (p) => p.name, normalize: same },
  nuget: { ecosystem: 'NuGet', nameOf: (p) => p.name.toLowerCase(), normalize: lower },
  deb: { ecosystem: 'Debian', nameOf: (p) => p.name, normalize: same },
  composer: { ecosystem: 'Packagist', nameOf: (p) => slash(p).toLowerCase(), normalize: lower },
  hex: { ecosystem: 'Hex', nameOf: (p) => p.name.toLowerCase(), normalize: lower },
  pub: { ecosystem: 'Pub', nameOf: (p) => p.name, normalize: same },
  cran: { ecosystem: 'CRAN', nameOf: (p) => p.name, normalize: same },
  hackage: { ecosystem: 'Hackage', nameOf: (p) => p.name, normalize: same },
  apk: { ecosystem: 'Alpine', nameOf: (p) => p.name, normalize: same },
};

const BY_ECOSYSTEM = new Map(Object.values(BY_PURL_TYPE).map((info) => [info.ecosystem, info]));

/** The OSV ecosystem and normalised package name of a purl, or undefined for purl types OSV does not cover. */
export function packageKeyOfPurl(purl: PurlParts): { ecosystem: string; name: string } | undefined {
  const info = Object.hasOwn(BY_PURL_TYPE, purl.type) ? BY_PURL_TYPE[purl.type] : undefined;
  if (info === undefined) return undefined;
  return { ecosystem: info.ecosystem, name: info.nameOf(purl) };
}

/** The base ecosystem (`Debian:12` → `Debian`) and normalised name of an OSV `affected[].package`. */
export function packageKeyOfOsv(ecosystem: string, name: string): { ecosystem: string; name: string } {
  const base = ecosystem.split(':', 1)[0] ?? ecosystem;
  const info = BY_ECOSYSTEM.get(base);
  return { ecosystem: base, name: info === undefined ? name : info.normalize(name) };
}

/** One string key for maps: `PyPI/requests`. */
export function packageKey(key: { ecosystem: string; name: string }): string {
  return `${key.ecosystem}/${key.name}`;
}
