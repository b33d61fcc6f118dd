import type { Matrix } from '../build.js';
import { MATRIX_COLUMNS } from './cells.js';

const escape = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The matrix as a Markdown document: one table, then the reasons behind coverage gaps and config findings. */
export function matrixMarkdown(matrix: Matrix): string {
  const lines: string[] = [`# Dependency matrix: ${escape(matrix.project)}`, ''];
  const s = matrix.summary;
  lines.push(
    `${s.dependencies} direct dependencies from ${matrix.sources.join(', ')}; ${s.owned} with an owner; ` +
      (matrix.updateTools.length === 0 ? 'no update tool configured (Renovate or Dependabot).' : `update tools: ${matrix.updateTools.map((t) => `${t.tool} (${t.file})`).join(', ')}; ${s.covered} covered, ${s.byStatus.partial} partly, ${s.byStatus.ignored} ignored, ${s.byStatus['not-covered']} not covered.`),
    '',
  );
  lines.push(`| ${MATRIX_COLUMNS.map(([h]) => h).join(' | ')} |`);
  lines.push(`| ${MATRIX_COLUMNS.map(() => '---').join(' | ')} |`);
  for (const row of matrix.rows) lines.push(`| ${MATRIX_COLUMNS.map(([, cell]) => escape(cell(row))).join(' | ')} |`);
  // Rows no configured tool fully covers, with every tool's reason.
  const gaps = matrix.rows
    .filter((r) => r.updateStatus !== 'covered' && r.updateStatus !== 'none')
    .map((r) => `- ${escape(r.name)} ${r.version ?? ''} (${r.manifest}): ${r.updates.map((u) => `${u.tool} ${u.status} (${escape(u.reason)})`).join('; ')}`);
  if (gaps.length > 0) lines.push('', '## Update coverage gaps', '', ...gaps);
  const problems = [
    ...matrix.findings.map((f) => `- ${f.file}${f.line !== undefined ? `:${f.line}` : ''}${f.column !== undefined ? `:${f.column}` : ''}: ${escape(f.message)}`),
    ...matrix.ownerWarnings.map((w) => `- ${w.file}:${w.line}: ${escape(w.message)}`),
  ];
  if (problems.length > 0) lines.push('', '## Configuration findings', '', ...problems);
  if (matrix.notes.length > 0) lines.push('', '## Notes', '', ...matrix.notes.map((n) => `- ${escape(n)}`));
  return `${lines.join('\n')}\n`;
}
