/** Shared by the workflow-based checks: unreadable workflows become findings with their file and line. */
import type { RepoView } from '../repo.js';
import type { CheckFinding } from '../types.js';

export async function workflowParseFindings(repo: RepoView): Promise<CheckFinding[]> {
  return (await repo.workflowLoads()).flatMap((l) => (l.ok === false ? [{ level: 'Warn' as const, message: `workflow not analysed: ${l.message}`, file: l.path, line: l.line }] : []));
}

/** The reason suffix when some workflows could not be read. */
export function unreadableNote(findings: readonly CheckFinding[]): string {
  const n = findings.filter((f) => f.message.startsWith('workflow not analysed')).length;
  return n > 0 ? ` (${n} workflow(s) could not be read)` : '';
}
