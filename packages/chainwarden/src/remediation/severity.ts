/**
 * Remediation severity: the findings' severity (CVSS computed, else the database label), with `unknown` called
 * `unrated` and kept apart — never invented. SLA days per severity come from `backlog.sla` in chainwarden.yaml.
 */
import type { Severity } from '../findings/severity.js';

export const REMEDIATION_SEVERITIES = ['critical', 'high', 'medium', 'low', 'unrated'] as const;
export type RemediationSeverity = (typeof REMEDIATION_SEVERITIES)[number];

const FROM_FINDING: Readonly<Record<Severity, RemediationSeverity>> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low', unknown: 'unrated' };

export function remediationSeverity(s: Severity): RemediationSeverity {
  return FROM_FINDING[s];
}

/** Higher is worse; `unrated` ranks below `low` for "the max of its advisories" (a rated advisory decides). */
export function severityWeight(s: RemediationSeverity): number {
  return { critical: 4, high: 3, medium: 2, low: 1, unrated: 0 }[s];
}

export function maxSeverity(list: readonly RemediationSeverity[]): RemediationSeverity {
  return list.reduce<RemediationSeverity>((a, b) => (severityWeight(b) > severityWeight(a) ? b : a), 'unrated');
}

export type SlaDays = Readonly<Record<RemediationSeverity, number>>;

/** Default SLA, in days from first seen: critical 15, high 30, medium 90, low 180, unrated 90 (labelled as such). */
export const DEFAULT_SLA_DAYS: SlaDays = { critical: 15, high: 30, medium: 90, low: 180, unrated: 90 };

export function slaDays(config: { readonly sla?: Partial<Record<RemediationSeverity, number>> } | undefined): SlaDays {
  return { ...DEFAULT_SLA_DAYS, ...(config?.sla ?? {}) };
}

/** `YYYY-MM-DD` of `iso` plus `days` (UTC). */
export function addDays(iso: string, days: number): string {
  const d = new Date(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function dateOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}
