import type { DefineContext } from './context.js';

export function defineInit({ program, io, setExitCode }: DefineContext): void {
  program
    .command('init')
    .description('Set a project up: chainwarden.yaml (every section explained), a starter policy/ and a GitHub Actions workflow')
    .argument('[dir]', 'project directory', '.')
    .option('-p, --policy <dir>', 'policy directory to write (default: policy)')
    .option('--force', 'overwrite files that exist (default: keep them)')
    .option('--json', 'print a machine-readable summary on stdout')
    .addHelpText(
      'after',
      `
Writes chainwarden.yaml, policy/ and .github/workflows/supply-chain.yml (pull requests: chainwarden run --mode pr;
published releases: --mode release, keyless signing, release assets). Existing files are kept unless --force.

Examples:
  $ chainwarden init
  $ chainwarden init services/api --policy security/policy
  $ chainwarden init . --force --json`,
    )
    .action(async (dir: string, flags: { policy?: string; force?: boolean; json?: boolean }) => {
      const { initCommand } = await import('../commands/init.js');
      setExitCode(await initCommand(dir, flags, io));
    });
}
