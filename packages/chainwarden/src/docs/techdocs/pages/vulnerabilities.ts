import { code, mdTable, renderExport } from '../markdown.js';
import type { TechdocsPage } from './page.js';
import { stageDetail, stageSummary } from './page.js';

interface ScanSummary {
  readonly findings?: readonly { vulnerability: string; class: string; severity: string; component: string; fixed?: readonly string[]; vex?: { status?: string; suppressed?: boolean } }[];
}

const RANK: Readonly<Record<string, number>> = { critical: 0, high: 1, medium: 2, low: 3, unknown: 4 };

export const vulnerabilitiesPage: TechdocsPage = {
  file: 'vulnerabilities.md',
  title: 'Vulnerabilities and backlog',
  render(inputs) {
    const out: string[] = ['# Vulnerabilities and backlog', ''];
    const scan = stageSummary<ScanSummary>(inputs, 'scan');
    const f = inputs.report.findings;
    if (f === null || scan?.findings === undefined) out.push(`Not scanned in this run (${stageDetail(inputs, 'scan')}).`);
    else {
      out.push(
        `${f.components} components scanned: **${f.open}** open vulnerabilit${f.open === 1 ? 'y' : 'ies'}, ${f.suppressed} suppressed by VEX.`,
        '',
        mdTable(['severity', 'open'], Object.entries(f.bySeverity).map(([k, v]) => [k, String(v)])),
        '',
        '## Findings',
        '',
      );
      const rows = [...scan.findings]
        .sort((a, b) => (RANK[a.severity.toLowerCase()] ?? 9) - (RANK[b.severity.toLowerCase()] ?? 9) || a.vulnerability.localeCompare(b.vulnerability) || a.component.localeCompare(b.component))
        .map((x) => [x.vulnerability, x.severity, x.class, code(x.component), (x.fixed ?? []).join(', ') || '—', x.vex?.status ?? '—']);
      out.push(rows.length === 0 ? 'None.' : mdTable(['vulnerability', 'severity', 'class', 'component', 'fixed in', 'VEX'], rows));
    }
    out.push('', '## Remediation backlog', '');
    out.push(inputs.backlog.length === 0 ? 'Not generated yet (`chainwarden backlog` writes it; `chainwarden run` updates it).' : inputs.backlog.map(renderExport).join('\n\n'));
    out.push('');
    return out.join('\n');
  },
};
