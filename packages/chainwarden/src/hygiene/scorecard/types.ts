/** The shapes of a Scorecard-style run: checks, their findings and results (OpenSSF Scorecard's JSON, plus locations). */
import type { RepoView } from './repo.js';

export const MAX_SCORE = 10;
export const INCONCLUSIVE = -1;

export type Risk = 'Critical' | 'High' | 'Medium' | 'Low';

/** Scorecard's aggregate weights per risk level. */
export const RISK_WEIGHT: Readonly<Record<Risk, number>> = { Critical: 10, High: 7.5, Medium: 5, Low: 2.5 };

export type FindingLevel = 'Warn' | 'Info' | 'Debug';

export interface CheckFinding {
  readonly level: FindingLevel;
  readonly message: string;
  /** Repository-relative POSIX path. */
  readonly file?: string;
  readonly line?: number;
  readonly endLine?: number;
  readonly snippet?: string;
}

export interface CheckOutcome {
  /** 0–10, or -1 when the check cannot conclude (e.g. no workflows to look at). */
  readonly score: number;
  readonly reason: string;
  readonly findings: readonly CheckFinding[];
}

export interface CheckResult extends CheckOutcome {
  readonly name: string;
  readonly risk: Risk;
  /** Scorecard-style detail lines: `Warn: message: file:line`. */
  readonly details: readonly string[];
  readonly documentation: { readonly short: string; readonly url: string };
}

/** One check: a file in checks/ and one line in checks/index.ts. */
export interface Check {
  readonly name: string;
  readonly risk: Risk;
  readonly short: string;
  run(repo: RepoView): Promise<CheckOutcome>;
}

export interface ScorecardResult {
  readonly date?: string;
  readonly repo: { readonly name: string };
  readonly scorecard: { readonly version: string; readonly tool: 'chainwarden' };
  /** Risk-weighted mean of the conclusive checks, one decimal; -1 when none concluded. */
  readonly score: number;
  readonly checks: readonly CheckResult[];
  readonly skipped: readonly string[];
}

export const DOCS_BASE = 'https://github.com/ossf/scorecard/blob/main/docs/checks.md';

export function detailLine(f: CheckFinding): string {
  const where = f.file !== undefined ? `: ${f.file}${f.line !== undefined ? `:${f.line}` : ''}` : '';
  return `${f.level}: ${f.message}${where}`;
}
