import type { DefineContext } from './context.js';
import { registryOptions } from './registry-options.js';

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
  defineFeedImports(advisories, setExitCode, io);
}

/** `advisories import-kev` / `import-epss`: the threat feeds the backlog and the risk register read (issue 9). */
function defineFeedImports(advisories: ReturnType<DefineContext['program']['command']>, setExitCode: DefineContext['setExitCode'], io: DefineContext['io']): void {
  registryOptions(
    advisories
      .command('import-kev')
      .description("Import CISA's Known Exploited Vulnerabilities catalog into the registry (replaces the previous catalog)")
      .argument('<json>', 'known_exploited_vulnerabilities.json as downloaded from CISA, relative to the current directory')
      .option('--allow-older', 'replace the stored catalog even with an older catalogVersion'),
  )
    .addHelpText(
      'after',
      `
The catalog is a snapshot: the import replaces the stored one in one transaction (entries CISA dropped are
removed) and reports what was added, updated and removed. A KEV entry sets the due date of the backlog entries of
its CVE and raises the risk register's likelihood. A malformed file exits 2 naming the file, line and key; nothing
is stored.

Examples:
  $ chainwarden advisories import-kev known_exploited_vulnerabilities.json
  $ chainwarden advisories import-kev kev.json --database-url postgres://registry.internal/chainwarden --json`,
    )
    .action(async (file: string, flags: Record<string, unknown>) => {
      const { importKevCommand } = await import('../commands/advisories-feeds.js');
      setExitCode(await importKevCommand(file, flags, io));
    });
  registryOptions(
    advisories
      .command('import-epss')
      .description("Import FIRST's EPSS scores (CSV, or .csv.gz) into the registry (replaces the previous scores)")
      .argument('<csv>', 'epss_scores-YYYY-MM-DD.csv[.gz] as downloaded from FIRST, relative to the current directory')
      .option('--merge', 'keep the stored scores of CVEs this file does not list (for partial files) instead of replacing them all')
      .option('--allow-older', 'import even when the file\'s score_date is older than the stored one'),
  )
    .addHelpText(
      'after',
      `
Format: an optional first line "#model_version:v2023.03.01,score_date:2023-03-17T00:00:00+0000", the header
"cve,epss,percentile", one row per CVE. Gzipped files are read as they are. A malformed row exits 2 naming the
file and line; nothing is stored.

Examples:
  $ chainwarden advisories import-epss epss_scores-2025-08-25.csv.gz
  $ chainwarden advisories import-epss epss-subset.csv --merge --json`,
    )
    .action(async (file: string, flags: Record<string, unknown>) => {
      const { importEpssCommand } = await import('../commands/advisories-feeds.js');
      setExitCode(await importEpssCommand(file, flags, io));
    });
}
