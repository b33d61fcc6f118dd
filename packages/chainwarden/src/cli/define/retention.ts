import type { DefineContext } from './context.js';

export function defineRetention({ program, io, setExitCode }: DefineContext): void {
  const retention = program.command('retention').description('Retention of the evidence store');
  retention
    .command('prune')
    .description('Delete expired store entries and the blobs nothing references any more; never what is on legal hold or still referenced; every deletion goes to the registry audit log')
    .option('--dry-run', 'only say what would be deleted')
    .option('--grace-minutes <n>', 'leave unreferenced blobs younger than this alone (default: store.orphan-grace-minutes, 60)')
    .option('--store <dir>', 'store folder, relative to the project (default: chainwarden.yaml store.path, data/artifacts/supply-chain)')
    .option('--database-url <url>', 'registry for the audit log: postgres://… or an SQLite file (default: $CHAINWARDEN_DATABASE_URL, chainwarden.yaml registry.database-url, data/registry/chainwarden.sqlite)')
    .option('--project-dir <dir>', 'project directory (chainwarden.yaml, the default store and registry)', '.')
    .option('--json', 'print machine-readable output on stdout')
    .addHelpText(
      'after',
      `
"Now" is the system clock, or CHAINWARDEN_NOW (ISO 8601) to see what a later prune would delete (with --dry-run).

Examples:
  $ chainwarden retention prune --dry-run
  $ chainwarden retention prune --json
  $ CHAINWARDEN_NOW=2027-12-01T00:00:00Z chainwarden retention prune --dry-run`,
    )
    .action(async (flags: Record<string, unknown>) => {
      const { retentionPruneCommand } = await import('../commands/retention.js');
      setExitCode(await retentionPruneCommand(flags, io));
    });
}
