/** The semver builtin family: semver.is_valid, semver.compare (SemVer 2.0.0 precedence). */
import { fail } from './registry.js';
import type { BuiltinDecl } from './registry.js';

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

interface Version {
  readonly core: readonly bigint[];
  readonly pre: readonly string[];
}

function parse(s: string): Version | undefined {
  const m = SEMVER.exec(s);
  if (!m) return undefined;
  return { core: [BigInt(m[1] as string), BigInt(m[2] as string), BigInt(m[3] as string)], pre: m[4] ? m[4].split('.') : [] };
}

const cmp = <T>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

function comparePre(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return b.length - a.length === 0 ? 0 : a.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    const c = nx && ny ? cmp(BigInt(x), BigInt(y)) : nx ? -1 : ny ? 1 : cmp(x, y);
    if (c !== 0) return c;
  }
  return cmp(a.length, b.length);
}

export function compareSemver(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (!x) throw fail('semver.compare', `operand 1: string ${JSON.stringify(a)} is not a valid SemVer`);
  if (!y) throw fail('semver.compare', `operand 2: string ${JSON.stringify(b)} is not a valid SemVer`);
  for (let i = 0; i < 3; i++) {
    const c = cmp(x.core[i] as bigint, y.core[i] as bigint);
    if (c !== 0) return c;
  }
  return comparePre(x.pre, y.pre);
}

export const SEMVER_BUILTINS: readonly BuiltinDecl[] = [
  { name: 'semver.is_valid', args: ['any'], impl: ([v]) => typeof v === 'string' && parse(v) !== undefined },
  { name: 'semver.compare', args: ['string', 'string'], impl: ([a, b]) => compareSemver(a as string, b as string) },
];
