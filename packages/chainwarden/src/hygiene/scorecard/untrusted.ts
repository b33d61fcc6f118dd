/**
 * Which expression inputs an outsider controls (GitHub Security Lab's "untrusted input" list, as OpenSSF
 * Scorecard applies it): free-text fields of issues, pull requests, comments, commits, discussions, forks and
 * workflow runs, branch names, and whole-event dumps (`toJSON(github.event)`).
 */
import type { Expr } from './expression.js';
import { accessPath, readPaths, walkExpression } from './expression.js';

/** Segment sequences that mark a `github.event.…` path as attacker-controlled; `**` spans any number of segments. */
const UNTRUSTED_SEQUENCES: readonly (readonly string[])[] = [
  ['issue', 'title'],
  ['issue', 'body'],
  ['pull_request', 'title'],
  ['pull_request', 'body'],
  ['comment', 'body'],
  ['review', 'body'],
  ['review_comment', 'body'],
  ['discussion', 'title'],
  ['discussion', 'body'],
  ['pages', '**', 'page_name'],
  ['commits', '**', 'message'],
  ['commits', '**', 'author', 'email'],
  ['commits', '**', 'author', 'name'],
  ['head_commit', 'message'],
  ['head_commit', 'author', 'email'],
  ['head_commit', 'author', 'name'],
  ['pull_request', 'head', 'ref'],
  ['pull_request', 'head', 'label'],
  ['pull_request', 'head', 'repo', 'default_branch'],
  ['blocked_user', 'name'],
  ['blocked_user', 'email'],
  ['forkee', 'name'],
  ['forkee', 'full_name'],
  ['forkee', 'description'],
  ['forkee', 'homepage'],
  ['forkee', 'default_branch'],
  ['workflow_run', 'head_branch'],
  ['workflow_run', 'display_title'],
  ['workflow_run', 'head_repository', 'description'],
  ['workflow_run', 'pull_requests', '**', 'head', 'ref'],
];

function matchesAt(path: readonly string[], at: number, seq: readonly string[]): boolean {
  if (seq.length === 0) return true;
  const [first, ...rest] = seq;
  if (first === '**') {
    for (let k = at; k <= path.length; k++) if (matchesAt(path, k, rest)) return true;
    return false;
  }
  return path[at] === first && matchesAt(path, at + 1, rest);
}

/** True when a context path (lower-case segments) reads attacker-controlled data. */
export function isUntrustedPath(path: readonly string[]): boolean {
  if (path[0] !== 'github') return false;
  if (path[1] === 'head_ref') return true;
  if (path[1] !== 'event') return false;
  for (let i = 2; i < path.length; i++) if (UNTRUSTED_SEQUENCES.some((seq) => matchesAt(path, i, seq))) return true;
  return false;
}

const WHOLE_EVENT = new Set(['github', 'github.event']);

/** The untrusted inputs an expression reads, as dotted paths (`github.event.issue.title`, `toJSON(github.event)`). */
export function untrustedInputs(e: Expr): string[] {
  const found = new Set<string>();
  for (const path of readPaths(e)) if (isUntrustedPath(path)) found.add(path.join('.'));
  walkExpression(e, (node) => {
    if (node.kind !== 'call' || node.name.toLowerCase() !== 'tojson') return;
    const arg = node.args[0];
    const path = arg !== undefined ? accessPath(arg)?.join('.') : undefined;
    if (path !== undefined && WHOLE_EVENT.has(path)) found.add(`toJSON(${path})`);
  });
  return [...found].sort();
}

/** True when an expression reads the pull request's or triggering run's head (what `pull_request_target`/`workflow_run` must not check out). */
export function readsPullRequestHead(e: Expr): boolean {
  return readPaths(e).some(
    (p) => p[0] === 'github' && ((p[1] === 'event' && (p[2] === 'pull_request' || p[2] === 'workflow_run' || (p[2] === 'number' && p.length === 3))) || p[1] === 'head_ref'),
  );
}
