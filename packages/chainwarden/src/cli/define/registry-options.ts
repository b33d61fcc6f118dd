import type { Command } from 'commander';

/** The options every registry command shares: which database, which project (chainwarden.yaml). */
export function registryOptions(command: Command): Command {
  return command
    .option('--database-url <url>', 'postgres://… or an SQLite file (default: $CHAINWARDEN_DATABASE_URL, chainwarden.yaml registry.database-url, data/registry/chainwarden.sqlite)')
    .option('--project-dir <dir>', 'project directory (chainwarden.yaml, the default database)', '.')
    .option('--json', 'print machine-readable output on stdout');
}
