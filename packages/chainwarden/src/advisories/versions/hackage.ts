import { compareNumericComponents, components } from './numeric.js';
import type { VersionScheme } from './scheme.js';

/**
 * Hackage (Haskell, PVP): `Data.Version` ordering of the numeric branch. A version is one or more non-negative
 * integers separated by `.`, compared component by component; a proper prefix sorts first (`1.0 < 1.0.0`).
 */
export class HackageVersionScheme implements VersionScheme {
  readonly name = 'hackage';

  valid(version: string): boolean {
    return /^\d+(\.\d+)*$/.test(version.trim());
  }

  compare(a: string, b: string): number {
    return compareNumericComponents(components(a, /\./), components(b, /\./));
  }
}
