/**
 * Dangerous-Workflow: (1) untrusted code checkout — a `pull_request_target` or `workflow_run` workflow that checks
 * out the pull request's head (`actions/checkout` with a `ref` reading github.event.pull_request… /
 * workflow_run…), which runs an outsider's code with the base repository's secrets; (2) script injection — an
 * attacker-controlled `${{ … }}` (issue title, PR head ref, comment body, `toJSON(github.event)`, …) expanded
 * into a `run:` script or an `actions/github-script` script. Each expression is parsed, not pattern-matched.
 */
import { embeddedExpressions } from '../expression.js';
import { readsPullRequestHead, untrustedInputs } from '../untrusted.js';
import type { Located, Workflow } from '../workflow.js';
import type { Check, CheckFinding } from '../types.js';
import { INCONCLUSIVE, MAX_SCORE } from '../types.js';
import { unreadableNote, workflowParseFindings } from './workflow-findings.js';

const PRIVILEGED_TRIGGERS = new Set(['pull_request_target', 'workflow_run']);

/** File line of a character offset inside a script that starts on `script.line`. */
const lineAt = (script: Located, offset: number): number => script.line + (script.value.slice(0, offset).match(/\n/g)?.length ?? 0);

function expressionFindings(w: Workflow, script: Located, where: string, out: CheckFinding[]): void {
  for (const e of embeddedExpressions(script.value)) {
    const line = lineAt(script, e.offset);
    if (e.expr instanceof Error) {
      out.push({ level: 'Debug', message: `unparsable expression \${{${e.source}}}: ${e.expr.message}`, file: w.path, line });
      continue;
    }
    for (const input of untrustedInputs(e.expr)) {
      out.push({ level: 'Warn', message: `script injection: untrusted ${input} expanded into ${where}`, file: w.path, line, snippet: `\${{${e.source}}}` });
    }
  }
}

export function dangerousWorkflowFindings(w: Workflow): CheckFinding[] {
  const out: CheckFinding[] = [];
  const privileged = w.triggers.filter((t) => PRIVILEGED_TRIGGERS.has(t));
  for (const job of w.jobs) {
    for (const step of job.steps) {
      const uses = step.uses?.value ?? '';
      const action = uses.split('@')[0]?.toLowerCase() ?? '';
      if (privileged.length > 0 && action === 'actions/checkout') {
        const ref = step.with.get('ref');
        const reads = ref !== undefined && embeddedExpressions(ref.value).some((e) => !(e.expr instanceof Error) && readsPullRequestHead(e.expr));
        if (ref !== undefined && reads) {
          out.push({ level: 'Warn', message: `untrusted code checkout: ${privileged.join('/')} workflow checks out the pull request head (ref: ${ref.value.trim()})`, file: w.path, line: ref.line, snippet: ref.value.trim() });
        }
      }
      if (step.run !== undefined) expressionFindings(w, step.run, `the run: script of job '${job.id}'`, out);
      if (action === 'actions/github-script') {
        const script = step.with.get('script');
        if (script !== undefined) expressionFindings(w, script, `the github-script of job '${job.id}'`, out);
      }
    }
  }
  return out;
}

export const dangerousWorkflow: Check = {
  name: 'Dangerous-Workflow',
  risk: 'Critical',
  short: 'Determines if the project\'s GitHub Action workflows avoid dangerous patterns.',
  async run(repo) {
    const parse = await workflowParseFindings(repo);
    const workflows = await repo.workflows();
    if (workflows.length === 0) return { score: INCONCLUSIVE, reason: `no workflows found${unreadableNote(parse)}`, findings: parse };
    const findings = workflows.flatMap(dangerousWorkflowFindings);
    const dangerous = findings.filter((f) => f.level === 'Warn').length;
    return {
      score: dangerous > 0 ? 0 : MAX_SCORE,
      reason: `${dangerous > 0 ? `${dangerous} dangerous workflow pattern(s) detected` : 'no dangerous workflow patterns detected'}${unreadableNote(parse)}`,
      findings: [...parse, ...findings],
    };
  },
};
