import type { DefineContext } from './context.js';
import { registryOptions } from './registry-options.js';

export function defineVex({ program, io, Option, setExitCode }: DefineContext): void {
  const vex = program
    .command('vex')
    .description('The VEX ledger in the registry: import supplier and internal VEX, list it, export the effective statements of a product')
    .addHelpText(
      'after',
      `
Formats: OpenVEX 0.2.0 (and legacy 0.0.1), CycloneDX VEX (embedded in a BOM or standalone via BOM-Link), CSAF
2.0/2.1 VEX. Every scan applies the ledger: per vulnerability (any alias), product and subcomponent the newest
statement wins (statement timestamp, else document timestamp, then document version); statements also apply to
findings that appear later.

Examples:
  $ chainwarden vex import vendor/widget.openvex.json --supplier acme --bundle vendor/widget.openvex.json.sigstore.json
  $ chainwarden vex import vendor/legacy.csaf.json --supplier acme --allow-unsigned
  $ chainwarden vex import vex/our-triage.openvex.json --product widget
  $ chainwarden vex list
  $ chainwarden vex export --product widget --format cyclonedx --output dist/widget.vex.cdx.json`,
    );
  registryOptions(
    vex
      .command('import')
      .description('Import a VEX document into the ledger (supplier VEX verified against the supplier\'s trust policy)')
      .argument('<doc>', 'OpenVEX, CycloneDX VEX or CSAF VEX document')
      .option('--supplier <name>', "the supplier who issued it: its trust policy must verify --bundle (omit for your own, internal VEX)")
      .option('--bundle <path>', "the document's Sigstore bundle (e.g. doc.sigstore.json)")
      .option('--allow-unsigned', 'accept supplier VEX without a bundle; it is recorded as unsigned')
      .option('--product <name>', 'apply its statements to this registry product only (default: wherever they match)')
      .option('--trusted-root <path>', 'trusted_root.json for keyless bundles (default: the Sigstore public-good root shipped inside chainwarden)'),
  )
    .addHelpText(
      'after',
      `
The import reports, per statement, the registry products (latest versions) whose components it names, the
statements that name none (kept: they apply when a matching finding appears) and the statements skipped, with
reasons. The same bytes again change nothing and say so; a newer version of the same document id is stored
beside the old one. Exit codes: 0 imported (or already there), 1 the signature does not verify against the
supplier's trust policy, 2 not a VEX document / bad input (nothing stored).`,
    )
    .action(async (doc: string, flags: Record<string, unknown>) => {
      const { vexImportCommand } = await import('../commands/vex.js');
      setExitCode(await vexImportCommand(doc, flags, io));
    });
  registryOptions(vex.command('list').description('List the documents of the ledger with issuer, version, origin and signature status')).action(async (flags: Record<string, unknown>) => {
    const { vexListCommand } = await import('../commands/vex.js');
    setExitCode(await vexListCommand(flags, io));
  });
  registryOptions(
    vex
      .command('export')
      .description("Write the effective (winning) statements of a product's latest version as one VEX document")
      .requiredOption('--product <name>', 'registry product')
      .addOption(new Option('--format <name>', 'document format').choices(['openvex', 'cyclonedx']).default('openvex'))
      .option('--output <path>', 'write to this file (relative to the current directory) instead of stdout'),
  )
    .addHelpText(
      'after',
      `
The same ledger gives the same bytes (sorted statements, the newest statement time as the document time). Each
statement notes the document and place it came from. Exit code 2 when no statement applies to the product.`,
    )
    .action(async (flags: Record<string, unknown> & { product: string }) => {
      const { vexExportCommand } = await import('../commands/vex.js');
      setExitCode(await vexExportCommand(flags, io));
    });
}
