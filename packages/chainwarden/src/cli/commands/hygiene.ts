import { resolve } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { ExitCode } from '../../core/errors.js';
import { readSemgrepResults, SEMGREP_OUTPUT } from '../../hygiene/semgrep/import.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';
import { shownPath } from './matrix.js';

export async function hygieneSemgrepCommand(file: string, dirArg: string | undefined, flags: { output?: string; json?: boolean }, io: CliIo): Promise<number> {
  const projectDir = resolve(io.cwd, dirArg ?? '.');
  const absolute = resolve(io.cwd, file);
  const results = await readSemgrepResults(absolute, shownPath(projectDir, absolute));
  const outputPath = resolve(projectDir, flags.output ?? SEMGREP_OUTPUT);
  await writeFileAtomic(outputPath, `${JSON.stringify(results, null, 2)}\n`);
  const output = shownPath(projectDir, outputPath);
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify({ output, source: results.source, format: results.format, summary: results.summary }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const s = style(io.stdout, io.env);
  const { summary } = results;
  const lines = [
    `${s.bold('semgrep')} ${results.source} (${results.format === 'sarif' ? 'SARIF 2.1.0' : 'Semgrep JSON'}${results.version !== undefined ? `, semgrep ${results.version}` : ''})`,
    table([
      ['findings', `${summary.total}: error ${summary.bySeverity.error}, warning ${summary.bySeverity.warning}, info ${summary.bySeverity.info}`],
      ['supply chain', String(summary.supplyChain)],
      ['written', output],
    ]),
    ...results.findings.filter((f) => f.supplyChain).slice(0, 20).map((f) => `  ${f.severity === 'error' ? s.red(f.severity) : s.yellow(f.severity)} ${f.file}:${f.line} ${f.rule}`),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}
