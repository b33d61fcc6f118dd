import { resolve } from 'node:path';
import { loadConfig } from './core/config.js';
import { ChainwardenError, ExitCode } from './core/errors.js';
import { backlogStage } from './pipeline/backlog-stage.js';
import { checksumsStage } from './pipeline/checksums-stage.js';
import { policyStage } from './pipeline/policy-stage.js';
import { provenanceStage } from './pipeline/provenance-stage.js';
import { registryStage } from './pipeline/registry-stage.js';
import { sbomStage } from './pipeline/sbom-stage.js';
import { scanStage } from './pipeline/scan-stage.js';
import { signStage } from './pipeline/sign-stage.js';
import type { Stage, StageOutput } from './pipeline/stage.js';

/** The stages of `chainwarden run`, in order. Add a stage: a file in pipeline/ and one line here. */
export const STAGES: readonly Stage[] = [sbomStage, scanStage, registryStage, provenanceStage, checksumsStage, signStage, policyStage, backlogStage];

export interface StageResult {
  readonly stage: string;
  readonly status: 'ok' | 'warn' | 'failed' | 'skipped';
  /** One line for the summary table. */
  readonly detail: string;
  readonly durationMs: number;
  readonly summary?: unknown;
  readonly files?: readonly string[];
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
  /** Defaults to STAGES. */
  readonly stages?: readonly Stage[];
}

/**
 * `chainwarden run`: every stage, in order, on one project, with chainwarden.yaml as configuration. A stage that
 * fails on bad input is reported with its exit code and the stages after it are skipped; an internal error propagates.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const projectDir = resolve(options.projectDir);
  const env = options.env ?? process.env;
  const { config } = await loadConfig(projectDir);
  const startedAt = new Date();
  const outputs = new Map<string, StageOutput>();
  const stages: StageResult[] = [];
  let exitCode: number = ExitCode.ok;
  for (const stage of options.stages ?? STAGES) {
    if (exitCode !== ExitCode.ok) {
      stages.push({ stage: stage.name, status: 'skipped', detail: 'an earlier stage failed', durationMs: 0 });
      continue;
    }
    const started = performance.now();
    try {
      const output = await stage.run({ projectDir, env, config, startedAt, outputs });
      outputs.set(stage.name, output);
      const { exitCode: verdict, ...shown } = output;
      stages.push({ stage: stage.name, status: output.status ?? 'ok', durationMs: Math.round(performance.now() - started), ...shown });
      exitCode = Math.max(exitCode, verdict ?? ExitCode.ok);
    } catch (error) {
      if (!(error instanceof ChainwardenError)) throw error;
      stages.push({ stage: stage.name, status: 'failed', detail: error.code, durationMs: Math.round(performance.now() - started), error: { code: error.code, message: error.message } });
      exitCode = Math.max(exitCode, error.exitCode);
    }
  }
  const sbom = outputs.get('sbom')?.summary as { project?: { name: string; version?: string } } | undefined;
  const project = sbom?.project !== undefined ? `${sbom.project.name}${sbom.project.version !== undefined ? ` ${sbom.project.version}` : ''}` : (projectDir.split(/[\\/]/).pop() ?? projectDir);
  return { project, stages, exitCode };
}
