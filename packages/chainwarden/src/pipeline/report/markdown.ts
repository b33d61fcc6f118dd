/** The run report as Markdown: dist/supply-chain-report.md, and the job summary on GitHub Actions. */
import type { DiffSummary } from '../diff-stage.js';
import type { RunReport } from './run-report.js';

/** A table cell: pipes escaped, newlines folded. */
export function cell(value: string): string {
  return value.replace(/\\/gu, '\\\\').replace(/\|/gu, '\\|').replace(/\r?\n/gu, ' ');
}

export function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

const STATUS: Readonly<Record<string, string>> = { ok: 'ok', warn: '⚠️ warn', failed: '❌ failed', skipped: 'skipped' };

function versions(list: readonly string[]): string {
  return list.length === 0 ? '—' : list.join(', ');
}

/** The SBOM and findings diff of a pull-request run (the diff stage's summary). */
export function renderDiff(diff: DiffSummary, level = '##'): string {
  const out: string[] = [`${level} Changes against the latest release`, ''];
  if (diff.base === null) {
    out.push(`Nothing to compare: ${diff.reason ?? 'no base release'}.`);
    return out.join('\n');
  }
  const c = diff.components;
  out.push(`Base: **${diff.base.product}@${diff.base.version}** (registered ${diff.base.ingestedAt}, SBOM sha256 \`${diff.base.sha256.slice(0, 12)}…\`).`, '');
  if (c !== undefined) {
    out.push(`Components: ${c.added.length} added, ${c.removed.length} removed, ${c.changed.length} changed version, ${c.unchanged} unchanged.`, '');
    const rows = [
      ...c.added.map((x) => ['added', x.name, x.package, versions(x.from), versions(x.to)]),
      ...c.removed.map((x) => ['removed', x.name, x.package, versions(x.from), versions(x.to)]),
      ...c.changed.map((x) => ['changed', x.name, x.package, versions(x.from), versions(x.to)]),
    ];
    if (rows.length > 0) out.push(mdTable(['change', 'component', 'package', 'base', 'this run'], rows), '');
  }
  const f = diff.findings;
  if (f === undefined || f === null) out.push('Findings: not compared (no advisories imported).');
  else {
    out.push(`Findings: ${f.new.length} new, ${f.fixed.length} fixed, ${f.unchanged} unchanged.`);
    const rows = [...f.new.map((x) => ['new', x.vulnerability, x.severity, x.component]), ...f.fixed.map((x) => ['fixed', x.vulnerability, x.severity, x.component])];
    if (rows.length > 0) out.push('', mdTable(['change', 'vulnerability', 'severity', 'component'], rows));
  }
  return out.join('\n');
}

export function renderRunReport(report: RunReport): string {
  const out: string[] = [`# Supply-chain report: ${report.project}`, ''];
  const verdict = report.policy.gate === 'not-evaluated' ? 'not evaluated' : `**${report.policy.gate}**`;
  out.push(
    mdTable(
      ['', ''],
      [
        ['mode', `${report.mode} (${report.modeSource})`],
        ['policy gate', report.policy.gate === 'not-evaluated' ? `not evaluated (${report.policy.detail})` : report.policy.detail],
        ['open findings', report.findings === null ? 'not scanned (no advisories imported)' : String(report.findings.open)],
        ['exit code', String(report.exitCode)],
      ],
    ),
    '',
    '## Stages',
    '',
    mdTable(
      ['stage', 'status', 'detail', 'duration'],
      report.stages.map((s) => [s.stage, STATUS[s.status] ?? s.status, s.error !== undefined ? `${s.detail}: ${s.error.message}` : s.detail, `${s.durationMs} ms`]),
    ),
    '',
    '## Policy verdict',
    '',
    `Gate ${verdict}.`,
  );
  if (report.policy.failures.length > 0) out.push('', '### Failures', '', mdTable(['rule', 'message', 'target'], report.policy.failures.map((f) => [f.rule, f.msg, f.target ?? '—'])));
  if (report.policy.warnings.length > 0) out.push('', '### Warnings', '', mdTable(['rule', 'warnings'], report.policy.warnings.map((w) => [w.rule, String(w.count)])));
  out.push('', '## Findings', '');
  if (report.findings === null) out.push('Not scanned: no advisories imported (`chainwarden advisories import`).');
  else {
    const f = report.findings;
    out.push(
      `${f.components} components scanned: ${f.open} open vulnerabilit${f.open === 1 ? 'y' : 'ies'}, ${f.suppressed} suppressed by VEX.`,
      '',
      mdTable(['severity', 'open'], Object.entries(f.bySeverity).map(([k, v]) => [k, String(v)])),
      '',
      mdTable(['class', 'findings'], Object.entries(f.byClass).map(([k, v]) => [k, String(v)])),
    );
  }
  const diff = report.stages.find((s) => s.stage === 'diff' && s.summary !== undefined)?.summary as DiffSummary | undefined;
  if (diff !== undefined) out.push('', renderDiff(diff));
  const seen = new Set<string>();
  const files = report.stages.flatMap((s) => (s.files ?? []).filter((f) => !seen.has(f) && seen.add(f) !== undefined).map((f) => [f, s.stage]));
  out.push('', '## Files', '');
  out.push(files.length === 0 ? 'No files written.' : mdTable(['file', 'stage'], files));
  out.push('', `Reports: \`${report.reports.markdown}\`, \`${report.reports.json}\`.`, '');
  return out.join('\n');
}
