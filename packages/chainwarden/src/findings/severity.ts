import type { OsvRecord, OsvSeverity } from '../advisories/osv-record.js';
import type { CvssRating, CvssScore, CvssVersion } from './cvss.js';
import { OSV_CVSS_TYPES, cvssScore } from './cvss.js';

/** Severity levels, lowest first. `unknown`: the record carries no severity chainwarden can read (the backlog calls it `unrated`). */
export const SEVERITIES = ['unknown', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export interface SeverityInfo {
  readonly severity: Severity;
  /** Where it came from: `CVSS_V3 <vector>` (with the score), `database_specific.severity HIGH`, `malicious package`, or nothing. */
  readonly source?: string;
  readonly score?: number;
  /** The CVSS version the score was computed with. */
  readonly cvssVersion?: CvssVersion;
}

/** Preference between vectors of one record: the newest CVSS version wins (v4.0, then v3.1, v3.0, v2). */
const VERSION_ORDER: readonly CvssVersion[] = ['4.0', '3.1', '3.0', '2.0'];

const RATING_SEVERITY: Readonly<Record<CvssRating, Severity>> = { none: 'unknown', low: 'low', medium: 'medium', high: 'high', critical: 'critical' };

/** The advisory databases' own labels (GHSA's LOW/MODERATE/HIGH/CRITICAL and the usual synonyms); anything else is not read. */
const LABELS: Readonly<Record<string, Severity>> = { LOW: 'low', MODERATE: 'medium', MEDIUM: 'medium', HIGH: 'high', IMPORTANT: 'high', CRITICAL: 'critical' };

/**
 * The severity of one advisory, never invented: malicious packages are critical; else the base score computed from
 * its CVSS vectors (record-level and per affected package; the newest version wins, then the highest score); else
 * the database's own label (`database_specific.severity`, then `affected[].database_specific` / `ecosystem_specific`);
 * else `unknown`.
 */
export function severityOf(record: OsvRecord): SeverityInfo {
  if (record.kind === 'malicious') return { severity: 'critical', source: 'malicious package' };
  const best = bestCvss([...record.severity, ...record.affected.flatMap((a) => a.severity)]);
  if (best !== undefined) {
    return { severity: RATING_SEVERITY[best.cvss.rating], source: `${best.type} ${best.cvss.vector}`, score: best.cvss.score, cvssVersion: best.cvss.version };
  }
  const labels: [string, string | undefined][] = [
    ['database_specific.severity', record.databaseSeverity],
    ...record.affected.flatMap((a, i): [string, string | undefined][] => (a.severityLabels ?? []).map((l) => [`affected[${i}].${l.from}.severity`, l.label])),
  ];
  for (const [where, label] of labels) {
    const upper = label?.trim().toUpperCase();
    if (upper !== undefined && Object.hasOwn(LABELS, upper)) return { severity: LABELS[upper] ?? 'unknown', source: `${where} ${upper}` };
  }
  return { severity: 'unknown' };
}

function bestCvss(entries: readonly OsvSeverity[]): { type: string; cvss: CvssScore } | undefined {
  let best: { type: string; cvss: CvssScore } | undefined;
  for (const s of entries) {
    const allowed = OSV_CVSS_TYPES[s.type];
    if (allowed === undefined) continue;
    const cvss = cvssScore(s.score);
    if (cvss === undefined || !allowed.includes(cvss.version)) continue;
    if (best === undefined) best = { type: s.type, cvss };
    else {
      const byVersion = VERSION_ORDER.indexOf(cvss.version) - VERSION_ORDER.indexOf(best.cvss.version);
      if (byVersion < 0 || (byVersion === 0 && cvss.score > best.cvss.score)) best = { type: s.type, cvss };
    }
  }
  return best;
}
