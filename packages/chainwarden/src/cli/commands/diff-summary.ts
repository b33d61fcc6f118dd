import type { DiffSummary } from '../../pipeline/diff-stage.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';

/** The pull-request diff against the latest release, for the terminal (the report and job summary get Markdown). */
export function renderDiffSummary(summary: unknown, io: CliIo): string {
  const d = summary as DiffSummary;
  const s = style(io.stdout, io.env);
  if (d.base === null) return `${s.bold('Changes against the latest release')}: nothing to compare (${d.reason ?? 'no base release'})`;
  const lines = [`${s.bold('Changes against the latest release')} ${d.base.product}@${d.base.version}`];
  const rows: string[][] = [];
  const v = (list: readonly string[]): string => (list.length === 0 ? '-' : list.join(', '));
  for (const c of d.components?.added ?? []) rows.push(['+', c.name, v(c.to)]);
  for (const c of d.components?.removed ?? []) rows.push(['-', c.name, v(c.from)]);
  for (const c of d.components?.changed ?? []) rows.push(['~', c.name, `${v(c.from)} -> ${v(c.to)}`]);
  for (const f of d.findings?.new ?? []) rows.push(['new', f.vulnerability, `${f.severity} in ${f.component}`]);
  for (const f of d.findings?.fixed ?? []) rows.push(['fixed', f.vulnerability, `${f.severity} in ${f.component}`]);
  lines.push(rows.length === 0 ? '  no component or finding changed' : table(rows));
  return lines.join('\n');
}
