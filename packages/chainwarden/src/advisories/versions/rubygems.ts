import { eq, gt, valid } from '@renovatebot/ruby-semver';
import type { VersionScheme } from './scheme.js';
import { sign } from './scheme.js';

/**
 * RubyGems: Gem::Version ordering via @renovatebot/ruby-semver. Where that library cannot help — strings it
 * rejects (`1beta`) and numbers beyond 2^53 — the same rules are applied here on big integers: segments are
 * digit or letter runs, trailing zeros of the release and pre-release parts are dropped, a letter segment
 * (pre-release) sorts before a number.
 */
export class RubyGemsVersionScheme implements VersionScheme {
  readonly name = 'rubygems';

  valid(version: string): boolean {
    return valid(version) !== null;
  }

  compare(a: string, b: string): number {
    if (this.valid(a) && this.valid(b) && !HUGE.test(a) && !HUGE.test(b)) {
      if (eq(a, b)) return 0;
      return gt(a, b) ? 1 : -1;
    }
    return compareSegments(canonical(a), canonical(b));
  }
}

const HUGE = /\d{16,}/;

type Segment = bigint | string;

function canonical(version: string): Segment[] {
  const segments: Segment[] = (version.trim().replaceAll('-', '.pre.').match(/[0-9]+|[a-z]+/gi) ?? []).map((s) =>
    /^\d/.test(s) ? BigInt(s) : s,
  );
  const firstString = segments.findIndex((s) => typeof s === 'string');
  const release = firstString < 0 ? segments : segments.slice(0, firstString);
  const pre = firstString < 0 ? [] : segments.slice(firstString);
  return [...dropTrailingZeros(release), ...dropTrailingZeros(pre)];
}

function dropTrailingZeros(segments: Segment[]): Segment[] {
  let end = segments.length;
  while (end > 0 && segments[end - 1] === 0n) end--;
  return segments.slice(0, end);
}

function compareSegments(a: readonly Segment[], b: readonly Segment[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0n;
    const y = b[i] ?? 0n;
    if (x === y) continue;
    if (typeof x === 'string' && typeof y !== 'string') return -1;
    if (typeof x !== 'string' && typeof y === 'string') return 1;
    return sign(x, y);
  }
  return 0;
}
