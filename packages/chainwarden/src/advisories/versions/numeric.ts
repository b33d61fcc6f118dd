import { sign } from './scheme.js';

/** Helpers for schemes whose versions are lists of integers (CRAN, Hackage). */

/** The integer components of a version; a non-numeric component counts as -1 (below every number). */
export function components(version: string, separator: RegExp): bigint[] {
  return version
    .trim()
    .split(separator)
    .map((part) => (/^\d+$/.test(part) ? BigInt(part) : -1n));
}

/** Lexicographic order of integer lists; a proper prefix sorts first. */
export function compareNumericComponents(a: readonly bigint[], b: readonly bigint[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = sign(a[i] ?? 0n, b[i] ?? 0n);
    if (c !== 0) return c;
  }
  return sign(a.length, b.length);
}
