import type { DefineContext } from './context.js';

export function defineAdvisories({ program, io, setExitCode }: DefineContext): void {
  const advisories = program.command('advisories').description('Import OSV advisories (the data `chainwarden scan` matches against)');
  advisories
    .command('import')
    .description('Import OSV records: JSON/YAML files, directories of them, or OSV all.zip exports (incremental by `modified`)')
    .argument('<paths...>', 'files, directories or .zip archives, relative to the current directory')
    .option('--advisory-cache <path>', 'advisory store file (default: data/advisories/advisories.ndjson)')
    .option('--database-url <url>', 'use the registry database for advisories (SQLite path or postgres:// URL; also CHAINWARDEN_DATABASE_URL) instead of the cache file')
    .option('--json', 'print a machine-readable report on stdout')
    .addHelpText(
      'after',
      `
Malformed records are rejected one by one (file and reason) and the rest are stored; withdrawn records are kept
but never matched. A zip whose entries escape the target directory or expand absurdly is refused (exit 2).

Examples:
  $ chainwarden advisories import ../shared/advisories/pypa ../shared/advisories/rustsec ../shared/advisories/go
  $ chainwarden advisories import PyPI-all.zip --json`,
    )
    .action(async (paths: string[], flags: { advisoryCache?: string; databaseUrl?: string; json?: boolean }) => {
      const { advisoriesImportCommand } = await import('../commands/advisories.js');
      setExitCode(await advisoriesImportCommand(paths, flags, io));
    });
}
