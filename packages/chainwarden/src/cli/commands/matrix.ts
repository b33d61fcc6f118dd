import { isAbsolute, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { loadConfig } from '../../core/config.js';
import { ExitCode } from '../../core/errors.js';
import { buildMatrix } from '../../hygiene/matrix/build.js';
import type { Matrix } from '../../hygiene/matrix/build.js';
import { checkMatrix } from '../../hygiene/matrix/check.js';
import type { MatrixCheck } from '../../hygiene/matrix/check.js';
import { inventoryFromLockfiles } from '../../hygiene/matrix/inventory-lockfiles.js';
import { inventoryFromSbom } from '../../hygiene/matrix/inventory-sbom.js';
import type { MatrixFormat } from '../../hygiene/matrix/render/index.js';
import { MATRIX_FORMATS } from '../../hygiene/matrix/render/index.js';
import { toPosix } from '../../sbom/read-lockfile.js';
import type { CliIo } from '../io.js';
import { style } from '../io.js';

interface MatrixFlags {
  readonly sbom?: string;
  readonly format?: MatrixFormat;
  readonly output?: string;
  readonly json?: boolean;
}

/** How a path is shown: relative to the project when inside it. */
export function shownPath(projectDir: string, absolute: string): string {
  const rel = toPosix(relative(projectDir, absolute));
  return rel.startsWith('..') || isAbsolute(rel) ? toPosix(absolute) : rel;
}

export function renderMatrixSummary(matrix: Matrix, output: string | undefined): string {
  const s = matrix.summary;
  const lines = [
    `dependency matrix ${matrix.project}: ${s.dependencies} direct dependencies, ${s.owned} with an owner, ${matrix.updateTools.length === 0 ? 'no update tool configured' : `${s.covered} covered by ${matrix.updateTools.map((t) => t.tool).join(' and ')}`}`,
    ...(output !== undefined ? [`written ${output}`] : []),
    ...matrix.findings.map((f) => `finding: ${f.file}${f.line !== undefined ? `:${f.line}` : ''}: ${f.message}`),
    ...matrix.ownerWarnings.map((w) => `warning: ${w.file}:${w.line}: ${w.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

export async function matrixCommand(dirArg: string | undefined, flags: MatrixFlags, io: CliIo): Promise<number> {
  const projectDir = resolve(io.cwd, dirArg ?? '.');
  const { config } = await loadConfig(projectDir);
  const matrix = await buildMatrix({ projectDir, config, ...(flags.sbom !== undefined ? { sbom: flags.sbom } : {}) });
  const format: MatrixFormat = flags.json === true ? 'json' : (flags.format ?? config.matrix?.format ?? 'markdown');
  const content = MATRIX_FORMATS[format](matrix);
  const output = flags.output ?? undefined;
  if (output === undefined) {
    io.stdout.write(content);
    return ExitCode.ok;
  }
  const outputPath = resolve(projectDir, output);
  await writeFileAtomic(outputPath, content);
  io.stdout.write(renderMatrixSummary(matrix, shownPath(projectDir, outputPath)));
  return ExitCode.ok;
}

export function renderMatrixCheck(check: MatrixCheck, io: CliIo): string {
  const s = style(io.stdout, io.env);
  const lines: string[] = [];
  const rows = check.tables.reduce((n, t) => n + t.rows, 0);
  lines.push(`${s.bold('matrix check')} ${check.file}: ${check.tables.length} table${check.tables.length === 1 ? '' : 's'}, ${rows} rows (${check.tables.map((t) => `line ${t.line}: ${t.packageColumn}/${t.versionColumn}`).join('; ')})`);
  for (const d of check.drift) lines.push(`  ${s.red('drift')} ${d.line !== undefined ? `${d.file}:${d.line}` : d.file}: ${d.kind}: ${d.message}`);
  if (check.unpinnedRows > 0) lines.push(s.dim(`  ${check.unpinnedRows} rows give a range or no version: compared by name only`));
  lines.push(check.drift.length === 0 ? s.green('no drift') : s.red(`${check.drift.length} drift${check.drift.length === 1 ? '' : 's'}`));
  return `${lines.join('\n')}\n`;
}

export async function matrixCheckCommand(file: string, dirArg: string | undefined, flags: { sbom?: string; json?: boolean }, io: CliIo): Promise<number> {
  const projectDir = resolve(io.cwd, dirArg ?? '.');
  const { config } = await loadConfig(projectDir);
  const inventory =
    flags.sbom !== undefined
      ? await inventoryFromSbom(resolve(projectDir, flags.sbom), shownPath(projectDir, resolve(projectDir, flags.sbom)))
      : await inventoryFromLockfiles({ projectDir, ...(config.sbom?.lockfiles !== undefined ? { lockfiles: config.sbom.lockfiles } : {}), ...(config.sbom?.exclude !== undefined ? { exclude: config.sbom.exclude } : {}) });
  const absolute = resolve(io.cwd, file);
  const check = await checkMatrix(absolute, shownPath(projectDir, absolute), inventory);
  io.stdout.write(flags.json === true ? `${JSON.stringify(check, null, 2)}\n` : renderMatrixCheck(check, io));
  return check.drift.length > 0 ? ExitCode.gateClosed : ExitCode.ok;
}

