/**
 * The summary of one `chainwarden run`: what `run --json` prints and `dist/supply-chain-report.json` holds, and what
 * the Markdown report, the job summary and `docs techdocs` are rendered from.
 */
import type { RunMode } from '../mode.js';
import type { StageOutput, StageResult } from '../stage.js';

/** Where the report goes, relative to the project directory. */
export const REPORT_MARKDOWN = 'dist/supply-chain-report.md';
export const REPORT_JSON = 'dist/supply-chain-report.json';

export interface PolicyVerdict {
  /** `open`/`closed` when the gate ran; `not-evaluated` when it was skipped or never reached. */
  readonly gate: 'open' | 'closed' | 'not-evaluated';
  readonly detail: string;
  readonly failures: readonly { readonly rule: string; readonly msg: string; readonly target: string | null }[];
  /** Warnings per rule (rule, count), most first. */
  readonly warnings: readonly { readonly rule: string; readonly count: number }[];
}

export interface FindingsCounts {
  readonly components: number;
  readonly open: number;
  readonly bySeverity: Readonly<Record<string, number>>;
  readonly byClass: Readonly<Record<string, number>>;
  readonly suppressed: number;
}

export interface RunReport {
  readonly project: string;
  readonly mode: RunMode;
  /** Why this mode: `--mode`, `GITHUB_EVENT_NAME=pull_request`, `default (not in CI)`. */
  readonly modeSource: string;
  /** 0 when every stage passed; otherwise the most severe stage's exit code. */
  readonly exitCode: number;
  readonly policy: PolicyVerdict;
  /** Null when no scan ran (no advisories imported). */
  readonly findings: FindingsCounts | null;
  readonly stages: readonly StageResult[];
  /** The report files, relative to the project; `jobSummary` is true when the Markdown was appended to $GITHUB_STEP_SUMMARY. */
  readonly reports: { readonly markdown: string; readonly json: string; readonly jobSummary: boolean };
}

interface GateLike {
  open?: boolean;
  inputs?: readonly { violations?: readonly { status?: string; rule?: string; msg?: string; target?: string | null }[] }[];
}

export function policyVerdict(stages: readonly StageResult[]): PolicyVerdict {
  const stage = stages.find((s) => s.stage === 'policy');
  const report = stage?.summary as GateLike | undefined;
  if (stage === undefined || report?.open === undefined) return { gate: 'not-evaluated', detail: stage?.detail ?? 'the policy stage did not run', failures: [], warnings: [] };
  const violations = (report.inputs ?? []).flatMap((i) => i.violations ?? []);
  const failures = violations.filter((v) => v.status === 'failure').map((v) => ({ rule: v.rule ?? '', msg: v.msg ?? '', target: v.target ?? null }));
  const counts = new Map<string, number>();
  for (const v of violations) if (v.status === 'warning') counts.set(v.rule ?? '', (counts.get(v.rule ?? '') ?? 0) + 1);
  const warnings = [...counts].map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
  return { gate: report.open ? 'open' : 'closed', detail: stage.detail, failures, warnings };
}

const SEVERITY_ORDER: Readonly<Record<string, number>> = { critical: 0, high: 1, medium: 2, low: 3, unknown: 4 };

interface ScanLike {
  components?: number;
  counts?: { byClass?: Record<string, number>; bySeverity?: Record<string, number>; suppressed?: number };
}

export function findingsCounts(stages: readonly StageResult[]): FindingsCounts | null {
  const scan = stages.find((s) => s.stage === 'scan')?.summary as ScanLike | undefined;
  if (scan?.counts === undefined) return null;
  const given = scan.counts.bySeverity ?? {};
  // Most severe first.
  const bySeverity = Object.fromEntries(Object.entries(given).sort(([a], [b]) => (SEVERITY_ORDER[a] ?? 9) - (SEVERITY_ORDER[b] ?? 9) || a.localeCompare(b)));
  return {
    components: scan.components ?? 0,
    open: Object.values(bySeverity).reduce((a, b) => a + b, 0),
    bySeverity,
    byClass: scan.counts.byClass ?? {},
    suppressed: scan.counts.suppressed ?? 0,
  };
}

export function buildRunReport(input: { project: string; mode: RunMode; modeSource: string; exitCode: number; stages: readonly StageResult[]; jobSummary?: boolean }): RunReport {
  return {
    project: input.project,
    mode: input.mode,
    modeSource: input.modeSource,
    exitCode: input.exitCode,
    policy: policyVerdict(input.stages),
    findings: findingsCounts(input.stages),
    stages: input.stages,
    reports: { markdown: REPORT_MARKDOWN, json: REPORT_JSON, jobSummary: input.jobSummary ?? false },
  };
}

/** `name version` from the SBOM stage, or the directory's name. */
export function projectName(projectDir: string, outputs: ReadonlyMap<string, StageOutput>): string {
  const sbom = outputs.get('sbom')?.summary as { project?: { name: string; version?: string } } | undefined;
  return sbom?.project !== undefined ? `${sbom.project.name}${sbom.project.version !== undefined ? ` ${sbom.project.version}` : ''}` : (projectDir.split(/[\\/]/).pop() ?? projectDir);
}
