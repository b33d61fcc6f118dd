import type { VersionScheme } from './scheme.js';
import { sign } from './scheme.js';
import { comparePrerelease } from './semver.js';

/**
 * NuGet: SemVer 2.0 with up to four numeric parts (missing parts are 0, leading zeros ignored),
 * case-insensitive pre-release labels, build metadata ignored.
 */
export class NuGetVersionScheme implements VersionScheme {
  readonly name = 'nuget';

  valid(version: string): boolean {
    return PATTERN.test(version.trim());
  }

  compare(a: string, b: string): number {
    const pa = parse(a);
    const pb = parse(b);
    for (let i = 0; i < 4; i++) {
      const c = sign(pa.numbers[i] ?? 0n, pb.numbers[i] ?? 0n);
      if (c !== 0) return c;
    }
    return comparePrerelease(pa.pre, pb.pre, true);
  }
}

const PATTERN = /^v?\d+(\.\d+){0,3}(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-.]*)?$/;

function parse(version: string): { numbers: bigint[]; pre: string[] } {
  const body = version.trim().replace(/^v/, '').split('+', 1)[0] ?? '';
  const dash = body.indexOf('-');
  const core = dash < 0 ? body : body.slice(0, dash);
  const pre = dash < 0 ? [] : body.slice(dash + 1).split('.');
  const numbers = core.split('.').map((n) => (/^\d+$/.test(n) ? BigInt(n) : 0n));
  return { numbers, pre };
}
