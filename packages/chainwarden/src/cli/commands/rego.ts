import { UsageError } from '../../core/errors.js';
import { evaluateRego } from '../../policy/rego/evaluate.js';
import { runRegoTests } from '../../policy/rego/test-runner.js';
import type { BuiltinDecl } from '@chainwarden/rego';
import type { CliIo } from '../io.js';
import { style } from '../io.js';

export interface RegoEvalFlags {
  readonly data?: string[];
  readonly input?: string;
  readonly timeout?: string;
  readonly strictBuiltinErrors?: boolean;
  readonly fail?: boolean;
}

export function regoEvalCommand(query: string, flags: RegoEvalFlags, io: CliIo): number {
  const out = evaluateRego({
    dataPaths: flags.data ?? [],
    inputPath: flags.input,
    query,
    baseDir: io.cwd,
    timeoutMs: flags.timeout !== undefined ? parseDuration(flags.timeout) : undefined,
    strictBuiltinErrors: flags.strictBuiltinErrors === true,
    print: (line) => io.stderr.write(`${line}\n`),
  });
  io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return flags.fail === true && out.result === undefined ? 1 : 0;
}

export interface RegoTestFlags {
  readonly run?: string;
  readonly timeout?: string;
  readonly verbose?: boolean;
  readonly json?: boolean;
}

export function regoTestCommand(paths: readonly string[], flags: RegoTestFlags, io: CliIo, builtins?: readonly BuiltinDecl[]): number {
  let filter: RegExp | undefined;
  try {
    filter = flags.run !== undefined ? new RegExp(flags.run) : undefined;
  } catch (e) {
    throw new UsageError(`rego test: --run is not a valid regular expression: ${(e as Error).message}`);
  }
  const report = runRegoTests(paths, io.cwd, { timeoutMs: parseDuration(flags.timeout ?? '5s'), filter, builtins });
  const code = report.failed + report.errors > 0 ? 1 : 0;
  if (flags.json === true) {
    io.stdout.write(`${JSON.stringify(report, (k, v: unknown) => (k === 'durationMs' && typeof v === 'number' ? Math.round(v * 1000) / 1000 : v), 2)}\n`);
    return code;
  }
  const s = style(io.stdout, io.env);
  let lastFile = '';
  for (const r of report.results) {
    if (r.status === 'pass' && flags.verbose !== true) continue;
    if (r.file !== lastFile) io.stdout.write(`${r.file}:\n`);
    lastFile = r.file;
    const label = r.status === 'pass' ? s.green('PASS') : r.status === 'fail' ? s.red('FAIL') : s.red('ERROR');
    io.stdout.write(`${r.name}: ${label} (${formatMs(r.durationMs)})\n`);
    if (r.error !== undefined) io.stdout.write(`  ${r.error}\n`);
    for (const line of r.output ?? []) io.stdout.write(`  ${line}\n`);
  }
  if (report.results.length === 0) io.stdout.write('no tests found (rules named test_*)\n');
  else {
    if (report.passed > 0 && flags.verbose === true) io.stdout.write(`${'-'.repeat(80)}\n`);
    const total = report.results.length;
    if (report.passed > 0) io.stdout.write(`PASS: ${report.passed}/${total}\n`);
    if (report.failed > 0) io.stdout.write(`FAIL: ${report.failed}/${total}\n`);
    if (report.errors > 0) io.stdout.write(`ERROR: ${report.errors}/${total}\n`);
  }
  return code;
}

/** `500ms`, `5s`, `1m` or a number of milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m) throw new UsageError(`invalid duration ${JSON.stringify(text)} (use e.g. 500ms, 5s, 1m)`);
  const n = Number(m[1]);
  return m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n;
}

function formatMs(ms: number): string {
  return ms < 1 ? `${Math.round(ms * 1000)}µs` : `${ms.toFixed(1)}ms`;
}
