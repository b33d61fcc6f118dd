import type { DefineContext } from './context.js';
import { registryOptions } from './registry-options.js';

export function defineReview({ program, io, Option, setExitCode }: DefineContext): void {
  const review = registryOptions(
    program
      .command('review')
      .description('The quarterly supply-chain review pack since a date (Markdown or JSON); `review record` logs a review')
      .option('--since <date>', 'start of the period (YYYY-MM-DD; required)')
      .addOption(new Option('--format <name>', 'pack format').choices(['markdown', 'json']).default('markdown'))
      .option('--output <path>', 'write the pack to this file (relative to the project directory) instead of stdout'),
  ).addHelpText(
    'after',
    `
The pack: dependencies added and removed per product, findings opened and closed, SLA breaches, expired
acceptances, signing coverage of the versions ingested, supplier intake, and when the last review was recorded.

Examples:
  $ chainwarden review --since 2026-07-01 --output docs/reviews/2026-q3.md
  $ chainwarden review record --reviewer "Dana Smith" --role security --note "Q3 review, no exceptions renewed"`,
  );
  const load = () => import('../commands/review.js');
  review.action(async (flags: Record<string, unknown>) => {
    setExitCode(await (await load()).reviewCommand(flags, io));
  });
  registryOptions(
    review
      .command('record')
      .description('Log in the audit log that a review happened (the next pack shows it)')
      .requiredOption('--reviewer <name>', 'who reviewed')
      .addOption(new Option('--role <role>', 'their role').choices(['devops', 'security', 'compliance']).makeOptionMandatory())
      .option('--note <text>', 'a note for the record'),
  ).action(async (flags: Record<string, unknown>) => {
    setExitCode(await (await load()).reviewRecordCommand(flags, io));
  });
}
