import type { DefineContext } from './context.js';

export function defineHygiene({ program, io, setExitCode }: DefineContext): void {
  const hygiene = program.command('hygiene').description('Dependency hygiene inputs for the gate: Semgrep results');
  hygiene
    .command('semgrep')
    .description('Import Semgrep results (SARIF 2.1.0 or Semgrep JSON) into dist/hygiene/semgrep.json for the policy gate and the run report')
    .argument('<results>', 'semgrep --sarif or --json output, relative to the current directory')
    .argument('[project-dir]', 'project directory', '.')
    .option('--output <path>', 'normalized findings, relative to the project directory (default: dist/hygiene/semgrep.json)')
    .option('--json', 'print a machine-readable summary on stdout')
    .addHelpText(
      'after',
      `
Semgrep is your install (pipx install semgrep, or its container image); chainwarden reads what it wrote:

  $ semgrep scan --config p/ci --config p/github-actions --sarif --output semgrep.sarif
  $ chainwarden hygiene semgrep semgrep.sarif
  $ chainwarden run      # the policy gate sees input.semgrep.findings

Examples:
  $ chainwarden hygiene semgrep semgrep.json examples/hotpass-like --json`,
    )
    .action(async (results: string, dir: string, flags: Record<string, unknown>) => {
      const { hygieneSemgrepCommand } = await import('../commands/hygiene.js');
      setExitCode(await hygieneSemgrepCommand(results, dir, flags, io));
    });
}
