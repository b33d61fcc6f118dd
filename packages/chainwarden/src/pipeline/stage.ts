import type { ChainwardenConfig } from '../config-schema.js';

/** What every stage of `chainwarden run` gets. */
export interface StageContext {
  /** Absolute project directory. */
  readonly projectDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly config: ChainwardenConfig;
  /** When the run began (provenance records it as `startedOn`). */
  readonly startedAt: Date;
  /** Outputs of the stages that already ran, by stage name (e.g. `sbom` → its output path). */
  readonly outputs: ReadonlyMap<string, StageOutput>;
}

export interface StageOutput {
  /** One line for the summary table. */
  readonly detail: string;
  /** The stage's own machine-readable summary (printed by `run --json`, rendered by the CLI). */
  readonly summary?: unknown;
  /** Files the stage wrote, relative to the project (POSIX), for later stages (checksums, provenance, store). */
  readonly files?: readonly string[];
  /** `warn` when the stage ran but the user must know something (e.g. artefacts are unsigned); `skipped` when it had
   * nothing to do; `failed` when it ran and its verdict is negative (with `exitCode`, e.g. the policy gate closed). */
  readonly status?: 'ok' | 'warn' | 'skipped' | 'failed';
  /** The exit code this stage's verdict asks for (default 0). */
  readonly exitCode?: number;
}

/** One stage of the pipeline. Stages run in the order of `STAGES` in pipeline.ts. */
export interface Stage {
  readonly name: string;
  run(ctx: StageContext): Promise<StageOutput>;
}
