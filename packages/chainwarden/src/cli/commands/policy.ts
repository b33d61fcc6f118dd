import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { loadConfig } from '../../core/config.js';
import { CHAINWARDEN_BUILTINS } from '../../policy/builtins/index.js';
import { initPolicy } from '../../policy/init.js';
import { REPORT_FORMATS, renderText } from '../../policy/report/index.js';
import type { ReportFormat } from '../../policy/report/index.js';
import { runPolicyGate, runPolicyQuery } from '../../policy/run.js';
import type { QueryGateReport } from '../../policy/query-gate.js';
import type { CliIo } from '../io.js';
import { style } from '../io.js';
import { regoTestCommand } from './rego.js';

export interface PolicyEvalFlags {
  readonly sbom?: string;
  readonly provenance?: string;
  readonly checksums?: string;
  readonly signatures?: string;
  readonly findings?: string;
  readonly scorecard?: string;
  readonly semgrep?: string;
  readonly matrix?: string;
  readonly policy?: string;
  readonly namespace?: string[];
  readonly allNamespaces?: boolean;
  readonly failOnWarn?: boolean;
  readonly requireSignatures?: boolean;
  readonly query?: string;
  readonly format?: ReportFormat;
  readonly output?: string;
  readonly json?: boolean;
}

async function emit(io: CliIo, output: string | undefined, text: string): Promise<void> {
  if (output === undefined) {
    io.stdout.write(text);
    return;
  }
  const target = resolve(io.cwd, output);
  await mkdir(dirname(target), { recursive: true });
  await writeFileAtomic(target, text);
}

function renderQuery(report: QueryGateReport, io: CliIo): string {
  const s = style(io.stdout, io.env);
  const lines = report.results.map((r) => `${r.input}: ${report.query} = ${r.defined ? JSON.stringify(r.value) : 'undefined'} -> ${r.open ? s.green('gate open') : s.red('gate closed')}`);
  return `${lines.join('\n')}\n`;
}

export async function policyEvalCommand(documents: readonly string[], flags: PolicyEvalFlags, io: CliIo): Promise<number> {
  const { config } = await loadConfig(io.cwd);
  const cfg = config.policy ?? {};
  const format: ReportFormat = flags.json === true ? 'json' : (flags.format ?? 'text');
  const common = {
    baseDir: io.cwd,
    policyDir: flags.policy ?? cfg.policy ?? 'policy',
    documents,
    files: {
      sbom: flags.sbom,
      provenance: flags.provenance,
      checksums: flags.checksums,
      signatures: flags.signatures,
      findings: flags.findings,
      scorecard: flags.scorecard,
      semgrep: flags.semgrep,
      matrix: flags.matrix,
      signaturesRequired: flags.requireSignatures ?? cfg['require-signatures'] ?? (config.sign?.key !== undefined || config.sign?.keyless === true),
    },
    namespaces: flags.namespace ?? cfg.namespace,
    allNamespaces: flags.allNamespaces ?? cfg['all-namespaces'],
    failOnWarn: flags.failOnWarn ?? cfg['fail-on-warn'],
  };
  if (flags.query !== undefined) {
    const report = await runPolicyQuery({ ...common, query: flags.query });
    await emit(io, flags.output, format === 'text' ? renderQuery(report, io) : `${JSON.stringify(report, null, 2)}\n`);
    return report.open ? 0 : 1;
  }
  const report = await runPolicyGate(common);
  const text = format === 'text' && flags.output === undefined ? renderText(report, style(io.stdout, io.env)) : REPORT_FORMATS[format](report);
  await emit(io, flags.output, text);
  if (flags.output !== undefined && flags.json !== true) io.stderr.write(`${report.open ? 'gate open' : 'gate closed'}: ${report.counts.failures} failure(s), ${report.counts.warnings} warning(s) -> ${flags.output}\n`);
  return report.open ? 0 : 1;
}

export function policyTestCommand(flags: { policy?: string; run?: string; verbose?: boolean; json?: boolean }, io: CliIo): number {
  return regoTestCommand([flags.policy ?? 'policy'], flags, io, CHAINWARDEN_BUILTINS);
}

export async function policyInitCommand(flags: { policy?: string; force?: boolean; json?: boolean }, io: CliIo): Promise<number> {
  const result = await initPolicy(flags.policy ?? 'policy', io.cwd, { force: flags.force });
  if (flags.json === true) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout.write(`wrote ${result.written.length} files to ${result.dir}/:\n${result.written.map((f) => `  ${f}`).join('\n')}\nnext: chainwarden policy test --policy ${result.dir} && chainwarden policy eval --sbom <sbom.json>\n`);
  return 0;
}
