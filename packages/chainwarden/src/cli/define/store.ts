import type { Command } from 'commander';
import type { DefineContext } from './context.js';

function storeOptions(command: Command): Command {
  return command
    .option('--store <dir>', 'store folder, relative to the project (default: chainwarden.yaml store.path, data/artifacts/supply-chain)')
    .option('--project-dir <dir>', 'project directory (chainwarden.yaml, the default store)', '.')
    .option('--json', 'print machine-readable output on stdout');
}

export function defineStore({ program, io, Option, setExitCode }: DefineContext): void {
  const store = program
    .command('store')
    .description('The evidence store: SBOMs, provenance, bundles, checksums and reports per release, content-addressed, kept for a retention period')
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 verify found tampered or missing evidence, 2 bad input (unknown release or name, a hostile index,
a release id or entry name that would escape the store root, a change to evidence on legal hold).

Examples:
  $ chainwarden store put dist/sbom/hotpass-like-sbom.json dist/provenance/provenance.json --release v0.3.0
  $ chainwarden store list
  $ chainwarden store show v0.3.0
  $ chainwarden store get v0.3.0 dist/sbom/hotpass-like-sbom.json --output sbom-v0.3.0.json
  $ chainwarden store verify
  $ chainwarden store export v0.3.0 --output evidence-v0.3.0
  $ chainwarden store export v0.3.0 --output evidence-v0.3.0.tar
  $ chainwarden store hold v0.3.0 --reason "incident INC-42"`,
    );
  const kinds = ['sbom', 'provenance', 'bundle', 'checksums', 'policy-report', 'scan', 'ingest-report', 'vex', 'other'];
  storeOptions(
    store
      .command('put')
      .description('Store files under a release (names: paths relative to the project)')
      .argument('<files...>', 'files to store')
      .requiredOption('--release <id>', 'release id: a git tag, a commit sha, any id of letters, digits and . _ + @ - /')
      .addOption(new Option('--kind <kind>', 'what the files are (default: from their names)').choices(kinds))
      .option('--hold <reason>', 'put the stored entries on legal hold (retention prune never deletes them)')
      .option('--replace', 'replace entries of the same name whose content differs (never one on legal hold)')
      .option('--retention-days <n>', 'keep these entries this many days (default: store.retention-days, 365)'),
  ).action(async (files: string[], flags: { release: string } & Record<string, unknown>) => {
    const { storePutCommand } = await import('../commands/store.js');
    setExitCode(await storePutCommand(files, flags, io));
  });
  storeOptions(store.command('list').description('List releases, or the entries of one').option('--release <id>', 'list the entries of this release')).action(async (flags: Record<string, unknown>) => {
    const { storeListCommand } = await import('../commands/store.js');
    setExitCode(await storeListCommand(flags, io));
  });
  storeOptions(store.command('show').description("Show a release's index: every entry with kind, digest, size, created, expires, hold").argument('<release>', 'release id')).action(
    async (release: string, flags: Record<string, unknown>) => {
      const { storeShowCommand } = await import('../commands/store.js');
      setExitCode(await storeShowCommand(release, flags, io));
    },
  );
  storeOptions(
    store
      .command('get')
      .description('Write one stored artefact (its digest checked first) to --output, or to stdout')
      .argument('<release>', 'release id')
      .argument('<name>', 'entry name (or its file name, when unique in the release)')
      .option('--output <path>', 'file to write, relative to the project directory (default: stdout)'),
  ).action(async (release: string, name: string, flags: Record<string, unknown>) => {
    const { storeGetCommand } = await import('../commands/store.js');
    setExitCode(await storeGetCommand(release, name, flags, io));
  });
  storeOptions(store.command('verify').description('Re-hash every blob (of one release, or of the whole store) and report tampered or missing evidence').argument('[release]', 'release id (default: all)')).action(
    async (release: string | undefined, flags: Record<string, unknown>) => {
      const { storeVerifyCommand } = await import('../commands/store.js');
      setExitCode(await storeVerifyCommand(release, flags, io));
    },
  );
  storeOptions(
    store
      .command('export')
      .description("Write a release's evidence bundle for auditors: files/, index.json and SHA256SUMS (sha256sum -c checks it)")
      .argument('<release>', 'release id')
      .requiredOption('--output <dir|file.tar>', 'folder to create (new or empty), or a new file ending in .tar for a deterministic ustar archive; relative to the project directory'),
  ).action(async (release: string, flags: { output: string } & Record<string, unknown>) => {
    const { storeExportCommand } = await import('../commands/store.js');
    setExitCode(await storeExportCommand(release, flags, io));
  });
  storeOptions(
    store
      .command('hold')
      .description('Put a release (or some of its entries) on legal hold: retention prune keeps them, put cannot replace them')
      .argument('<release>', 'release id')
      .argument('[names...]', 'entry names (default: every entry of the release)')
      .requiredOption('--reason <text>', 'why (an incident, a litigation hold, an audit)')
      .option('--database-url <url>', 'registry whose audit log records the hold (default: chainwarden.yaml registry.database-url, CHAINWARDEN_DATABASE_URL, the SQLite default)'),
  ).action(async (release: string, names: string[], flags: { reason: string } & Record<string, unknown>) => {
    const { storeHoldCommand } = await import('../commands/store.js');
    setExitCode(await storeHoldCommand(release, names, flags, io));
  });
  storeOptions(
    store
      .command('release-hold')
      .description('Take a release (or some of its entries) off legal hold')
      .argument('<release>', 'release id')
      .argument('[names...]', 'entry names (default: every entry)')
      .option('--database-url <url>', 'registry whose audit log records the release (default: as for hold)'),
  ).action(
    async (release: string, names: string[], flags: Record<string, unknown>) => {
      const { storeReleaseHoldCommand } = await import('../commands/store.js');
      setExitCode(await storeReleaseHoldCommand(release, names, flags, io));
    },
  );
}
