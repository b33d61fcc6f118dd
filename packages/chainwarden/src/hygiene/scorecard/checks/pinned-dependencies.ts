import type { PinnedDependency } from '../pinning.js';
import { collectDependencies } from '../pinning.js';
import type { Check, CheckFinding } from '../types.js';
import { INCONCLUSIVE, MAX_SCORE } from '../types.js';
import { unreadableNote, workflowParseFindings } from './workflow-findings.js';

const LABEL: Readonly<Record<PinnedDependency['type'], string>> = {
  GitHubAction: 'GitHub action not pinned by hash',
  containerImage: 'container image not pinned by digest',
  downloadThenRun: 'downloaded script executed without verification',
  pipCommand: 'pip install not pinned by hash',
  npmCommand: 'npm install not from a lockfile (use npm ci)',
  goCommand: 'go install/get not pinned by hash or exact version',
  chocoCommand: 'choco install without checksum verification',
  nugetCommand: 'NuGet install without a fixed version',
};

/**
 * Score: the mean over dependency kinds of the share pinned (×10); GitHub Actions count as one kind where
 * GitHub-owned actions weigh 2 and third-party ones 8, as Scorecard weighs them.
 */
export function pinnedScore(deps: readonly PinnedDependency[]): number {
  const byType = new Map<string, PinnedDependency[]>();
  for (const d of deps) byType.set(d.type, [...(byType.get(d.type) ?? []), d]);
  const scores: number[] = [];
  for (const [type, list] of byType) {
    if (type === 'GitHubAction') {
      const owned = list.filter((d) => d.githubOwned === true);
      const third = list.filter((d) => d.githubOwned !== true);
      const parts: [number, number][] = [];
      if (owned.length > 0) parts.push([2, owned.filter((d) => d.pinned).length / owned.length]);
      if (third.length > 0) parts.push([8, third.filter((d) => d.pinned).length / third.length]);
      const weight = parts.reduce((s, [w]) => s + w, 0);
      scores.push((MAX_SCORE * parts.reduce((s, [w, r]) => s + w * r, 0)) / weight);
    } else scores.push((MAX_SCORE * list.filter((d) => d.pinned).length) / list.length);
  }
  return Math.floor(scores.reduce((a, b) => a + b, 0) / scores.length);
}

export const pinnedDependencies: Check = {
  name: 'Pinned-Dependencies',
  risk: 'Medium',
  short: 'Determines if the project has declared and pinned the dependencies of its build process.',
  async run(repo) {
    const parse = await workflowParseFindings(repo);
    const deps = await collectDependencies(repo);
    const findings: CheckFinding[] = [
      ...parse,
      ...deps.map((d) => ({ level: d.pinned ? ('Info' as const) : ('Warn' as const), message: d.pinned ? `pinned ${d.type}: ${d.snippet}` : `${LABEL[d.type]}: ${d.snippet}`, file: d.file, line: d.line, ...(d.endLine !== d.line ? { endLine: d.endLine } : {}), snippet: d.snippet })),
    ];
    if (deps.length === 0) return { score: INCONCLUSIVE, reason: `no dependencies found${unreadableNote(parse)}`, findings };
    const unpinned = deps.filter((d) => !d.pinned).length;
    const score = pinnedScore(deps);
    return { score, reason: unpinned === 0 ? `${deps.length === 1 ? 'the only dependency is' : `all ${deps.length} dependencies are`} pinned${unreadableNote(parse)}` : `${unpinned} of ${deps.length} dependencies not pinned${unreadableNote(parse)}`, findings };
  },
};
