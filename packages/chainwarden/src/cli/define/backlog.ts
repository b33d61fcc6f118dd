import type { DefineContext } from './context.js';
import { collect } from './context.js';
import { defineBacklogSync } from './backlog-sync.js';
import { registryOptions } from './registry-options.js';

export function defineBacklog({ program, io, Option, setExitCode }: DefineContext): void {
  const backlog = program
    .command('backlog')
    .description('The remediation backlog: one entry per fix ("upgrade jinja2 3.1.2 → 3.1.6 fixes 3 advisories"), owned and dated')
    .addHelpText(
      'after',
      `
Entries come from the latest recorded scan of each product (every \`chainwarden scan\` is recorded): per component,
the smallest fixed version that clears the most advisories. Due date: first seen + SLA by severity (backlog.sla:
critical 15, high 30, medium 90, low 180, unrated 90 days), or the CISA KEV due date once a catalog is imported.
Status: open → in-progress → resolved (a newer scan no longer has the version) / accepted (until a date) /
not-affected (VEX). Ids (CW-…) are derived from product, component and fix target: they survive rescans.

Examples:
  $ chainwarden backlog refresh
  $ chainwarden backlog list --overdue
  $ chainwarden backlog show CW-4f1c2a9b0d
  $ chainwarden backlog update CW-4f1c2a9b0d --status in-progress --owner @acme/platform --expect-status open
  $ chainwarden backlog export --format markdown --output docs/compliance/remediation-backlog.md`,
    );
  const load = () => import('../commands/backlog.js');
  registryOptions(backlog.command('refresh').description('Recompute the backlog and the risk register from the latest scan of each product')).action(async (flags: Record<string, unknown>) => {
    setExitCode(await (await load()).backlogRefreshCommand(flags, io));
  });
  registryOptions(
    backlog
      .command('list')
      .description('Entries, most urgent first (due date, severity)')
      .option('--product <name>', 'only this product')
      .option('--status <status>', 'only entries with this status (repeatable)', collect)
      .option('--owner <owner>', 'only entries of this owner (or "unassigned")')
      .option('--overdue', 'only open or in-progress entries past their due date')
      .option('--all', 'include resolved and not-affected entries (default: open, in-progress, accepted)'),
  ).action(async (flags: Record<string, unknown>) => {
    setExitCode(await (await load()).backlogListCommand(flags, io));
  });
  registryOptions(backlog.command('show').description('One entry: findings, due date basis, owner, history').argument('<id>', 'entry id (CW-…)')).action(async (id: string, flags: Record<string, unknown>) => {
    setExitCode(await (await load()).backlogShowCommand(id, flags, io));
  });
  registryOptions(
    backlog
      .command('update')
      .description('Change status, owner or add a note (audited; refused when based on a stale view)')
      .argument('<id>', 'entry id (CW-…)')
      .addOption(new Option('--status <status>', 'new status').choices(['open', 'in-progress', 'accepted']))
      .option('--until <date>', 'with --status accepted: the acceptance expires on this date (YYYY-MM-DD)')
      .option('--owner <owner>', '@user, @org/team, an e-mail, or "unassigned" (kept over owners config from then on)')
      .option('--note <text>', 'add a note')
      .option('--expect-status <status>', 'refuse (exit 2) unless the entry still has this status')
      .option('--expect-revision <n>', 'refuse (exit 2) unless the entry is still at this revision'),
  ).action(async (id: string, flags: Record<string, unknown>) => {
    setExitCode(await (await load()).backlogUpdateCommand(id, flags, io));
  });
  registryOptions(
    backlog
      .command('export')
      .description('Write the backlog as Markdown (remediation-backlog.md shape), CSV or JSON; deterministic')
      .addOption(new Option('--format <name>', 'export format').choices(['markdown', 'csv', 'json']).default('markdown'))
      .option('--output <path>', 'write to this file (relative to the project directory) instead of stdout')
      .option('--product <name>', 'only this product')
      .option('--all', 'include resolved and not-affected entries'),
  ).action(async (flags: Record<string, unknown>) => {
    setExitCode(await (await load()).backlogExportCommand(flags, io));
  });
  defineBacklogSync(backlog, { io, Option, setExitCode }, { loadProvider: async () => (await import('../../remediation/tracker/registry-provider.js')).registryBacklogProvider });
}
