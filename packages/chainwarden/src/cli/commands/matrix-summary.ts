import type { MatrixStageSummary } from '../../pipeline/matrix-stage.js';

/** The matrix stage of `chainwarden run`: drift and config findings, each with file:line. */
export function renderMatrixStage(summary: MatrixStageSummary): string {
  const lines = [`matrix ${summary.output}: ${summary.dependencies} direct dependencies, ${summary.owned} owned`];
  for (const f of summary.configFindings) lines.push(`  finding: ${f}`);
  if (summary.check !== undefined) {
    lines.push(`  check ${summary.check.file}: ${summary.check.drift.length} drift(s)`);
    for (const d of summary.check.drift.slice(0, 20)) lines.push(`    ${d}`);
    if (summary.check.drift.length > 20) lines.push(`    … and ${summary.check.drift.length - 20} more (see ${summary.json})`);
  }
  return `${lines.join('\n')}\n`;
}
