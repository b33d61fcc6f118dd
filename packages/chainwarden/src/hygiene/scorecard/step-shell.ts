/**
 * Which shell runs a `run:` step, as GitHub decides it: the step's `shell`, else the job's and then the workflow's
 * `defaults.run.shell`, else the runner's default (pwsh on Windows, bash elsewhere). The runner OS comes from the
 * step's `if:` (`runner.os == 'Windows'`, `startsWith(runner.os, 'Windows')`, `matrix.os == 'windows-2019'`) or
 * from `runs-on` (resolving `${{ matrix.os }}` through the job's matrix).
 */
import type { Expr } from './expression.js';
import { accessPath, embeddedExpressions, parseExpression } from './expression.js';
import type { Workflow, WorkflowJob, WorkflowStep } from './workflow.js';

type Os = 'windows' | 'other' | undefined;

const isWindowsLabel = (label: string): boolean => label.toLowerCase().startsWith('windows');

function matrixValues(job: WorkflowJob, key: string): string[] | undefined {
  const m = job.matrix as Record<string, unknown> | undefined;
  if (m === undefined || typeof m !== 'object') return undefined;
  const values: string[] = [];
  const base = m[key];
  if (Array.isArray(base)) values.push(...base.filter((v): v is string => typeof v === 'string'));
  const include = m['include'];
  if (Array.isArray(include)) for (const row of include) if (row !== null && typeof row === 'object' && typeof (row as Record<string, unknown>)[key] === 'string') values.push((row as Record<string, string>)[key] as string);
  return values.length > 0 ? values : undefined;
}

/** The OS a condition implies: looks at the `&&`-conjuncts for runner.os / matrix.os tests. */
function osOfCondition(e: Expr): Os {
  if (e.kind === 'binary' && e.op === '&&') return osOfCondition(e.left) ?? osOfCondition(e.right);
  const negate = (os: Os): Os => (os === undefined ? undefined : os === 'windows' ? 'other' : 'windows');
  if (e.kind === 'not') return negate(osOfCondition(e.operand));
  const osAccess = (x: Expr): boolean => {
    const p = accessPath(x)?.join('.');
    return p === 'runner.os' || p === 'matrix.os';
  };
  const text = (x: Expr): string | undefined => (x.kind === 'literal' && typeof x.value === 'string' ? x.value : undefined);
  if (e.kind === 'binary' && (e.op === '==' || e.op === '!=')) {
    const value = osAccess(e.left) ? text(e.right) : osAccess(e.right) ? text(e.left) : undefined;
    if (value === undefined) return undefined;
    const os: Os = isWindowsLabel(value) ? 'windows' : 'other';
    return e.op === '==' ? os : isWindowsLabel(value) ? 'other' : undefined;
  }
  if (e.kind === 'call' && e.name.toLowerCase() === 'startswith' && e.args[0] !== undefined && osAccess(e.args[0])) {
    const value = e.args[1] !== undefined ? text(e.args[1]) : undefined;
    return value !== undefined && isWindowsLabel(value) ? 'windows' : undefined;
  }
  return undefined;
}

/** Parses an `if:` (with or without `${{ }}`); GitHub also accepts double-quoted strings there, read as literals. */
function parseCondition(raw: string): Expr | undefined {
  const trimmed = raw.trim();
  const inner = trimmed.startsWith('${{') ? (embeddedExpressions(trimmed)[0]?.source ?? '') : trimmed;
  try {
    return parseExpression(inner.replace(/"([^"']*)"/g, "'$1'"));
  } catch {
    return undefined;
  }
}

function runnerOs(job: WorkflowJob): Os {
  const labels = job.runsOn.flatMap((label) => {
    const expr = embeddedExpressions(label)[0];
    if (expr === undefined || expr.expr instanceof Error) return [label];
    const path = accessPath(expr.expr);
    if (path?.[0] === 'matrix' && path.length === 2) return matrixValues(job, path[1] as string) ?? [];
    return [];
  });
  if (labels.length === 0) return undefined;
  return labels.every(isWindowsLabel) ? 'windows' : 'other';
}

export function stepShell(workflow: Workflow, job: WorkflowJob, step: WorkflowStep): string {
  const explicit = step.shell ?? job.defaultShell ?? workflow.defaultShell;
  if (explicit !== undefined) return explicit;
  const cond = step.if !== undefined ? parseCondition(step.if) : undefined;
  const os = (cond !== undefined ? osOfCondition(cond) : undefined) ?? runnerOs(job);
  return os === 'windows' ? 'pwsh' : 'bash';
}

/** Shells whose scripts we read (POSIX ones); `shell: bash -e {0}` and `/bin/sh` count by their binary name. */
export function isPosixShell(shell: string): boolean {
  const bin = (shell.trim().split(/\s+/)[0] ?? '').split('/').pop() ?? '';
  return ['sh', 'bash', 'dash', 'mksh'].includes(bin.toLowerCase());
}
