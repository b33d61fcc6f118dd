import type { DefineContext } from './context.js';

export function defineKeygen({ program, io, setExitCode }: DefineContext): void {
  program
    .command('keygen')
    .description('Generate an ECDSA P-256 signing key pair (chainwarden.key, chainwarden.pub) in the current directory')
    .option('--output-prefix <prefix>', 'write <prefix>.key and <prefix>.pub instead (relative to the current directory)', 'chainwarden')
    .option('--unencrypted', 'write the private key without a password (only for throwaway keys)')
    .option('--force', 'overwrite existing key files')
    .option('--json', 'print a machine-readable summary on stdout')
    .addHelpText(
      'after',
      `
The private key is encrypted with the password in CHAINWARDEN_KEY_PASSWORD (PKCS#8, AES-256-CBC).

Examples:
  $ CHAINWARDEN_KEY_PASSWORD=… chainwarden keygen
  $ chainwarden keygen --output-prefix keys/release --json`,
    )
    .action(async (flags: { outputPrefix: string; unencrypted?: boolean; force?: boolean; json?: boolean }) => {
      const { keygenCommand } = await import('../commands/keygen.js');
      setExitCode(await keygenCommand(flags, io));
    });
}
