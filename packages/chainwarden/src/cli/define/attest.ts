import type { DefineContext } from './context.js';
import { signerOptions } from './sign.js';

export function defineAttest({ program, io, setExitCode }: DefineContext): void {
  signerOptions(
    program
      .command('attest')
      .description('Sign an in-toto statement: writes a DSSE Sigstore bundle (<statement>.sigstore.json)')
      .argument('<statement.json>', 'an in-toto Statement (v1 or v0.1)'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ CHAINWARDEN_KEY_PASSWORD=… chainwarden attest dist/provenance/provenance.json --key chainwarden.key
  $ chainwarden attest statement.json --keyless --output statement.sigstore.json`,
    )
    .action(async (file: string, flags: Record<string, unknown>) => {
      const { signCommand } = await import('../commands/sign.js');
      setExitCode(await signCommand('attest', file, flags, io));
    });
}
