import type { DefineContext } from './context.js';

export function defineAdvisories({ program, io, setExitCode }: DefineContext): void {
  const advisories = program.command('advisories').description('Import OSV advisories (the data `chainwarden scan` matches against)');
  advisories
    .command('import')
    .description('Import OSV records into the registry (JSON/YAML files, directories, OSV all.zip exports; incremental by `modified`), then re-match every product')
    .argument('<paths...>', 'files, directories or .zip archives, relative to the current directory')
    .option('--advisory-cache <path>', 'the advisory cache kept beside the registry, the scans\' speed path (default: data/advisories/advisories.ndjson)')
    .option('--database-url <url>', 'the registry: postgres://… or an SQLite file (default: $CHAINWARDEN_DATABASE_URL, chainwarden.yaml registry.database-url, data/registry/chainwarden.sqlite)')
    .option('--project-dir <dir>', 'project directory (chainwarden.yaml, the default registry and advisory cache)', '.')
    .option('--json', 'print a machine-readable report on stdout')
    .addHelpText(
      'after',
      `
Malformed records are rejected one by one (file and reason) and the rest are stored; withdrawn records are kept
but never matched. A zip whose entries escape the target directory or expand absurdly is refused (exit 2).
Advisories are stored in the registry database; the advisory cache file is a copy of them that scans read when
it matches the registry exactly. After the import, the latest version of every registry product is scanned again
(its VEX ledger applied, the scan recorded) and the products that gained or lost findings are listed.

Examples:
  $ chainwarden advisories import ../shared/advisories/pypa ../shared/advisories/rustsec ../shared/advisories/go
  $ chainwarden advisories import PyPI-all.zip --json`,
    )
    .action(async (paths: string[], flags: { advisoryCache?: string; databaseUrl?: string; projectDir?: string; json?: boolean }) => {
      const { advisoriesImportCommand } = await import('../commands/advisories.js');
      setExitCode(await advisoriesImportCommand(paths, flags, io));
    });
}
