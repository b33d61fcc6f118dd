import type { DefineContext } from './context.js';

export function defineRun({ program, io, Option, setExitCode }: DefineContext): void {
  program
    .command('run')
    .description('Run every stage of the supply-chain pipeline on a project; summary on the terminal, in dist/supply-chain-report.md and .json')
    .argument('[project-dir]', 'project directory', '.')
    .addOption(new Option('--mode <mode>', 'pr: evidence stays out of the store and registry, no OIDC token needed, diff against the latest release; release: sign, store, register (default: from the CI event; release outside CI)').choices(['pr', 'release']))
    .option('--json', 'print a machine-readable summary on stdout (the same as dist/supply-chain-report.json)')
    .addHelpText(
      'after',
      `
Stages, in order: sbom, provenance, checksums, sign, scan, diff (pr), policy, registry (release), techdocs (when configured).

Examples:
  $ chainwarden run examples/hotpass-like
  $ chainwarden run . --mode pr --json
  $ GITHUB_EVENT_NAME=release chainwarden run .`,
    )
    .action(async (dir: string, flags: { json?: boolean; mode?: string }) => {
      const { runCommand } = await import('../commands/run.js');
      setExitCode(await runCommand(dir, flags, io));
    });
}
