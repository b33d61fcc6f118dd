import type { Command } from 'commander';
import type { DefineContext } from './context.js';

/** The signer flags `sign` and `attest` share. */
export function signerOptions(command: Command): Command {
  return command
    .option('--key <private.pem>', 'sign with this private key (password from CHAINWARDEN_KEY_PASSWORD)')
    .option('--keyless', 'sign keyless: OIDC token -> Fulcio certificate, Rekor entry, TSA timestamp')
    .option('--identity-token <jwt>', 'OIDC token for --keyless (default: SIGSTORE_ID_TOKEN or GitHub Actions)')
    .option('--fulcio-url <url>', 'Fulcio for --keyless (default https://fulcio.sigstore.dev)')
    .option('--rekor-url <url>', 'Rekor transparency log (default https://rekor.sigstore.dev)')
    .option('--tsa-url <url>', 'RFC 3161 timestamp authority (default https://timestamp.sigstore.dev/api/v1/timestamp)')
    .option('--tlog-upload', 'with --key: also record the signature in Rekor and get a TSA timestamp (default: offline)')
    .option('--output <path>', 'bundle path (default: <file>.sigstore.json)')
    .option('--json', 'print a machine-readable summary on stdout');
}

export function defineSign({ program, io, setExitCode }: DefineContext): void {
  signerOptions(program.command('sign').description('Sign a file: writes a Sigstore bundle v0.3 (<file>.sigstore.json)').argument('<file>', 'the file to sign'))
    .addHelpText(
      'after',
      `
Examples:
  $ CHAINWARDEN_KEY_PASSWORD=… chainwarden sign dist/app.tar.gz --key chainwarden.key
  $ chainwarden sign dist/app.tar.gz --keyless          # in GitHub Actions with id-token: write`,
    )
    .action(async (file: string, flags: Record<string, unknown>) => {
      const { signCommand } = await import('../commands/sign.js');
      setExitCode(await signCommand('sign', file, flags, io));
    });
}
