import { resolve } from 'node:path';
import { loadConfig } from './core/config.js';
import { ChainwardenError, ExitCode } from './core/errors.js';
import type { SbomSummary } from './sbom/generate.js';

export interface StageResult {
  readonly stage: 'sbom';
  readonly status: 'ok' | 'failed' | 'skipped';
  /** One line for the summary table. */
  readonly detail: string;
  readonly durationMs: number;
  readonly summary?: SbomSummary;
  readonly error?: { readonly code: string; readonly message: string };
}

export interface PipelineResult {
  readonly project: string;
  readonly stages: readonly StageResult[];
  /** 0 when every stage passed; otherwise the most severe stage's exit code. */
  readonly exitCode: number;
}

export interface PipelineOptions {
  readonly projectDir: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * `chainwarden run`: every stage that exists, in order, on one project, with chainwarden.yaml as configuration.
 * Stages that fail on bad input are reported (with their exit code); an internal error propagates.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const projectDir = resolve(options.projectDir);
  const env = options.env ?? process.env;
  const { config } = await loadConfig(projectDir);
  const stages: StageResult[] = [];
  let exitCode: number = ExitCode.ok;
  let project = projectDir.split(/[\\/]/).pop() ?? projectDir;

  const started = performance.now();
  try {
    const [{ writeSbom }, { sbomOptions }] = await Promise.all([import('./sbom/generate.js'), import('./cli/commands/sbom.js')]);
    const result = await writeSbom(sbomOptions(projectDir, config.sbom, {}, env));
    project = `${result.summary.project.name}${result.summary.project.version !== undefined ? ` ${result.summary.project.version}` : ''}`;
    const c = result.summary.components;
    stages.push({
      stage: 'sbom',
      status: 'ok',
      detail: `${c.total} components from ${result.summary.lockfiles.length} lockfile(s) -> ${result.summary.output}`,
      durationMs: Math.round(performance.now() - started),
      summary: result.summary,
    });
  } catch (error) {
    if (!(error instanceof ChainwardenError)) throw error;
    stages.push({ stage: 'sbom', status: 'failed', detail: error.code, durationMs: Math.round(performance.now() - started), error: { code: error.code, message: error.message } });
    exitCode = Math.max(exitCode, error.exitCode);
  }
  return { project, stages, exitCode };
}
