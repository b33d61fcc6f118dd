import type { ChainwardenConfig } from '../config-schema.js';
import type { RunMode } from './mode.js';

/** What every stage of `chainwarden run` gets. */
export interface StageContext {
  /** Absolute project directory. */
  readonly projectDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly config: ChainwardenConfig;
  /** When the run began (provenance records it as `startedOn`). */
  readonly startedAt: Date;
  /** `pr`: evidence stays out of the store and the registry, no OIDC token needed; `release`: sign, store, register. */
  readonly mode: RunMode;
  /** Outputs of the stages that already ran, by stage name (e.g. `sbom` → its output path). */
  readonly outputs: ReadonlyMap<string, StageOutput>;
  /** The results of the stages that already ran, in order (statuses and durations, for reports). */
  readonly results: readonly StageResult[];
}

/** How one stage went, as the summary table, the report and `run --json` show it. */
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

/**
 * For stages that keep evidence (store, registry): in a pull-request run they are skipped with the reason, so a PR
 * never writes into the 1-year store or the registry. Use as `const skip = releaseOnly(ctx, 'the registry'); if (skip) return skip;`.
 */
export function releaseOnly(ctx: StageContext, what: string): StageOutput | undefined {
  if (ctx.mode === 'release') return undefined;
  return { status: 'skipped', detail: `pull-request run: evidence stays out of ${what} (release runs write it)` };
}
