import type { VersionScheme } from './scheme.js';
import { sign } from './scheme.js';

/**
 * Packagist (Composer): PHP's `version_compare` on a canonical form. A leading `v` is dropped; `-`, `_`, `+` and
 * other non-alphanumerics separate parts, and so does every change between digits and letters (`1.0rc1` is
 * `1.0.rc.1`). Parts compare numerically when both are numbers; otherwise by rank (case-sensitive, like PHP: `ALPHA`
 * is "any other word"): any other word < `dev` < `alpha`/`a` < `beta`/`b` < `RC`/`rc` < a number or `#` < `pl`/`p`. A longer version wins when the extra part is a number
 * or `pl`, loses when it is a pre-release word (`1.0 > 1.0-rc1`, `1.0 < 1.0.1`).
 */
export class PackagistVersionScheme implements VersionScheme {
  readonly name = 'packagist';

  valid(version: string): boolean {
    return /^v?\d/i.test(version.trim());
  }

  compare(a: string, b: string): number {
    const pa = canonical(a);
    const pb = canonical(b);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const c = comparePart(pa[i], pb[i]);
      if (c !== 0) return c;
    }
    return 0;
  }
}

const RANKS: readonly (readonly [string, number])[] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];

/** PHP's special-form lookup (case-sensitive, as PHP's): the first name the part starts with; -6 for none. */
function rank(part: string): number {
  return RANKS.find(([name]) => part.startsWith(name))?.[1] ?? -6;
}

function canonical(version: string): string[] {
  const text = version.trim().replace(/^v(?=\d)/i, '');
  return text.match(/\d+|[A-Za-z]+|#/g) ?? [];
}

const isNumber = (part: string): boolean => /^\d/.test(part);

/** One part against another; a missing part compares like PHP's `#` against the other's form. */
function comparePart(x: string | undefined, y: string | undefined): number {
  if (x === undefined && y === undefined) return 0;
  if (x === undefined) return y !== undefined && isNumber(y) ? -1 : sign(4, rank(y ?? ''));
  if (y === undefined) return isNumber(x) ? 1 : sign(rank(x), 4);
  if (isNumber(x) && isNumber(y)) return sign(BigInt(x), BigInt(y));
  const rx = isNumber(x) ? 4 : rank(x);
  const ry = isNumber(y) ? 4 : rank(y);
  return sign(rx, ry);
}
