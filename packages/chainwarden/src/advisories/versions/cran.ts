import { compareNumericComponents, components } from './numeric.js';
import type { VersionScheme } from './scheme.js';

/**
 * CRAN (R): `package_version` ordering. A version is two or more non-negative integers separated by `.` or `-`
 * (`1.0-2` is 1.0.2; leading zeros do not count, so `0.01` is 0.1); compared component by component, and when one
 * is a prefix of the other the longer is greater (`1.8 < 1.8.0`, as R's `compareVersion` says).
 */
export class CranVersionScheme implements VersionScheme {
  readonly name = 'cran';

  valid(version: string): boolean {
    return /^\d+([.-]\d+)+$/.test(version.trim());
  }

  compare(a: string, b: string): number {
    return compareNumericComponents(components(a, /[.-]/), components(b, /[.-]/));
  }
}
