/**
 * A small PEP 440 comparator, used only to pick between several locked versions of one name when a dependency
 * names it with a constraint. Understands PEP 440 specifier sets (`>=1,<2`, `~=1.4`, `==1.*`, `!=`, `===`) and
 * Poetry's constraint syntax (`^1.2`, `~1.2`, `*`, bare versions, `||` alternatives, space-separated clauses).
 * Versions are parsed by the advisories' PyPI scheme; comparison here ignores local labels, as PEP 440 specifiers do.
 */
import { parsePep440 } from '../../../advisories/versions/pypi.js';

interface Version {
  readonly epoch: number;
  readonly release: readonly number[];
  /** [rank, number]: a=0, b=1, rc=2. */
  readonly pre?: readonly [number, number];
  readonly post?: number;
  readonly dev?: number;
}

const PRE_RANK: Readonly<Record<'a' | 'b' | 'rc', number>> = { a: 0, b: 1, rc: 2 };

/** A version as the constraint checks need it; the grammar is the advisories' PyPI scheme's (one PEP 440 parser). */
export function parseVersion(text: string): Version | undefined {
  const v = parsePep440(text.trim());
  if (v === undefined) return undefined;
  return {
    epoch: v.epoch,
    release: v.release,
    ...(v.pre !== undefined ? { pre: [PRE_RANK[v.pre[0]], v.pre[1]] as const } : {}),
    ...(v.post !== undefined ? { post: v.post } : {}),
    ...(v.dev !== undefined ? { dev: v.dev } : {}),
  };
}

function cmpNum(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpRelease(a: readonly number[], b: readonly number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = cmpNum(a[i] ?? 0, b[i] ?? 0);
    if (c !== 0) return c;
  }
  return 0;
}

export function compareVersions(a: Version, b: Version): number {
  const e = cmpNum(a.epoch, b.epoch);
  if (e !== 0) return e;
  const r = cmpRelease(a.release, b.release);
  if (r !== 0) return r;
  // Pre-release ordering: X.devN < X.aN < X.bN < X.rcN < X < X.postN.
  const preKey = (v: Version): readonly [number, number] => (v.pre !== undefined ? v.pre : v.post === undefined && v.dev !== undefined ? [-1, 0] : [3, 0]);
  const [pa, pb] = [preKey(a), preKey(b)];
  const p = cmpNum(pa[0], pb[0]) || cmpNum(pa[1], pb[1]);
  if (p !== 0) return p;
  const q = cmpNum(a.post ?? -1, b.post ?? -1);
  if (q !== 0) return q;
  return cmpNum(a.dev ?? Infinity, b.dev ?? Infinity);
}

function sameRelease(a: Version, b: Version): boolean {
  return a.epoch === b.epoch && cmpRelease(a.release, b.release) === 0;
}

type Clause = (v: Version, raw: string) => boolean;

function bumpAt(release: readonly number[], index: number): number[] {
  const out = release.slice(0, index + 1).map((n) => n);
  out[index] = (out[index] ?? 0) + 1;
  return out;
}

function range(lower: Version, upperRelease: number[]): Clause {
  const upper: Version = { epoch: lower.epoch, release: upperRelease, dev: 0 }; // `< X.dev0`: excludes X's pre-releases
  return (v) => compareVersions(v, lower) >= 0 && compareVersions(v, upper) < 0;
}

/** One clause such as `>=1.2`, `^1.2`, `==1.*`; undefined when it cannot be read. */
function clause(op: string, operand: string): Clause | undefined {
  if (op === '===') return (_v, raw) => raw.trim() === operand;
  if (operand === '*' && (op === '' || op === '==')) return () => true;
  if (operand.endsWith('.*')) {
    const prefix = parseVersion(operand.slice(0, -2));
    if (prefix === undefined || (op !== '' && op !== '==' && op !== '!=')) return undefined;
    const matches: Clause = (v) => v.epoch === prefix.epoch && prefix.release.every((n, i) => (v.release[i] ?? 0) === n);
    return op === '!=' ? (v, raw) => !matches(v, raw) : matches;
  }
  const target = parseVersion(operand);
  if (target === undefined) return undefined;
  switch (op) {
    case '':
    case '=':
    case '==':
      return (v) => compareVersions(v, target) === 0;
    case '!=':
      return (v) => compareVersions(v, target) !== 0;
    case '>=':
      return (v) => compareVersions(v, target) >= 0;
    case '<=':
      return (v) => compareVersions(v, target) <= 0;
    case '>':
      // PEP 440: `>V` excludes V's post-releases unless V is one.
      return (v) => compareVersions(v, target) > 0 && !(target.post === undefined && v.post !== undefined && sameRelease(v, target));
    case '<':
      // PEP 440: `<V` excludes V's pre-releases unless V is one.
      return (v) => compareVersions(v, target) < 0 && !(target.pre === undefined && target.dev === undefined && (v.pre !== undefined || v.dev !== undefined) && sameRelease(v, target));
    case '~=': {
      if (target.release.length < 2) return undefined;
      return range(target, bumpAt(target.release, target.release.length - 2));
    }
    case '~': {
      // Poetry tilde: ~1.2.3 → <1.3.0; ~1.2 → <1.3; ~1 → <2.
      return range(target, bumpAt(target.release, Math.min(1, target.release.length - 1)));
    }
    case '^': {
      // Poetry caret: bump the first non-zero component (or the last given one).
      const rel = target.release;
      let index = rel.findIndex((n) => n !== 0);
      if (index < 0) index = rel.length - 1;
      return range(target, bumpAt(rel, index));
    }
    default:
      return undefined;
  }
}

const CLAUSE = /^(===|~=|==|!=|<=|>=|<|>|=|\^|~)?\s*(\S+)$/;

/**
 * True/false when `version` satisfies `constraint`; undefined when either cannot be read (the caller then treats
 * every candidate as possible).
 */
export function satisfies(version: string, constraint: string): boolean | undefined {
  const v = parseVersion(version);
  const text = constraint.trim();
  if (text === '' || text === '*') return true;
  if (v === undefined) return undefined;
  let any = false;
  for (const alternative of text.split('||')) {
    const parts = alternative
      .replace(/(===|~=|==|!=|<=|>=|<|>|\^|~)\s+/g, '$1')
      .split(/[\s,]+/)
      .filter((p) => p !== '');
    let all = true;
    for (const part of parts) {
      const m = CLAUSE.exec(part);
      if (m === null) return undefined;
      const check = clause(m[1] ?? '', m[2] as string);
      if (check === undefined) return undefined;
      if (!check(v, version)) all = false;
    }
    if (all) any = true;
  }
  return any;
}
