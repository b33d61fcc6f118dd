import { resolve } from 'node:path';
import type { ProvenanceSummary } from '../../attest/provenance.js';
import { runPipeline } from '../../pipeline.js';
import type { GateReport } from '../../policy/result.js';
import type { SbomSummary } from '../../sbom/generate.js';
import type { SignOutputsSummary } from '../../attest/sign-outputs.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';
import { renderDiffSummary } from './diff-summary.js';
import type { MatrixStageSummary } from '../../pipeline/matrix-stage.js';
import { renderMatrixStage } from './matrix-summary.js';
import { renderPolicySummary } from './policy-summary.js';
import { renderProvenanceSummary } from './provenance.js';
import { renderSbomSummary } from './sbom.js';
import { renderSignSummary } from './sign-summary.js';
import type { ScorecardResult } from '../../hygiene/scorecard/types.js';
import { renderScorecard } from './scorecard.js';

/** How each stage's summary is shown to a person; stages without one show their detail line only. */
const RENDERERS: Readonly<Record<string, (summary: unknown, io: CliIo) => string>> = {
  sbom: (summary, io) => renderSbomSummary(summary as SbomSummary, io),
  provenance: (summary, io) => renderProvenanceSummary(summary as ProvenanceSummary, io),
  sign: (summary, io) => renderSignSummary(summary as SignOutputsSummary, io),
  diff: (summary, io) => renderDiffSummary(summary, io),
  policy: (summary, io) => renderPolicySummary(summary as GateReport, io),
  scorecard: (summary, io) => renderScorecard(summary as ScorecardResult, io),
  matrix: (summary) => renderMatrixStage(summary as MatrixStageSummary),
};

export async function runCommand(projectDirArg: string | undefined, flags: { json?: boolean; mode?: string }, io: CliIo): Promise<number> {
  const projectDir = resolve(io.cwd, projectDirArg ?? '.');
  const result = await runPipeline({ projectDir, env: io.env, ...(flags.mode !== undefined ? { mode: flags.mode } : {}) });
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.exitCode;
  }
  const s = style(io.stdout, io.env);
  io.stdout.write(`${s.bold('chainwarden run')} ${result.project} (${result.mode} run: ${result.modeSource})\n\n`);
  for (const stage of result.stages) {
    const render = RENDERERS[stage.stage];
    if (render !== undefined && stage.summary !== undefined) {
      const text = render(stage.summary, io);
      io.stdout.write(`${text}${text.endsWith('\n') ? '' : '\n'}\n`);
    }
  }
  const mark = (status: string): string => (status === 'ok' ? s.green('ok') : status === 'warn' ? s.yellow('warn') : status === 'failed' ? s.red('failed') : s.dim(status));
  io.stdout.write(`${table(result.stages.map((st) => [mark(st.status), st.stage, st.detail, `${st.durationMs} ms`]), '')}\n\n`);
  const total = result.stages.reduce((sum, st) => sum + st.durationMs, 0);
  const gate = result.policy.gate === 'not-evaluated' ? 'not evaluated' : result.policy.gate;
  const findings = result.findings === null ? 'not scanned' : `${result.findings.open} open`;
  io.stdout.write(`Policy gate ${gate}; findings ${findings}; ${total} ms in all.\n`);
  io.stdout.write(`Report: ${result.reports.markdown}, ${result.reports.json}${result.reports.jobSummary ? ' (and the job summary)' : ''}\n`);
  for (const stage of result.stages) if (stage.error !== undefined) io.stderr.write(`chainwarden: ${stage.stage}: ${stage.error.message}\n`);
  return result.exitCode;
}
