import { relative, resolve } from 'node:path';
import { DEFAULT_ADVISORY_CACHE } from '../../advisories/file-store.js';
import { scanAdvisories } from '../../advisories/registry-advisories.js';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { UsageError } from '../../core/errors.js';
import { explainMatch } from '../../findings/explain.js';
import { scanToSarif } from '../../findings/sarif.js';
import type { ScanReport } from '../../findings/scan.js';
import type { ScanTarget } from '../../findings/registry-scan.js';
import { scanInRegistry } from '../../findings/registry-scan.js';
import { currentActor } from '../../registry/actor.js';
import type { Severity } from '../../findings/severity.js';
import { readVexFile } from '../../vex/read.js';
import type { VexDocument } from '../../vex/statement.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';
import { withRegistry } from './registry-open.js';

export interface ScanFlags {
  readonly format?: 'table' | 'json' | 'sarif';
  readonly output?: string;
  readonly failOn?: Severity;
  readonly advisoryCache?: string;
  readonly databaseUrl?: string;
  readonly projectDir?: string;
  readonly product?: string;
  readonly version?: string;
  readonly record?: boolean;
  readonly json?: boolean;
  readonly vex?: readonly string[];
}

export async function scanCommand(sbom: string | undefined, flags: ScanFlags, io: CliIo): Promise<number> {
  if (flags.json === true && flags.format !== undefined && flags.format !== 'table' && flags.format !== 'json') {
    throw new UsageError('scan: --json and --format sarif conflict; choose one');
  }
  if ((sbom === undefined) === (flags.product === undefined)) throw new UsageError('scan: give an SBOM file or --product <name> (one of them)');
  if (flags.version !== undefined && flags.product === undefined) throw new UsageError('scan: --version goes with --product');
  const format = flags.json === true ? 'json' : (flags.format ?? 'table');
  const extraVex: VexDocument[] = [];
  for (const doc of flags.vex ?? []) {
    const docPath = resolve(io.cwd, doc);
    extraVex.push(await readVexFile(docPath, relative(io.cwd, docPath) || doc));
  }
  return withRegistry(flags, io, async ({ registry, projectDir }) => {
    const { store } = await scanAdvisories(registry, resolve(projectDir, flags.advisoryCache ?? DEFAULT_ADVISORY_CACHE));
    const target: ScanTarget = flags.product !== undefined ? { kind: 'product', product: flags.product, ...(flags.version !== undefined ? { version: flags.version } : {}) } : { kind: 'file', path: resolve(io.cwd, sbom ?? ''), shown: relative(io.cwd, resolve(io.cwd, sbom ?? '')) || (sbom ?? '') };
    const result = await scanInRegistry({
      registry,
      store,
      target,
      ...(flags.failOn !== undefined ? { failOn: flags.failOn } : {}),
      extraVex,
      ...(flags.record !== false ? { record: { actor: currentActor(io.env), now: new Date() } } : {}),
    });
    const report = result.report;
    const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'sarif' ? `${JSON.stringify(scanToSarif(report), null, 2)}\n` : renderTable(report, io);
    if (flags.output !== undefined) {
      await writeFileAtomic(resolve(io.cwd, flags.output), text);
      io.stderr.write(`scan: ${report.findings.length} finding(s) written to ${flags.output}\n`);
    } else io.stdout.write(text);
    if (report.advisories.records === 0) io.stderr.write('scan: warning: no advisories imported yet (run `chainwarden advisories import` first)\n');
    io.stderr.write(result.scanId !== undefined ? `scan: recorded as scan ${result.scanId} of ${result.product}${result.productVersion !== undefined ? `@${result.productVersion}` : ''} in ${registry.location}\n` : 'scan: not recorded (--no-record)\n');
    return report.gate?.open === false ? 1 : 0;
  });
}

function renderTable(report: ScanReport, io: CliIo): string {
  const s = style(io.stdout, io.env);
  const c = report.counts;
  const lines = [
    `${s.bold('scan')} ${report.sbom}: ${report.components} components against ${report.advisories.records} advisories`,
    `  ${c.byClass['vulnerability'] ?? 0} vulnerabilities (${(['critical', 'high', 'medium', 'low', 'unknown'] as const).map((k) => `${c.bySeverity[k]} ${k}`).join(', ')}), ${c.byClass['malicious'] ?? 0} malicious, ${c.byClass['informational'] ?? 0} informational, ${c.byClass['unknown-version'] ?? 0} unknown-version; ${report.skipped.length} component(s) skipped`,
  ];
  if (report.findings.length > 0) {
    const paint = (sev: string): string => (sev === 'critical' || sev === 'high' ? s.red(sev) : sev === 'medium' ? s.yellow(sev) : sev);
    lines.push(
      table([
        ['SEVERITY', 'CLASS', 'VULNERABILITY', 'COMPONENT', 'FIXED', 'VEX', 'WHY'],
        ...report.findings.map((f) => [
          paint(f.severity),
          f.class,
          f.vulnerability,
          `${f.component.name}${f.component.version !== undefined ? `@${f.component.version}` : ''}`,
          f.fixed.join(', ') || '-',
          f.vex === undefined ? '-' : `${f.vex.suppressed ? 'suppressed: ' : ''}${f.vex.status}${f.vex.justification !== undefined ? ` (${f.vex.justification})` : ''}`,
          f.explanations.map(explainMatch).join('; '),
        ]),
      ]),
    );
  }
  if (report.vex !== undefined) {
    const v = report.vex;
    lines.push(`${s.bold('VEX')} ${v.documents.length} document(s): ${v.matched.length} statement(s) matched, ${v.unmatched.length} unmatched, ${v.skipped.length} skipped; ${report.counts.suppressed} finding(s) suppressed`);
    for (const u of v.unmatched.slice(0, 20)) lines.push(`${s.dim('unmatched:')} ${u.file} ${u.at} ${u.vulnerability}: ${u.reason}`);
    for (const k of v.skipped.slice(0, 20)) lines.push(`${s.dim('skipped:')} ${k.file} ${k.at}: ${k.reason}`);
  }
  for (const k of report.skipped.slice(0, 20)) lines.push(`${s.dim('skipped:')} ${k.component.name}${k.component.version !== undefined ? `@${k.component.version}` : ''}: ${k.reason}`);
  if (report.skipped.length > 20) lines.push(s.dim(`… and ${report.skipped.length - 20} more skipped (see --format json)`));
  if (report.gate !== undefined) {
    lines.push(report.gate.open ? s.green(`gate open: no finding at or above ${report.gate.failOn}`) : s.red(`gate closed: ${report.gate.failing} finding(s) at or above ${report.gate.failOn}`));
  }
  return `${lines.join('\n')}\n`;
}
