/**
 * How a risk is scored, as data (documented in the README):
 * - likelihood 1–5 from threat data: 5 when the package is malicious, a CVE is in CISA's KEV catalog, or EPSS ≥ 0.5;
 *   4 for EPSS ≥ 0.1; 3 for EPSS ≥ 0.01, or when no EPSS score is known ("possible", said so); 2 for EPSS ≥ 0.001;
 *   1 below that.
 * - impact 1–5 from the highest CVSS base score of the open findings (≥ 9 → 5, ≥ 7 → 4, ≥ 4 → 3, > 0 → 2), else their
 *   severity label (critical 5, high 4, medium 3, low 2; unrated 3, said so), then the product's criticality from
 *   `risk.criticality` (low −1, medium 0, high +1, critical +2), kept within 1–5.
 * - exposure = likelihood × impact (1–25): ≥ 20 critical, ≥ 12 high, ≥ 6 medium, else low.
 * - residual exposure by treatment: mitigate and accept keep the inherent exposure until the backlog entry is
 *   resolved; transfer lowers impact by 2 (at least 1); avoid (remove the component) leaves 0.
 */
import type { Criticality } from '../config-schema.js';
import type { BacklogEntry } from './backlog-entry.js';
import type { ThreatIntel } from './feeds/store.js';

export const TREATMENTS = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export type Treatment = (typeof TREATMENTS)[number];

export type ExposureRating = 'low' | 'medium' | 'high' | 'critical';

export interface Rated {
  readonly level: number;
  readonly label: string;
  /** Why: e.g. `KEV CVE-2021-44228 (due 2021-12-24)`, `EPSS 0.975 (percentile 1.000)`, `CVSS 9.8`. */
  readonly basis: readonly string[];
}

export interface RiskAssessment {
  readonly likelihood: Rated;
  readonly impact: Rated;
  readonly exposure: number;
  readonly rating: ExposureRating;
}

const LIKELIHOOD_LABELS = ['', 'rare', 'unlikely', 'possible', 'likely', 'almost certain'] as const;
const IMPACT_LABELS = ['', 'negligible', 'minor', 'moderate', 'major', 'severe'] as const;
const CRITICALITY_STEP: Readonly<Record<Criticality, number>> = { low: -1, medium: 0, high: 1, critical: 2 };
const SEVERITY_IMPACT: Readonly<Record<string, number>> = { critical: 5, high: 4, medium: 3, low: 2, unrated: 3 };

export function exposureRating(exposure: number): ExposureRating {
  return exposure >= 20 ? 'critical' : exposure >= 12 ? 'high' : exposure >= 6 ? 'medium' : 'low';
}

export function assessRisk(entry: BacklogEntry, intel: ThreatIntel, criticality: Criticality): RiskAssessment {
  const open = entry.findings.filter((f) => f.vex === undefined);
  const findings = open.length > 0 ? open : entry.findings;
  const ids = findings.flatMap((f) => [f.vulnerability, ...f.aliases]);
  const likelihood = likelihoodOf(findings.some((f) => f.class === 'malicious'), intel, ids);
  const scores = findings.map((f) => f.score).filter((s) => s !== undefined);
  const basis: string[] = [];
  let level: number;
  if (findings.some((f) => f.class === 'malicious')) {
    level = 5;
    basis.push('malicious package');
  } else if (scores.length > 0) {
    const top = Math.max(...scores);
    level = top >= 9 ? 5 : top >= 7 ? 4 : top >= 4 ? 3 : top > 0 ? 2 : 1;
    basis.push(`CVSS ${top.toFixed(1)}`);
  } else {
    level = SEVERITY_IMPACT[entry.severity] ?? 3;
    basis.push(entry.severity === 'unrated' ? 'unrated (no CVSS vector or label): assumed moderate' : `severity ${entry.severity} (label)`);
  }
  const step = CRITICALITY_STEP[criticality];
  level = Math.min(5, Math.max(1, level + step));
  basis.push(`asset criticality ${criticality}${step !== 0 ? ` (${step > 0 ? '+' : ''}${step})` : ''}`);
  const impact: Rated = { level, label: IMPACT_LABELS[level] ?? '', basis };
  const exposure = likelihood.level * impact.level;
  return { likelihood, impact, exposure, rating: exposureRating(exposure) };
}

function likelihoodOf(malicious: boolean, intel: ThreatIntel, ids: readonly string[]): Rated {
  const basis: string[] = [];
  const kev = intel.kev(ids);
  const epss = intel.epss(ids);
  if (malicious) basis.push('malicious package');
  if (kev !== undefined) basis.push(`KEV ${kev.cve} (added ${kev.dateAdded}${kev.ransomware ? ', used in ransomware campaigns' : ''})`);
  if (epss !== undefined) basis.push(`EPSS ${epss.epss.toFixed(3)} (percentile ${epss.percentile.toFixed(3)}${epss.scoreDate !== undefined ? `, ${epss.scoreDate.slice(0, 10)}` : ''})`);
  let level: number;
  if (malicious || kev !== undefined || (epss !== undefined && epss.epss >= 0.5)) level = 5;
  else if (epss === undefined) {
    level = 3;
    basis.push('no EPSS score: assumed possible');
  } else level = epss.epss >= 0.1 ? 4 : epss.epss >= 0.01 ? 3 : epss.epss >= 0.001 ? 2 : 1;
  return { level, label: LIKELIHOOD_LABELS[level] ?? '', basis };
}

/** Residual exposure after the chosen treatment (see the module comment). */
export function residualOf(assessment: RiskAssessment, treatment: Treatment): { exposure: number; rating: ExposureRating; basis: string } {
  const { likelihood, impact } = assessment;
  const exposure = treatment === 'avoid' ? 0 : treatment === 'transfer' ? likelihood.level * Math.max(1, impact.level - 2) : assessment.exposure;
  const basis = { mitigate: 'inherent until the backlog entry is resolved', accept: 'inherent (accepted)', transfer: 'impact lowered by 2 (transferred)', avoid: 'none once the component is removed' }[treatment];
  return { exposure, rating: exposureRating(exposure), basis };
}

/** Days until the next review, by exposure rating. */
export const REVIEW_DAYS: Readonly<Record<ExposureRating, number>> = { critical: 14, high: 30, medium: 90, low: 180 };
