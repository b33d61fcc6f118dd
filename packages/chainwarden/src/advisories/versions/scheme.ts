/**
 * The role every version scheme plays: validate a version string of its ecosystem and order two of them.
 * One file per scheme in this folder, registered in `index.ts` (SCHEMES); nothing else branches on ecosystems.
 */
export interface VersionScheme {
  /** The scheme's name, e.g. `pep440`, `semver`, `maven`. */
  readonly name: string;
  /** True when `version` is a version of this scheme (an invalid one can only be matched by exact string). */
  valid(version: string): boolean;
  /** Negative when a < b, 0 when equal, positive when a > b. Total over any two strings (invalid ones included). */
  compare(a: string, b: string): number;
  /**
   * Optional: a string equal for two versions exactly when `compare` gives 0 (e.g. PEP 440's `1.0` and `1.0.0`),
   * cheap to compute repeatedly. Matching `versions[]` lists uses it when present.
   */
  equalityKey?(version: string): string;
}

/** -1, 0 or 1 for two plain values. */
export function sign(a: number | bigint | string, b: number | bigint | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
