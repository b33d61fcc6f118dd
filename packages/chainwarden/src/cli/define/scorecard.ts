import { SCORECARD_CHECK_NAMES } from '../../hygiene/scorecard/check-names.js';
import type { DefineContext } from './context.js';
import { collect } from './context.js';

export function defineScorecard({ program, io, Option, setExitCode }: DefineContext): void {
  program
    .command('scorecard')
    .description('OpenSSF Scorecard-style checks of a repository, offline: pinned dependencies, token permissions, dangerous workflows, SAST, signed releases, …')
    .argument('[dir]', 'repository directory (default: the current directory)')
    .addOption(new Option('--format <name>', 'output format').choices(['table', 'json']))
    .option('--output <path>', 'write the result to this file (relative to the current directory) instead of stdout')
    .option('--json', 'same as --format json')
    .option('--skip <check>', `leave a check out (repeatable): ${SCORECARD_CHECK_NAMES.join(', ')}`, collect)
    .option('--fail-under <score>', 'exit 1 when the aggregate score is below this (0-10)')
    .option('--verbose', 'table: list every finding, not only warnings')
    .addHelpText(
      'after',
      `
Each check scores 0-10 (or ? when it cannot conclude, e.g. no workflows) with its reasons and the files and lines
behind them; the aggregate is Scorecard's risk-weighted mean. Workflows are parsed as YAML and their \${{ }}
expressions with an expression parser; a workflow that is not valid YAML is a finding with its line, not a crash.
chainwarden.yaml (section scorecard: skip, fail-under, enabled for chainwarden run) is read from [dir].

Exit codes: 0 done (or score at/above --fail-under), 1 score below --fail-under, 2 bad usage or config.

Examples:
  $ chainwarden scorecard
  $ chainwarden scorecard ../hotpass --format json --output dist/scorecard.json
  $ chainwarden scorecard --skip Signed-Releases --fail-under 7`,
    )
    .action(async (dir: string | undefined, flags: Record<string, unknown>) => {
      const { scorecardCommand } = await import('../commands/scorecard.js');
      setExitCode(await scorecardCommand(dir, flags, io));
    });
}
