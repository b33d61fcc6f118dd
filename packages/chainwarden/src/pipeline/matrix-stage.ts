import { resolve } from 'node:path';
import { writeFileAtomic } from '../core/atomic-write.js';
import type { Stage } from './stage.js';

/** Where the matrix stage writes the matrix as JSON (with the drift check), for the policy gate. */
export const MATRIX_JSON = 'dist/hygiene/matrix.json';
const DEFAULT_OUTPUT = 'dist/hygiene/dependency-matrix.md';

export interface MatrixStageSummary {
  readonly output: string;
  readonly json: string;
  readonly dependencies: number;
  readonly owned: number;
  readonly updateStatus: Readonly<Record<string, number>>;
  readonly configFindings: readonly string[];
  readonly check?: { readonly file: string; readonly drift: readonly string[] };
}

/**
 * The dependency matrix, when `matrix.enabled` is set: written in `matrix.format` to `matrix.output`, and as JSON
 * (with the drift of `matrix.check`, a hand-written matrix) for the policy gate's `input.matrix`. Drift and broken
 * update-tool configs are warnings here; the gate decides whether they block (see the README's example rule).
 */
export const matrixStage: Stage = {
  name: 'matrix',
  async run(ctx) {
    const cfg = ctx.config.matrix;
    if (cfg?.enabled !== true) return { status: 'skipped', detail: 'matrix.enabled is not set in chainwarden.yaml' };
    const { buildMatrix } = await import('../hygiene/matrix/build.js');
    const { checkMatrix } = await import('../hygiene/matrix/check.js');
    const { inventoryFromLockfiles } = await import('../hygiene/matrix/inventory-lockfiles.js');
    const { MATRIX_FORMATS } = await import('../hygiene/matrix/render/index.js');
    const matrix = await buildMatrix({ projectDir: ctx.projectDir, config: ctx.config });
    const check =
      cfg.check !== undefined
        ? await checkMatrix(resolve(ctx.projectDir, cfg.check), cfg.check, await inventoryFromLockfiles({ projectDir: ctx.projectDir, ...(ctx.config.sbom?.lockfiles !== undefined ? { lockfiles: ctx.config.sbom.lockfiles } : {}), ...(ctx.config.sbom?.exclude !== undefined ? { exclude: ctx.config.sbom.exclude } : {}) }))
        : undefined;
    const output = cfg.output ?? DEFAULT_OUTPUT;
    const format = cfg.format ?? (output.endsWith('.json') ? 'json' : output.endsWith('.csv') ? 'csv' : 'markdown');
    await writeFileAtomic(resolve(ctx.projectDir, output), MATRIX_FORMATS[format](matrix));
    await writeFileAtomic(resolve(ctx.projectDir, MATRIX_JSON), `${JSON.stringify({ ...matrix, ...(check !== undefined ? { check } : {}) }, null, 2)}\n`);
    const configFindings = matrix.findings.map((f) => `${f.file}${f.line !== undefined ? `:${f.line}` : ''}: ${f.message}`);
    const summary: MatrixStageSummary = {
      output,
      json: MATRIX_JSON,
      dependencies: matrix.summary.dependencies,
      owned: matrix.summary.owned,
      updateStatus: matrix.summary.byStatus,
      configFindings,
      ...(check !== undefined ? { check: { file: check.file, drift: check.drift.map((d) => `${d.file}${d.line !== undefined ? `:${d.line}` : ''}: ${d.message}`) } } : {}),
    };
    const drift = check?.drift.length ?? 0;
    const detail = `${output}: ${matrix.summary.dependencies} direct dependencies, ${matrix.summary.owned} owned, ${matrix.summary.covered} covered by an update tool${check !== undefined ? `; ${drift} drift${drift === 1 ? '' : 's'} in ${check.file}` : ''}${configFindings.length > 0 ? `; ${configFindings.length} config finding(s)` : ''}`;
    return { status: drift > 0 || configFindings.length > 0 ? 'warn' : 'ok', detail, summary, files: [output, MATRIX_JSON] };
  },
};
