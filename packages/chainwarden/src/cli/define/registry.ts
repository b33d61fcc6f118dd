import type { DefineContext } from './context.js';
import { registryOptions } from './registry-options.js';

export function defineRegistry({ program, io, setExitCode }: DefineContext): void {
  const registry = program
    .command('registry')
    .description('Query the registry: products, versions, components, where a package is; reverify; the audit log')
    .addHelpText(
      'after',
      `
Examples:
  $ chainwarden registry products
  $ chainwarden registry versions widget
  $ chainwarden registry components widget --version 2.1.0 --json
  $ chainwarden registry where pkg:npm/lodash@4.17.20
  $ chainwarden registry reverify
  $ chainwarden registry audit seal --key keys/registry.key
  $ chainwarden registry audit verify --key keys/registry.pub`,
    );
  const load = () => import('../commands/registry.js');
  registryOptions(registry.command('products').description('Every product, its supplier and latest version')).action(async (flags: Record<string, unknown>) => {
    setExitCode(await (await load()).registryProductsCommand(flags, io));
  });
  registryOptions(registry.command('versions').description("A product's versions, oldest first, each linked to the one before").argument('<product>', 'product name')).action(
    async (product: string, flags: Record<string, unknown>) => {
      setExitCode(await (await load()).registryVersionsCommand(product, flags, io));
    },
  );
  registryOptions(registry.command('components').description("A version's components (default: the latest version)").argument('<product>', 'product name').option('--version <version>', 'product version')).action(
    async (product: string, flags: Record<string, unknown>) => {
      setExitCode(await (await load()).registryComponentsCommand(product, flags, io));
    },
  );
  registryOptions(registry.command('show').description("A version's evidence: document, signature, ingestion, quality report, quarantine").argument('<product>', 'product name').option('--version <version>', 'product version')).action(
    async (product: string, flags: Record<string, unknown>) => {
      setExitCode(await (await load()).registryShowCommand(product, flags, io));
    },
  );
  registryOptions(registry.command('where').description('Which products and versions contain a package (purl with or without version)').argument('<purl>', 'e.g. pkg:npm/lodash or pkg:pypi/requests@2.31.0')).action(
    async (purl: string, flags: Record<string, unknown>) => {
      setExitCode(await (await load()).registryWhereCommand(purl, flags, io));
    },
  );
  registryOptions(registry.command('reverify').description("Re-check every stored signature against today's trust policies (exit 1 when one fails)").option('--trusted-root <path>', 'trusted_root.json')).action(
    async (flags: Record<string, unknown>) => {
      setExitCode(await (await load()).registryReverifyCommand(flags, io));
    },
  );
  const audit = registry.command('audit').description('The hash-chained audit log: verify it, seal its head');
  registryOptions(
    audit
      .command('verify')
      .description('Recompute the chain, report the first broken link, check every seal (exit 1 when broken)')
      .option('--key <public.pem>', "the seals' public key")
      .option('--certificate-identity <san>', 'keyless seals: the signer')
      .option('--certificate-identity-regexp <re>', 'keyless seals: the signer, as a regular expression')
      .option('--certificate-oidc-issuer <url>', 'keyless seals: the OIDC issuer')
      .option('--certificate-oidc-issuer-regexp <re>', 'keyless seals: the OIDC issuer, as a regular expression')
      .option('--trusted-root <path>', 'trusted_root.json'),
  ).action(async (flags: Record<string, unknown>) => {
    setExitCode(await (await load()).registryAuditVerifyCommand(flags, io));
  });
  registryOptions(
    audit
      .command('seal')
      .description("Sign the chain's head (key or keyless) and store the bundle")
      .option('--key <private.pem>', 'private key (password from CHAINWARDEN_KEY_PASSWORD)')
      .option('--keyless', 'sign keyless (OIDC token -> Fulcio certificate, Rekor entry, TSA timestamp)')
      .option('--identity-token <jwt>', 'keyless: the OIDC token')
      .option('--fulcio-url <url>', 'keyless: Fulcio')
      .option('--rekor-url <url>', 'Rekor')
      .option('--tsa-url <url>', 'timestamp authority'),
  ).action(async (flags: Record<string, unknown>) => {
    setExitCode(await (await load()).registryAuditSealCommand(flags, io));
  });
}
