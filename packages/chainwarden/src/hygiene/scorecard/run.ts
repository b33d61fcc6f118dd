/**
 * `chainwarden scorecard`: every check over one repository directory, offline, shaped like OpenSSF Scorecard's JSON
 * (checks[] with name, score, reason, details, documentation; an aggregate score weighted by each check's risk).
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { isoSeconds, sourceDateEpoch } from '../../core/clock.js';
import { UsageError } from '../../core/errors.js';
import { TOOL_VERSION } from '../../core/version.js';
import { CHECKS, CHECK_NAMES } from './checks/index.js';
import { RepoView } from './repo.js';
import type { CheckResult, ScorecardResult } from './types.js';
import { DOCS_BASE, INCONCLUSIVE, RISK_WEIGHT, detailLine } from './types.js';

export interface ScorecardOptions {
  readonly dir: string;
  /** Check names to leave out (case-insensitive). */
  readonly skip?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

/** The aggregate: the risk-weighted mean of conclusive checks, one decimal (Scorecard's formula). */
export function aggregateScore(checks: readonly Pick<CheckResult, 'score' | 'risk'>[]): number {
  const conclusive = checks.filter((c) => c.score !== INCONCLUSIVE);
  if (conclusive.length === 0) return INCONCLUSIVE;
  const weight = conclusive.reduce((s, c) => s + RISK_WEIGHT[c.risk], 0);
  return Math.round((10 * conclusive.reduce((s, c) => s + c.score * RISK_WEIGHT[c.risk], 0)) / weight) / 10;
}

/** Canonical check names for user-given ones; unknown names are a usage error naming the known ones. */
export function resolveCheckNames(names: readonly string[], where = '--skip'): string[] {
  return names.map((n) => {
    const hit = CHECK_NAMES.find((c) => c.toLowerCase() === n.trim().toLowerCase());
    if (hit === undefined) throw new UsageError(`${where}: unknown check "${n}" (checks: ${CHECK_NAMES.join(', ')})`);
    return hit;
  });
}

export async function runScorecard(options: ScorecardOptions): Promise<ScorecardResult> {
  const dir = resolve(options.dir);
  const st = await stat(dir).catch(() => undefined);
  if (st?.isDirectory() !== true) throw new UsageError(`scorecard: ${options.dir}: not a directory`);
  const skip = new Set(resolveCheckNames(options.skip ?? []));
  const repo = new RepoView(dir);
  const checks: CheckResult[] = [];
  for (const check of CHECKS) {
    if (skip.has(check.name)) continue;
    const outcome = await check.run(repo);
    const findings = [...outcome.findings].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
    checks.push({
      name: check.name,
      risk: check.risk,
      score: outcome.score,
      reason: outcome.reason,
      findings,
      details: findings.filter((f) => f.level !== 'Debug').map(detailLine),
      documentation: { short: check.short, url: `${DOCS_BASE}#${check.name.toLowerCase()}` },
    });
  }
  const date = sourceDateEpoch(options.env ?? process.env);
  return {
    ...(date !== undefined ? { date: isoSeconds(date) } : {}),
    repo: { name: basename(dir) },
    scorecard: { version: TOOL_VERSION, tool: 'chainwarden' },
    score: aggregateScore(checks),
    checks,
    skipped: [...skip].sort(),
  };
}
