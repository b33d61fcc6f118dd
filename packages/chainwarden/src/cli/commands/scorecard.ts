import { resolve } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { loadConfig } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import type { ScorecardResult } from '../../hygiene/scorecard/types.js';
import { INCONCLUSIVE } from '../../hygiene/scorecard/types.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';

export interface ScorecardFlags {
  readonly format?: 'table' | 'json';
  readonly output?: string;
  readonly json?: boolean;
  readonly skip?: readonly string[];
  readonly failUnder?: string;
  /** Show every finding (Info too), not just warnings. */
  readonly verbose?: boolean;
}

/** The human table: one row per check, then the findings behind each score below 10. */
export function renderScorecard(result: ScorecardResult, io: Pick<CliIo, 'stdout' | 'env'>, verbose = false): string {
  const s = style(io.stdout, io.env);
  const paint = (score: number): string => (score === INCONCLUSIVE ? s.dim('?') : score >= 8 ? s.green(String(score)) : score >= 5 ? s.yellow(String(score)) : s.red(String(score)));
  const lines = [`${s.bold('scorecard')} ${result.repo.name}: aggregate score ${result.score === INCONCLUSIVE ? '?' : `${result.score.toFixed(1)} / 10`}${result.skipped.length > 0 ? s.dim(` (skipped: ${result.skipped.join(', ')})`) : ''}`];
  lines.push(table([['SCORE', 'CHECK', 'RISK', 'REASON'], ...result.checks.map((c) => [paint(c.score), c.name, c.risk, c.reason])]));
  for (const c of result.checks) {
    const shown = c.findings.filter((f) => f.level === 'Warn' || (verbose && f.level === 'Info'));
    if (shown.length === 0) continue;
    lines.push('', `${s.bold(c.name)} ${c.score === INCONCLUSIVE ? '?' : c.score}/10`);
    const max = verbose ? shown.length : 15;
    for (const f of shown.slice(0, max)) {
      const where = f.file !== undefined ? `${f.file}${f.line !== undefined ? `:${f.line}` : ''}` : '';
      lines.push(`  ${f.level === 'Warn' ? s.yellow('warn') : s.dim('info')}  ${where}${where !== '' ? '  ' : ''}${f.message}`);
    }
    if (shown.length > max) lines.push(s.dim(`  … ${shown.length - max} more (--verbose or --format json for all)`));
  }
  return `${lines.join('\n')}\n`;
}

function parseFailUnder(raw: string | number | undefined, where: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 10) throw new UsageError(`${where}: expected a score between 0 and 10, got "${String(raw)}"`);
  return n;
}

export async function scorecardCommand(dirArg: string | undefined, flags: ScorecardFlags, io: CliIo): Promise<number> {
  if (flags.json === true && flags.format === 'table') throw new UsageError('scorecard: --json and --format table conflict; choose one');
  const dir = resolve(io.cwd, dirArg ?? '.');
  const { config } = await loadConfig(dir);
  const { runScorecard } = await import('../../hygiene/scorecard/run.js');
  const failUnder = parseFailUnder(flags.failUnder, '--fail-under') ?? parseFailUnder(config.scorecard?.['fail-under'], 'chainwarden.yaml: scorecard.fail-under');
  const result = await runScorecard({ dir, skip: flags.skip ?? config.scorecard?.skip ?? [], env: io.env });
  const format = flags.json === true ? 'json' : (flags.format ?? 'table');
  const text = format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderScorecard(result, io, flags.verbose === true);
  if (flags.output !== undefined) {
    await writeFileAtomic(resolve(io.cwd, flags.output), text);
    io.stderr.write(`scorecard: ${result.checks.length} check(s), aggregate ${result.score} written to ${flags.output}\n`);
  } else io.stdout.write(text);
  if (failUnder !== undefined && result.score !== INCONCLUSIVE && result.score < failUnder) {
    io.stderr.write(`scorecard: aggregate score ${result.score} is below --fail-under ${failUnder}\n`);
    return 1;
  }
  return 0;
}
