import type { DefineContext } from './context.js';

export function defineRun({ program, io, setExitCode }: DefineContext): void {
  program
    .command('run')
    .description('Run every stage of the supply-chain pipeline on a project and print a summary')
    .argument('[project-dir]', 'project directory', '.')
    .option('--json', 'print a machine-readable summary on stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ chainwarden run examples/hotpass-like
  $ chainwarden run . --json`,
    )
    .action(async (dir: string, flags: { json?: boolean }) => {
      const { runCommand } = await import('../commands/run.js');
      setExitCode(await runCommand(dir, flags, io));
    });
}
