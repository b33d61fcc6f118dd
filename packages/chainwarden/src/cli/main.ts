import { ChainwardenError, ExitCode } from '../core/errors.js';
import { TOOL_VERSION } from '../core/version.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';

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
    .enablePositionalOptions()
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

  const { COMMANDS } = await import('./define/index.js');
  for (const define of COMMANDS) define({ program, io, Option, setExitCode: (code) => (exitCode = code) });

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
