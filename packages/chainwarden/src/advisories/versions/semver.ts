import type { SemVer } from 'semver';
import { compare as semverCompare, parse as semverParse } from 'semver';
import type { VersionScheme } from './scheme.js';
import { sign } from './scheme.js';

/**
 * Semantic Versioning 2.0 (npm, crates.io, Go): strict parsing by `semver` (a leading `v` allowed, build
 * metadata ignored). Versions `semver` rejects (too many or too few numeric parts, numbers beyond 2^53) are
 * ordered leniently: missing parts are 0, numbers are compared as big integers, parts after the third belong
 * to the build string, the pre-release compared by SemVer's identifier rules.
 */
export class SemverVersionScheme implements VersionScheme {
  readonly name: string = 'semver';
  private readonly parsed = new Map<string, SemVer | null>();

  valid(version: string): boolean {
    return this.parse(version) !== null;
  }

  compare(a: string, b: string): number {
    const pa = this.parse(a);
    const pb = this.parse(b);
    if (pa !== null && pb !== null) return semverCompare(pa, pb);
    return compareLenient(lenient(a), lenient(b));
  }

  /** Parses once per distinct string (bounded cache: scans compare the same range bounds over and over). */
  private parse(version: string): SemVer | null {
    let v = this.parsed.get(version);
    if (v === undefined) {
      v = semverParse(stripV(version));
      if (this.parsed.size < 200_000) this.parsed.set(version, v);
    }
    return v;
  }
}

function stripV(version: string): string {
  return version.startsWith('v') ? version.slice(1) : version;
}

interface Lenient {
  readonly core: readonly bigint[];
  readonly pre: readonly string[];
}

function lenient(version: string): Lenient {
  const body = stripV(version.trim()).split('+', 1)[0] ?? '';
  const m = /^(\d+(?:\.\d+)*)(.*)$/.exec(body);
  if (m === null) return { core: [0n, 0n, 0n], pre: body === '' ? [] : body.replace(/^-/, '').split('.') };
  const numbers = (m[1] ?? '').split('.');
  const core = [0, 1, 2].map((i) => BigInt(numbers[i] ?? '0'));
  const rest = m[2] ?? '';
  // Parts after the third number are build metadata; so is anything that follows them.
  if (numbers.length > 3) return { core, pre: [] };
  return { core, pre: rest.startsWith('-') ? rest.slice(1).split('.') : rest === '' ? [] : [rest] };
}

function compareLenient(a: Lenient, b: Lenient): number {
  for (let i = 0; i < 3; i++) {
    const c = sign(a.core[i] ?? 0n, b.core[i] ?? 0n);
    if (c !== 0) return c;
  }
  return comparePrerelease(a.pre, b.pre);
}

/** SemVer §11: no pre-release > any pre-release; numeric ids < alphanumeric; shorter list first on a tie. */
export function comparePrerelease(a: readonly string[], b: readonly string[], caseInsensitive = false): number {
  if (a.length === 0 || b.length === 0) return sign(b.length, a.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = caseInsensitive ? (a[i] ?? '').toLowerCase() : (a[i] ?? '');
    const y = caseInsensitive ? (b[i] ?? '').toLowerCase() : (b[i] ?? '');
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    const c = nx && ny ? sign(BigInt(x), BigInt(y)) : nx ? -1 : ny ? 1 : sign(x, y);
    if (c !== 0) return c;
  }
  return sign(a.length, b.length);
}
