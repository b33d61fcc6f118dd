import type { OsvAffected, OsvRange } from './osv-record.js';
import { eventVersion } from './osv-record.js';
import type { VersionScheme } from './versions/index.js';

/** Why a version is affected: the `versions[]` entry or the range interval that matched. */
export type AffectedBy =
  | { readonly by: 'version'; readonly entry: string }
  | {
      readonly by: 'range';
      readonly type: 'SEMVER' | 'ECOSYSTEM';
      readonly introduced: string;
      readonly fixed?: string;
      readonly lastAffected?: string;
      readonly limit?: string;
    };

/** One affected interval of a range: introduced ≤ v < fixed, or introduced ≤ v ≤ last_affected, or open. */
interface Interval {
  readonly introduced: string;
  readonly fixed?: string;
  readonly lastAffected?: string;
}

/**
 * Whether `version` is affected by one `affected[]` entry: an exact `versions[]` entry (parsed comparison, or
 * the same string), else a SEMVER/ECOSYSTEM range. GIT ranges are skipped (they speak of commits, not
 * releases) without stopping at them. `scheme` undefined: only exact `versions[]` strings can match, and
 * `rangesUnevaluated` says how many ranges could not be evaluated.
 */
export function affectedBy(
  version: string,
  affected: OsvAffected,
  scheme: VersionScheme | undefined,
): { match?: AffectedBy; rangesUnevaluated: number } {
  const exact = affected.versions.find((entry) => entry === version);
  if (exact !== undefined) return { match: { by: 'version', entry: exact }, rangesUnevaluated: 0 };
  if (scheme !== undefined) {
    const key = scheme.equalityKey?.(version);
    const same = key !== undefined ? (entry: string): boolean => scheme.equalityKey?.(entry) === key : (entry: string): boolean => scheme.compare(entry, version) === 0;
    const entry = affected.versions.find(same);
    if (entry !== undefined) return { match: { by: 'version', entry }, rangesUnevaluated: 0 };
  }
  let rangesUnevaluated = 0;
  for (const range of affected.ranges) {
    if (range.type === 'GIT') continue;
    if (scheme === undefined) {
      rangesUnevaluated++;
      continue;
    }
    const hit = inRange(version, range, scheme);
    if (hit !== undefined) return { match: hit, rangesUnevaluated };
  }
  return { rangesUnevaluated };
}

/** A range's intervals and limit, worked out once per range and scheme (a scan judges the same ranges many times). */
interface Prepared {
  readonly scheme: VersionScheme;
  readonly limit?: string;
  readonly intervals: readonly Interval[];
}

const PREPARED = new WeakMap<OsvRange, Prepared>();

function prepare(range: OsvRange, scheme: VersionScheme): Prepared {
  const cached = PREPARED.get(range);
  if (cached?.scheme === scheme) return cached;
  const limits = range.events.flatMap((e) => ('limit' in e ? [e.limit] : []));
  const limit = limits.length === 0 ? undefined : limits.reduce((a, b) => (scheme.compare(a, b) >= 0 ? a : b));
  const prepared: Prepared = { scheme, ...(limit !== undefined ? { limit } : {}), intervals: intervals(range, scheme) };
  PREPARED.set(range, prepared);
  return prepared;
}

function inRange(version: string, range: OsvRange, scheme: VersionScheme): AffectedBy | undefined {
  const type = range.type === 'SEMVER' ? 'SEMVER' : 'ECOSYSTEM';
  const { limit, intervals: list } = prepare(range, scheme);
  if (limit !== undefined && limit !== '*' && scheme.compare(version, limit) >= 0) return undefined;
  for (const interval of list) {
    if (interval.introduced !== '0' && scheme.compare(version, interval.introduced) < 0) continue;
    if (interval.fixed !== undefined && scheme.compare(version, interval.fixed) >= 0) continue;
    if (interval.lastAffected !== undefined && scheme.compare(version, interval.lastAffected) > 0) continue;
    return { by: 'range', type, ...interval, ...(limit !== undefined ? { limit } : {}) };
  }
  return undefined;
}

/** Events sorted by version (introduced "0" first), paired into intervals. */
function intervals(range: OsvRange, scheme: VersionScheme): Interval[] {
  const events = range.events
    .map(eventVersion)
    .filter((e) => e.kind !== 'limit')
    .sort((a, b) => {
      if (a.version === '0' && a.kind === 'introduced') return b.version === '0' && b.kind === 'introduced' ? 0 : -1;
      if (b.version === '0' && b.kind === 'introduced') return 1;
      return scheme.compare(a.version, b.version);
    });
  const out: Interval[] = [];
  let open: string | undefined;
  for (const e of events) {
    if (e.kind === 'introduced') open ??= e.version;
    else if (open !== undefined) {
      out.push(e.kind === 'fixed' ? { introduced: open, fixed: e.version } : { introduced: open, lastAffected: e.version });
      open = undefined;
    }
  }
  if (open !== undefined) out.push({ introduced: open });
  return out;
}

/** Every `fixed` version named by an entry's SEMVER/ECOSYSTEM ranges, in range order, without duplicates. */
export function fixedVersions(affected: OsvAffected): string[] {
  const out = new Set<string>();
  for (const range of affected.ranges) {
    if (range.type === 'GIT') continue;
    for (const e of range.events) if ('fixed' in e) out.add(e.fixed);
  }
  return [...out];
}
