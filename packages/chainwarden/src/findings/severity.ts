import type { OsvRecord } from '../advisories/osv-record.js';
import { cvss3BaseScore } from './cvss3.js';

/** Severity levels, lowest first. `unknown`: the record carries no severity chainwarden can read. */
export const SEVERITIES = ['unknown', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export interface SeverityInfo {
  readonly severity: Severity;
  /** Where it came from: `CVSS_V3 <vector>` (with the score), `database_specific`, `malicious`, or nothing. */
  readonly source?: string;
  readonly score?: number;
}

const DATABASE_LEVELS: Readonly<Record<string, Severity>> = { LOW: 'low', MODERATE: 'medium', MEDIUM: 'medium', HIGH: 'high', CRITICAL: 'critical' };

/** The severity of one advisory: malicious packages are critical; else CVSS v3 (record, then affected), else the database's label. */
export function severityOf(record: OsvRecord): SeverityInfo {
  if (record.kind === 'malicious') return { severity: 'critical', source: 'malicious package' };
  for (const s of [...record.severity, ...record.affected.flatMap((a) => a.severity)]) {
    if (s.type !== 'CVSS_V3') continue;
    const score = cvss3BaseScore(s.score);
    if (score !== undefined) return { severity: rating(score), source: `CVSS_V3 ${s.score}`, score };
  }
  const label = record.databaseSeverity?.toUpperCase();
  if (label !== undefined && Object.hasOwn(DATABASE_LEVELS, label)) {
    return { severity: DATABASE_LEVELS[label] ?? 'unknown', source: `database_specific.severity ${label}` };
  }
  return { severity: 'unknown' };
}

function rating(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'unknown';
}
