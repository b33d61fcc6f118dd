import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from './core/config.js';
import { ChainwardenError, ExitCode, UsageError } from './core/errors.js';
import { backlogStage } from './pipeline/backlog-stage.js';
import { checksumsStage } from './pipeline/checksums-stage.js';
import { diffStage } from './pipeline/diff-stage.js';
import { detectRunMode } from './pipeline/mode.js';
import { matrixStage } from './pipeline/matrix-stage.js';
import { semgrepStage } from './pipeline/semgrep-stage.js';
import { policyStage } from './pipeline/policy-stage.js';
import { provenanceStage } from './pipeline/provenance-stage.js';
import { registryStage } from './pipeline/registry-stage.js';
import type { RunReport } from './pipeline/report/run-report.js';
import { buildRunReport, projectName } from './pipeline/report/run-report.js';
import { writeRunReport } from './pipeline/report/write.js';
import { sbomStage } from './pipeline/sbom-stage.js';
import { scanStage } from './pipeline/scan-stage.js';
import { scorecardStage } from './pipeline/scorecard-stage.js';
import { signStage } from './pipeline/sign-stage.js';
import { storeStage } from './pipeline/store-stage.js';
import type { Stage, StageOutput, StageResult } from './pipeline/stage.js';
export type { StageResult } from './pipeline/stage.js';
import { techdocsStage } from './pipeline/techdocs-stage.js';

/**
 * The stages of `chainwarden run`, in order. Add a stage: a file in pipeline/ and one line here, at its place:
 *
 *   sbom → provenance → checksums → sign            the evidence, then its signatures (interim: unsigned, labelled)
 *   → scan (+ VEX) → diff                           findings when advisories exist; a PR run's diff against the latest release
 *   → matrix → scorecard                            dependency hygiene, when enabled (stages: matrix-stage, scorecard-stage)
 *   → policy                                        the gate, over everything above
 *   → backlog → risk                                remediation backlog and risk register update (backlog-stage, risk-stage)
 *   → store → registry                              keep the evidence (release runs only: see releaseOnly in pipeline/stage.ts)
 *   → techdocs                                      Backstage TechDocs pages, when `docs.techdocs.out` is configured
 *
 * The summary (terminal, dist/supply-chain-report.md, dist/supply-chain-report.json, the job summary) comes after.
 */
export const STAGES: readonly Stage[] = [
  sbomStage,
  provenanceStage,
  checksumsStage,
  signStage,
  scanStage,
  diffStage,
  matrixStage,
  semgrepStage,
  scorecardStage,
  policyStage,
  backlogStage,
  storeStage,
  registryStage,
  techdocsStage,
];

/** What `run --json` prints and dist/supply-chain-report.json holds. */
export type PipelineResult = RunReport;

export interface PipelineOptions {
  readonly projectDir: string;
  readonly env?: NodeJS.ProcessEnv;
  /** `pr` or `release`; detected from the CI event when not given (release outside CI). */
  readonly mode?: string;
  /** Defaults to STAGES. */
  readonly stages?: readonly Stage[];
}

/**
 * `chainwarden run`: every stage, in order, on one project, with chainwarden.yaml as configuration. A stage that
 * fails on bad input is reported with its exit code and the stages after it are skipped; an internal error propagates.
 * The report is written under the project (dist/supply-chain-report.{md,json}) and appended to $GITHUB_STEP_SUMMARY.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const projectDir = resolve(options.projectDir);
  const env = options.env ?? process.env;
  if (!statSync(projectDir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${options.projectDir}: no such project directory`);
  const detected = detectRunMode(env, options.mode);
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
      const output = await stage.run({ projectDir, env, config, startedAt, mode: detected.mode, outputs, results: stages });
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
  const report = buildRunReport({ project: projectName(projectDir, outputs), mode: detected.mode, modeSource: detected.source, exitCode, stages });
  return writeRunReport(projectDir, report, env);
}
