import type { DefineContext } from './context.js';

export function defineChecksums({ program, io, Option, setExitCode }: DefineContext): void {
  const checksums = program
    .command('checksums')
    .enablePositionalOptions()
    .description('Write a sha256sum-format checksum file for artefacts, or verify one (like sha256sum -c)')
    .argument('[files...]', 'files or globs (quote globs), relative to the current directory')
    .option('--output <path>', 'checksum file to write (default: dist/checksums.txt)')
    .addOption(new Option('--algorithm <name>', 'digest algorithm').choices(['sha256', 'sha512']).default('sha256'))
    .option('--allow-empty', 'a glob matching no file is not an error')
    .option('--json', 'print a machine-readable summary on stdout')
    .addHelpText(
      'after',
      `
Names in the file are relative to the current directory, sorted; the format is GNU coreutils' (sha256sum -c reads it).

Examples:
  $ chainwarden checksums 'dist/*.whl' 'dist/*.tar.gz'
  $ chainwarden checksums 'dist/**' --algorithm sha512 --output dist/SHA512SUMS
  $ chainwarden checksums verify dist/checksums.txt`,
    )
    .action(async (files: string[], flags: Record<string, unknown>) => {
      const { checksumsCommand } = await import('../commands/checksums.js');
      setExitCode(await checksumsCommand(files, flags, io));
    });
  checksums
    .command('verify')
    .description('Check every file listed in a checksum file (GNU or BSD tag lines, sha256 or sha512): OK, FAILED or MISSING')
    .argument('<checksum-file>', 'the checksum file; names in it are resolved against the current directory')
    .option('--json', 'print a machine-readable result on stdout')
    .addHelpText(
      'after',
      `
Exit codes: 0 every file matches, 1 a file is FAILED or MISSING, 2 the checksum file is unreadable or malformed.

Example:
  $ chainwarden checksums verify dist/checksums.txt`,
    )
    .action(async (file: string, flags: { json?: boolean }) => {
      const { checksumsVerifyCommand } = await import('../commands/checksums.js');
      setExitCode(await checksumsVerifyCommand(file, flags, io));
    });
}
