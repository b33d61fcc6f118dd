/** The human rendering of an ingest's quality report (ingest, registry show). */
import type { QualityReport } from '../../registry/ingest/quality.js';
import type { Style } from '../io.js';
import { table } from '../io.js';

export function renderQuality(q: QualityReport, s: Style): string {
  const c = q.components;
  const lines = [`  ${s.bold('quality')}  ${q.format} ${q.specVersion}: ${c.total} component(s), ${c.kept} kept, ${c.quarantined === 0 ? '0' : s.yellow(String(c.quarantined))} quarantined`];
  const reasons = Object.entries(q.reasons).sort(([a], [b]) => (a < b ? -1 : 1));
  if (reasons.length > 0) lines.push(`  quarantine reasons: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')}`);
  lines.push(`  dependencies: ${q.dependencies.edges} edge(s)${q.dependencies.dangling > 0 ? `, ${s.yellow(String(q.dependencies.dangling))} dangling (dropped)` : ''}`);
  if (q.warnings.format > 0) lines.push(`  kept with a format warning: ${q.warnings.format}${q.warnings.first !== undefined ? `, first: ${q.warnings.first}` : ''}`);
  if (q.documentIssues.length > 0) lines.push(`  document schema issues (kept): ${q.documentIssues.length}${q.documentIssues[0] !== undefined ? `, first: ${q.documentIssues[0]}` : ''}`);
  lines.push('  NTIA minimum elements:');
  lines.push(table(q.ntia.map((e) => [e.element, `${e.covered}/${e.total}`, e.total === 0 ? '-' : `${Math.round((100 * e.covered) / e.total)}%`]), '    '));
  return lines.join('\n');
}
