import type { DefineContext } from './context.js';
import { collect } from './context.js';
import { registryOptions } from './registry-options.js';

export function defineIngest({ program, io, setExitCode }: DefineContext): void {
  registryOptions(
    program
      .command('ingest')
      .description('Verify, validate and store a supplier SBOM in the registry (CycloneDX 1.2-1.7 JSON/XML, SPDX 2.3 JSON)')
      .argument('<sbom>', 'the SBOM file')
      .option('--supplier <name>', 'the supplier: its trust policy must verify --bundle (omit for a first-party SBOM)')
      .option('--bundle <path>', "the SBOM's Sigstore bundle (e.g. sbom.sigstore.json)")
      .option('--vex <path>', 'a VEX document (OpenVEX, CycloneDX VEX, CSAF VEX) stored with this SBOM, in the same transaction (repeatable)', collect)
      .option('--vex-bundle <path>', "the Sigstore bundle of each --vex, in the same order (repeatable)", collect)
      .option('--allow-unsigned', 'accept a supplier SBOM without a bundle; it is recorded as unsigned')
      .option('--product <name>', "product name (default: the SBOM's root component)")
      .option('--version <version>', "product version (default: the SBOM's root component version)")
      .option('--trusted-root <path>', 'trusted_root.json for keyless bundles (default: the Sigstore public-good root shipped inside chainwarden)'),
  )
    .addHelpText(
      'after',
      `
Bad components are quarantined with reasons and the rest is kept; every ingest prints a quality report (counts,
reasons, NTIA minimum elements) and, per VEX document, how many statements name components of this SBOM, which do
not (and why) and which were skipped. A malformed or badly signed VEX rejects the whole ingest. The same bytes again are reported as already ingested. Exit codes: 0 stored (or
already there), 1 a signature does not verify against the supplier's trust policy, 2 not an SBOM / bad input.

Examples:
  $ chainwarden supplier add acme --key keys/acme.pub
  $ chainwarden ingest vendor/widget-2.1.0.cdx.json --supplier acme --bundle vendor/widget-2.1.0.cdx.json.sigstore.json
  $ chainwarden ingest vendor/legacy.spdx.json --supplier acme --allow-unsigned --json
  $ chainwarden ingest vendor/widget-2.1.0.cdx.json --supplier acme --bundle vendor/widget-2.1.0.cdx.json.sigstore.json \
      --vex vendor/widget-2.1.0.vex.json --vex-bundle vendor/widget-2.1.0.vex.json.sigstore.json
  $ CHAINWARDEN_DATABASE_URL=postgres://registry@db/chainwarden chainwarden ingest dist/sbom/app-sbom.json`,
    )
    .action(async (file: string, flags: Record<string, unknown>) => {
      const { ingestCommand } = await import('../commands/ingest.js');
      setExitCode(await ingestCommand(file, flags, io));
    });
}
