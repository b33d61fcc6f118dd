import type { DefineContext } from './context.js';
import { collect } from './context.js';
import { registryOptions } from './registry-options.js';

export function defineSupplier({ program, io, setExitCode }: DefineContext): void {
  const supplier = program
    .command('supplier')
    .description('Suppliers in the registry and the trust policy their SBOMs are verified against')
    .addHelpText(
      'after',
      `
Examples:
  $ chainwarden supplier add acme --key keys/acme.pub
  $ chainwarden supplier add acme --identity 'https://github\\.com/acme/widget/.*' --issuer https://token.actions.githubusercontent.com
  $ chainwarden supplier import trust.yaml
  $ chainwarden supplier list --json`,
    );
  registryOptions(
    supplier
      .command('add')
      .description('Add a supplier, or keys and keyless identities to one')
      .argument('<name>', 'supplier name')
      .option('--key <public.pem>', 'a public key the supplier signs with (repeatable)', collect)
      .option('--identity <subject-or-regexp>', 'a keyless signer: the certificate subject, or a regular expression (repeatable, each with --issuer)', collect)
      .option('--issuer <url>', 'the OIDC issuer of the matching --identity (repeatable)', collect),
  ).action(async (name: string, flags: Record<string, unknown>) => {
    const { supplierAddCommand } = await import('../commands/supplier.js');
    setExitCode(await supplierAddCommand(name, flags, io));
  });
  registryOptions(supplier.command('import').description('Import every supplier of a trust-policy file (chainwarden verify --policy format)').argument('<trust.yaml>', 'trust policy')).action(
    async (file: string, flags: Record<string, unknown>) => {
      const { supplierImportCommand } = await import('../commands/supplier.js');
      setExitCode(await supplierImportCommand(file, flags, io));
    },
  );
  registryOptions(supplier.command('list').description('List suppliers')).action(async (flags: Record<string, unknown>) => {
    const { supplierListCommand } = await import('../commands/supplier.js');
    setExitCode(await supplierListCommand(flags, io));
  });
  registryOptions(supplier.command('show').description("Show a supplier's trust (keys as PEM, identities, revocations)").argument('<name>', 'supplier name')).action(
    async (name: string, flags: Record<string, unknown>) => {
      const { supplierShowCommand } = await import('../commands/supplier.js');
      setExitCode(await supplierShowCommand(name, flags, io));
    },
  );
  registryOptions(supplier.command('remove').description('Remove a supplier that has no ingested products').argument('<name>', 'supplier name')).action(
    async (name: string, flags: Record<string, unknown>) => {
      const { supplierRemoveCommand } = await import('../commands/supplier.js');
      setExitCode(await supplierRemoveCommand(name, flags, io));
    },
  );
}
