import { ChainwardenError, ExitCode } from '../core/errors.js';
import { TOOL_VERSION } from '../core/version.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';

const SBOM_EXAMPLE = `
Examples:
  $ chainwarden sbom examples/hotpass-like
  $ chainwarden sbom . --format spdx-json --output dist/sbom/app.spdx.json
  $ chainwarden sbom . --lockfile uv.lock --exclude-dev --spec-version 1.7 --json`;

const RUN_EXAMPLE = `
Examples:
  $ chainwarden run examples/hotpass-like
  $ chainwarden run . --json`;

/**
 * The CLI: the one error boundary. Parses flags, runs a command (loaded lazily), and turns every error into a
 * message and an exit code: 0 ok, 1 gate closed, 2 bad usage or input, 3 internal error.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const { Command, CommanderError, Option } = await import('commander');
  let exitCode: number = ExitCode.ok;
  const program = new Command('chainwarden')
    .description('Supply-chain security toolkit: SBOMs from lockfiles, provenance, policy gates, signing, VEX and findings.')
    .version(TOOL_VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .addHelpText(
      'after',
      `
Exit codes: 0 success, 1 gate closed (policy denied, verification failed), 2 bad usage or input, 3 internal error.

Examples:
  $ chainwarden run examples/hotpass-like
  $ chainwarden sbom . --format spdx-json`,
    );

  program
    .command('sbom')
    .description('Write a CycloneDX (or SPDX) SBOM from every lockfile in a project')
    .argument('[project-dir]', 'project directory', '.')
    .option('--output <path>', 'output path, relative to the project directory (default: dist/sbom/<root-name>-sbom.json)')
    .addOption(new Option('--format <name>', 'output format').choices(['cyclonedx-json', 'cyclonedx-xml', 'spdx-json']))
    .addOption(new Option('--spec-version <version>', 'CycloneDX specification version (default: 1.6)').choices(['1.5', '1.6', '1.7']))
    .option('--exclude-dev', 'leave out components only reachable through dev dependencies')
    .option('--lockfile <path>', 'read this lockfile instead of detecting them (repeatable)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--json', 'print a machine-readable summary on stdout')
    .addHelpText('after', SBOM_EXAMPLE)
    .action(async (dir: string, flags: Record<string, unknown>) => {
      const { sbomCommand } = await import('./commands/sbom.js');
      exitCode = await sbomCommand(dir, flags, io);
    });

  program
    .command('run')
    .description('Run every stage of the supply-chain pipeline on a project (today: sbom) and print a summary')
    .argument('[project-dir]', 'project directory', '.')
    .option('--json', 'print a machine-readable summary on stdout')
    .addHelpText('after', RUN_EXAMPLE)
    .action(async (dir: string, flags: { json?: boolean }) => {
      const { runCommand } = await import('./commands/run.js');
      exitCode = await runCommand(dir, flags, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
      return ExitCode.badInput; // commander already printed the message
    }
    if (error instanceof ChainwardenError) {
      io.stderr.write(`chainwarden: error: ${error.message}\n`);
      if (io.env['CHAINWARDEN_DEBUG'] !== undefined && error.cause !== undefined) io.stderr.write(`${error.cause instanceof Error ? (error.cause.stack ?? error.cause.message) : JSON.stringify(error.cause)}\n`);
      return error.exitCode;
    }
    const err = error as Error;
    io.stderr.write(`chainwarden: internal error: ${err.message}\n${io.env['CHAINWARDEN_DEBUG'] !== undefined ? `${err.stack ?? ''}\n` : 'set CHAINWARDEN_DEBUG=1 for a stack trace\n'}`);
    return ExitCode.internal;
  }
}
