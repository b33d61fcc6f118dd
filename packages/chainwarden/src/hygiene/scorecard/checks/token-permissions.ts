/**
 * Token-Permissions: the GITHUB_TOKEN should be read-only at the top of every workflow, with writes granted per job.
 * Scoring follows OpenSSF Scorecard: undeclared top-level permissions cost 0.5 (and 0 when a job leaves them
 * undeclared too); a top-level `write-all` costs 0.5 (0 with job-level writes or undeclared jobs); top-level writes
 * cost by scope (contents/packages/actions 10, deployments/security-events 1, checks/statuses 0.5); a job-level
 * write costs 0.5 when the top level is undeclared.
 */
import type { Workflow } from '../workflow.js';
import type { Check, CheckFinding } from '../types.js';
import { INCONCLUSIVE, MAX_SCORE } from '../types.js';
import { unreadableNote, workflowParseFindings } from './workflow-findings.js';

type Level = 'read' | 'write' | 'none' | 'unknown';

interface Perm {
  readonly file: string;
  readonly line: number;
  readonly location: 'top' | 'job';
  readonly job?: string;
  /** Scope name, or `all` for read-all/write-all. */
  readonly token: string;
  readonly level: Level;
  readonly value: string;
}

interface Undeclared {
  readonly file: string;
  readonly line: number;
  readonly location: 'top' | 'job';
  readonly job?: string;
}

const levelOf = (value: string): Level => {
  const v = value.toLowerCase();
  if (v === 'read' || v === 'read-all') return 'read';
  if (v === 'write' || v === 'write-all') return 'write';
  if (v === 'none' || v === '') return 'none';
  return 'unknown';
};

function collect(workflows: readonly Workflow[]): { undeclared: Undeclared[]; perms: Perm[] } {
  const undeclared: Undeclared[] = [];
  const perms: Perm[] = [];
  const declare = (decl: NonNullable<Workflow['permissions']>, file: string, location: 'top' | 'job', job?: string): void => {
    const base = { file, location, ...(job !== undefined ? { job } : {}) };
    if (decl.all !== undefined) perms.push({ ...base, line: decl.all.line, token: 'all', level: levelOf(decl.all.value), value: decl.all.value });
    else if (decl.scopes.size === 0) perms.push({ ...base, line: decl.line, token: 'all', level: 'none', value: 'none' });
    for (const [token, v] of decl.scopes) perms.push({ ...base, line: v.line, token, level: levelOf(v.value), value: v.value });
  };
  for (const w of workflows) {
    if (w.permissions === undefined) undeclared.push({ file: w.path, line: 1, location: 'top' });
    else declare(w.permissions, w.path, 'top');
    for (const job of w.jobs) {
      if (job.permissions === undefined) undeclared.push({ file: w.path, line: job.line, location: 'job', job: job.id });
      else declare(job.permissions, w.path, 'job', job.id);
    }
  }
  return { undeclared, perms };
}

const TOP_COST: Readonly<Record<string, number>> = { checks: 0.5, statuses: 0.5, contents: MAX_SCORE, packages: MAX_SCORE, actions: MAX_SCORE, deployments: 1, 'security-events': 1 };

export function tokenPermissionsScore(workflows: readonly Workflow[], findings: CheckFinding[]): number {
  const { undeclared, perms } = collect(workflows);
  const undeclaredTop = new Set<string>();
  const undeclaredJob = new Set<string>();
  const writeTop = new Set<string>();
  const writeJob = new Set<string>();
  let score = MAX_SCORE;
  // Scorecard's probe order: undeclared permissions, then job-level writes, then top-level ones.
  for (const u of undeclared) {
    if (u.location === 'top') {
      findings.push({ level: 'Warn', message: 'no top-level permissions declared (the token gets the repository default, often write)', file: u.file, line: u.line });
      undeclaredTop.add(u.file);
      score = undeclaredJob.has(u.file) ? 0 : score - 0.5;
    } else {
      findings.push({ level: 'Debug', message: `job '${u.job ?? ''}' declares no permissions (inherits the top level)`, file: u.file, line: u.line });
      undeclaredJob.add(u.file);
      if (writeTop.has(u.file) || undeclaredTop.has(u.file)) score = 0;
    }
  }
  for (const p of perms.filter((x) => x.location === 'job')) {
    if (p.level !== 'write') {
      findings.push({ level: 'Info', message: `job '${p.job ?? ''}' ${p.token === 'all' ? 'permissions' : `'${p.token}' permission`} set to '${p.value}'`, file: p.file, line: p.line });
      continue;
    }
    findings.push({ level: 'Warn', message: `job '${p.job ?? ''}' ${p.token === 'all' ? 'permissions' : `'${p.token}' permission`} set to '${p.value}'`, file: p.file, line: p.line });
    writeJob.add(p.file);
    if (writeTop.has(p.file)) score = 0;
    else if (undeclaredTop.has(p.file)) score -= 0.5;
  }
  for (const p of perms.filter((x) => x.location === 'top')) {
    if (p.level !== 'write') {
      findings.push({ level: 'Info', message: `top-level ${p.token === 'all' ? 'permissions' : `'${p.token}' permission`} set to '${p.value}'`, file: p.file, line: p.line });
      continue;
    }
    writeTop.add(p.file);
    findings.push({ level: 'Warn', message: `top-level ${p.token === 'all' ? 'permissions' : `'${p.token}' permission`} set to '${p.value}' (grant writes per job instead)`, file: p.file, line: p.line });
    if (p.token !== 'all') {
      score -= TOP_COST[p.token] ?? 0;
      continue;
    }
    if (writeJob.has(p.file) || undeclaredJob.has(p.file)) return 0;
    score -= 0.5;
  }
  return Math.max(0, Math.trunc(score));
}

export const tokenPermissions: Check = {
  name: 'Token-Permissions',
  risk: 'High',
  short: 'Determines if the project\'s workflows follow the principle of least privilege.',
  async run(repo) {
    const findings: CheckFinding[] = await workflowParseFindings(repo);
    const workflows = await repo.workflows();
    if (workflows.length === 0) return { score: INCONCLUSIVE, reason: `no workflows found${unreadableNote(findings)}`, findings };
    const score = tokenPermissionsScore(workflows, findings);
    const reason = score === MAX_SCORE ? 'GitHub workflow tokens follow the principle of least privilege' : 'detected GitHub workflow tokens with excessive permissions';
    return { score, reason: `${reason}${unreadableNote(findings)}`, findings };
  },
};
