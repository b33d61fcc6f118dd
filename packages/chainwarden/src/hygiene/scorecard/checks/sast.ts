/**
 * SAST: a static analyser (CodeQL, Semgrep, Snyk, Pysa, Qodana, Hadolint, SonarCloud) that a workflow actually runs.
 * A tool configured (.semgrep.yml, .github/codeql/…) but run by no workflow is a finding, not a pass. Offline we
 * cannot see past runs, so "runs on every change" means a workflow triggered by push or pull_request runs it.
 * A tool invoked as a command (`semgrep ci`) only counts when the job installs it (pip/pipx/uv tool/brew install,
 * `uvx`/`pipx run`, a semgrep container or action): a call to a tool that is never installed fails or is skipped, so
 * it is a finding, not a run.
 * Score: 10 run on every change; 7 run only on a schedule or by hand; 3 configured (or called) but never run; 0 none.
 */
import { binaryName, parseScript } from '../shell.js';
import type { Workflow, WorkflowJob } from '../workflow.js';
import type { Check, CheckFinding } from '../types.js';
import { MAX_SCORE } from '../types.js';

/** Action name (before @) → tool. */
const ACTION_TOOLS: readonly [RegExp, string][] = [
  [/^github\/codeql-action\/analyze$/i, 'CodeQL'],
  [/^snyk\/actions\/.+/i, 'Snyk'],
  [/^facebook\/pysa-action$/i, 'Pysa'],
  [/^jetbrains\/qodana-action$/i, 'Qodana'],
  [/^hadolint\/hadolint-action$/i, 'Hadolint'],
  [/^(returntocorp|semgrep)\/semgrep-action$/i, 'Semgrep'],
  [/^sonarsource\/sonar(cloud|qube)-(github-)?(scan-)?action$/i, 'Sonar'],
];

/** Command (binary + subcommand) in a run: script → tool. */
const COMMAND_TOOLS: readonly [(words: readonly string[]) => boolean, string][] = [
  [(w) => binaryName(w[0] ?? '') === 'semgrep' && ['ci', 'scan', '--config'].some((s) => w.includes(s)), 'Semgrep'],
  [(w) => binaryName(w[0] ?? '') === 'codeql' && w[1] === 'database' && w[2] === 'analyze', 'CodeQL'],
  [(w) => binaryName(w[0] ?? '') === 'snyk' && w[1] === 'code', 'Snyk'],
];

const CONFIG_FILES: readonly [RegExp, string][] = [
  [/^\.semgrep\.ya?ml$|^\.semgrep\/.+\.ya?ml$|^semgrep\.ya?ml$/, 'Semgrep'],
  [/^\.github\/codeql\/.+\.ya?ml$/, 'CodeQL'],
  [/^sonar-project\.properties$/, 'Sonar'],
  [/^qodana\.ya?ml$/, 'Qodana'],
];

const ON_CHANGE = new Set(['push', 'pull_request', 'pull_request_target', 'merge_group']);

export interface SastRun {
  readonly tool: string;
  readonly file: string;
  readonly line: number;
  readonly onChange: boolean;
  /** False for a command whose tool the job never installs. */
  readonly installed: boolean;
}

/** Does this job make the `semgrep`/`codeql`/`snyk` command available? */
function installs(job: WorkflowJob, tool: string): boolean {
  const bin = tool.toLowerCase();
  if (job.container?.toLowerCase().includes(bin) === true) return true;
  for (const step of job.steps) {
    if ((step.uses?.value.toLowerCase() ?? '').includes(bin)) return true;
    if (step.run === undefined) continue;
    for (const p of parseScript(step.run.value).pipelines)
      for (const c of p.commands) {
        const w = c.words.map((x) => x.text.toLowerCase());
        const name = binaryName(w[0] ?? '');
        const installing = (name === 'pip' || name === 'pip3' || name === 'pipx' || name === 'brew' || name === 'npm') && w.includes('install');
        const uvTool = name === 'uv' && ((w[1] === 'tool' && w[2] === 'install') || w[1] === 'pip' || w[1] === 'add');
        const python = /^python/.test(name) && w.includes('pip') && w.includes('install');
        const ephemeral = name === 'uvx' || (name === 'pipx' && w[1] === 'run') || (name === 'uv' && w[1] === 'tool' && w[2] === 'run') || name === 'npx';
        if ((installing || uvTool || python || ephemeral) && w.slice(1).some((a) => a === bin || a.startsWith(`${bin}=`) || a.startsWith(`${bin}>`) || a.startsWith(`${bin}[`) || a.startsWith(`${bin}@`))) return true;
        if (name === 'curl' || name === 'wget') {
          if (w.some((a) => a.includes(bin))) return true;
        }
      }
  }
  return false;
}

/** The SAST tools a workflow runs, with the step that runs each. */
export function sastRuns(w: Workflow): SastRun[] {
  const onChange = w.triggers.some((t) => ON_CHANGE.has(t));
  const out: SastRun[] = [];
  for (const job of w.jobs)
    for (const step of job.steps) {
      const action = step.uses?.value.split('@')[0] ?? '';
      const byAction = ACTION_TOOLS.find(([re]) => re.test(action.replace(/^actions:\/\//, '')));
      if (byAction !== undefined) out.push({ tool: byAction[1], file: w.path, line: step.uses?.line ?? step.line, onChange, installed: true });
      if (step.run !== undefined) {
        for (const p of parseScript(step.run.value).pipelines)
          for (const c of p.commands) {
            const hit = COMMAND_TOOLS.find(([match]) => match(c.words.map((x) => x.text)));
            if (hit !== undefined) out.push({ tool: hit[1], file: w.path, line: step.run.line + c.line, onChange, installed: installs(job, hit[1]) });
          }
      }
    }
  return out;
}

export const sast: Check = {
  name: 'SAST',
  risk: 'Medium',
  short: 'Determines if the project uses static code analysis.',
  async run(repo) {
    const all = (await repo.workflows()).flatMap(sastRuns);
    const runs = all.filter((r) => r.installed);
    const findings: CheckFinding[] = runs.map((r) => ({ level: 'Info', message: `${r.tool} runs in a workflow${r.onChange ? ' on every change' : ' (not on push/pull_request)'}`, file: r.file, line: r.line }));
    for (const r of all.filter((x) => !x.installed)) findings.push({ level: 'Warn', message: `${r.tool} is called but never installed in this job (the step fails, or is skipped when errors are ignored)`, file: r.file, line: r.line });
    const configured = [
      ...(await repo.files()).flatMap((f) => CONFIG_FILES.filter(([re]) => re.test(f)).map(([, tool]) => ({ tool, file: f }))),
      ...all.filter((r) => !r.installed).map((r) => ({ tool: r.tool, file: r.file })),
    ];
    const ran = new Set(runs.map((r) => r.tool));
    const idle = configured.filter((c) => !ran.has(c.tool));
    for (const c of idle) if (!c.file.startsWith('.github/workflows/')) findings.push({ level: 'Warn', message: `${c.tool} is configured but no workflow runs it`, file: c.file });
    const tools = [...ran].sort().join(', ');
    if (runs.some((r) => r.onChange)) return { score: MAX_SCORE, reason: `SAST tool runs on every change: ${tools}`, findings };
    if (runs.length > 0) return { score: 7, reason: `SAST tool runs, but not on push or pull requests: ${tools}`, findings };
    if (idle.length > 0) return { score: 3, reason: `SAST tool configured or called but never run: ${[...new Set(idle.map((c) => c.tool))].sort().join(', ')}`, findings };
    return { score: 0, reason: 'no SAST tool detected', findings: [...findings, { level: 'Warn', message: 'no workflow runs CodeQL, Semgrep or another static analyser' }] };
  },
};
