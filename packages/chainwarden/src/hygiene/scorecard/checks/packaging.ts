/**
 * Packaging: does a workflow publish the project (npm to registry.npmjs.org, PyPI, Maven, Gradle, RubyGems, NuGet,
 * crates.io, Hex, sbt, container images, GoReleaser, semantic-release)? Scorecard gives 10 when one does and stays
 * inconclusive otherwise (publishing by hand is not wrong, just unseen).
 */
import { binaryName, parseScript } from '../shell.js';
import type { Workflow, WorkflowJob } from '../workflow.js';
import type { Check, CheckFinding } from '../types.js';
import { INCONCLUSIVE, MAX_SCORE } from '../types.js';

const PUBLISH_ACTIONS: readonly [RegExp, string][] = [
  [/^pypa\/gh-action-pypi-publish$/i, 'PyPI'],
  [/^docker\/build-push-action$/i, 'container image'],
  [/^goreleaser\/goreleaser-action$/i, 'GoReleaser'],
  [/^(relekang|python-semantic-release)\/python-semantic-release$/i, 'PyPI (semantic-release)'],
];

type CommandRule = (w: readonly string[]) => string | undefined;
const COMMAND_RULES: readonly CommandRule[] = [
  (w) => (binaryName(w[0] ?? '') === 'mvn' && w.includes('deploy') ? 'Maven' : undefined),
  (w) => (/^(gradle|gradlew)$/.test(binaryName(w[0] ?? '')) && w.some((a) => /^publish/.test(a)) ? 'Gradle' : undefined),
  (w) => (binaryName(w[0] ?? '') === 'gem' && w[1] === 'push' ? 'RubyGems' : undefined),
  (w) => (binaryName(w[0] ?? '') === 'nuget' && w[1] === 'push' ? 'NuGet' : undefined),
  (w) => (binaryName(w[0] ?? '') === 'dotnet' && w[1] === 'nuget' && w[2] === 'push' ? 'NuGet' : undefined),
  (w) => (binaryName(w[0] ?? '') === 'docker' && w[1] === 'push' ? 'container image' : undefined),
  (w) => (binaryName(w[0] ?? '') === 'cargo' && w[1] === 'publish' ? 'crates.io' : undefined),
  (w) => (binaryName(w[0] ?? '') === 'mix' && w[1] === 'hex.publish' ? 'Hex' : undefined),
  (w) => (binaryName(w[0] ?? '') === 'sbt' && w.some((a) => a === 'ci-release' || a === 'publish' || a === 'publishSigned') ? 'sbt' : undefined),
  (w) => (binaryName(w[0] ?? '') === 'twine' && w[1] === 'upload' ? 'PyPI' : undefined),
  (w) => (['npx', 'semantic-release'].includes(binaryName(w[0] ?? '')) && w.some((a) => a === 'semantic-release') ? 'semantic-release' : undefined),
];

/** What a job publishes, with the line of the step that does it. */
function jobPublishes(job: WorkflowJob): { what: string; line: number } | undefined {
  let npmRegistry = false;
  for (const step of job.steps) {
    const action = step.uses?.value.split('@')[0] ?? '';
    const hit = PUBLISH_ACTIONS.find(([re]) => re.test(action));
    if (hit !== undefined) return { what: hit[1], line: step.uses?.line ?? step.line };
    if (/^actions\/setup-node$/i.test(action)) npmRegistry = /registry\.npmjs\.org/.test(step.with.get('registry-url')?.value ?? '');
    if (step.run === undefined) continue;
    for (const p of parseScript(step.run.value).pipelines)
      for (const c of p.commands) {
        const w = c.words.map((x) => x.text);
        const name = binaryName(w[0] ?? '');
        if (npmRegistry && ['npm', 'yarn', 'pnpm'].includes(name) && w[1] === 'publish') return { what: 'npm', line: step.run.line + c.line };
        for (const rule of COMMAND_RULES) {
          const what = rule(w);
          if (what !== undefined) return { what, line: step.run.line + c.line };
        }
      }
  }
  return undefined;
}

export function packagingWorkflow(w: Workflow): { what: string; line: number } | undefined {
  for (const job of w.jobs) {
    const hit = jobPublishes(job);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

export const packaging: Check = {
  name: 'Packaging',
  risk: 'Medium',
  short: 'Determines if the project is published as a package that others can easily download, install, and update.',
  async run(repo) {
    const findings: CheckFinding[] = [];
    for (const w of await repo.workflows()) {
      const hit = packagingWorkflow(w);
      if (hit !== undefined) findings.push({ level: 'Info', message: `workflow publishes to ${hit.what}`, file: w.path, line: hit.line });
    }
    if (findings.length === 0) return { score: INCONCLUSIVE, reason: 'packaging workflow not detected', findings: [{ level: 'Warn', message: 'no workflow publishes a package (GitHub Actions)' }] };
    return { score: MAX_SCORE, reason: 'packaging workflow detected', findings };
  },
};
