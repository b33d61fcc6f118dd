import type { VersionScheme } from './scheme.js';
import { sign } from './scheme.js';

/**
 * Pub (Dart): pub_semver's ordering. `major.minor.patch[-pre][+build]` (a leading `v` allowed, missing parts 0);
 * a pre-release sorts before its release, and — unlike SemVer — build metadata counts: a version with a build
 * sorts after the same version without one, builds compared like pre-releases. Identifiers are split on `.`;
 * numeric ones (big integers) sort before words, words compare by code unit (case-sensitive).
 * Numbers after the third are part of the build, as pub_semver's lenient parsing does for `1.2.3.4`.
 */
export class PubVersionScheme implements VersionScheme {
  readonly name = 'pub';

  valid(version: string): boolean {
    return PATTERN.test(version.trim());
  }

  compare(a: string, b: string): number {
    const pa = parse(a);
    const pb = parse(b);
    for (let i = 0; i < 3; i++) {
      const c = sign(pa.core[i] ?? 0n, pb.core[i] ?? 0n);
      if (c !== 0) return c;
    }
    if (pa.pre.length === 0 || pb.pre.length === 0) {
      const c = sign(pb.pre.length, pa.pre.length);
      if (c !== 0) return c;
    }
    const pre = compareLists(pa.pre, pb.pre);
    if (pre !== 0) return pre;
    if (pa.build.length === 0 || pb.build.length === 0) return sign(pa.build.length, pb.build.length);
    return compareLists(pa.build, pb.build);
  }
}

const PATTERN = /^v?\d+\.\d+\.\d+(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

type Identifier = bigint | string;

interface Parsed {
  readonly core: readonly bigint[];
  readonly pre: readonly Identifier[];
  readonly build: readonly Identifier[];
}

function identifiers(text: string): Identifier[] {
  return text === '' ? [] : text.split('.').map((s) => (/^\d+$/.test(s) ? BigInt(s) : s));
}

function parse(version: string): Parsed {
  const body = version.trim().replace(/^v/, '');
  const plus = body.indexOf('+');
  const main = plus < 0 ? body : body.slice(0, plus);
  let build = plus < 0 ? '' : body.slice(plus + 1);
  const m = /^(\d+(?:\.\d+)*)(?:-(.*))?$/.exec(main);
  if (m === null) return { core: [0n, 0n, 0n], pre: identifiers(main), build: identifiers(build) };
  const numbers = (m[1] ?? '').split('.');
  if (numbers.length > 3) build = [numbers.slice(3).join('.'), build].filter((s) => s !== '').join('.');
  return { core: numbers.slice(0, 3).map((n) => BigInt(n)), pre: identifiers(m[2] ?? ''), build: identifiers(build) };
}

/** pub_semver's list order: element by element (numbers before words), then the shorter list first. */
function compareLists(a: readonly Identifier[], b: readonly Identifier[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) continue;
    if (typeof x === 'bigint' && typeof y !== 'bigint') return -1;
    if (typeof x !== 'bigint' && typeof y === 'bigint') return 1;
    return sign(x, y);
  }
  return sign(a.length, b.length);
}
