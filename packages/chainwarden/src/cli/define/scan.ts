import { SEVERITIES } from '../../findings/severity.js';
import type { DefineContext } from './context.js';
import { collect } from './context.js';

export function defineScan({ program, io, Option, setExitCode }: DefineContext): void {
  program
    .command('scan')
    .description('Match an SBOM\'s (or a registry product\'s) components against the imported advisories; every finding explains itself')
    .argument('[sbom]', 'CycloneDX (JSON or XML) or SPDX 2.3 JSON SBOM, relative to the current directory (or --product)')
    .option('--product <name>', "scan a product stored in the registry (its latest version) instead of an SBOM file")
    .option('--version <version>', 'with --product: scan this version instead of the latest')
    .addOption(new Option('--format <name>', 'report format').choices(['table', 'json', 'sarif']).default('table'))
    .option('--output <path>', 'write the report to this file (relative to the current directory) instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a vulnerability or malicious package is at or above this severity').choices([...SEVERITIES]))
    .option('--advisory-cache <path>', 'advisory store file (default: data/advisories/advisories.ndjson)')
    .option('--database-url <url>', 'the registry (advisories, VEX ledger, recorded scans): postgres://… or an SQLite file (default: $CHAINWARDEN_DATABASE_URL, chainwarden.yaml registry.database-url, data/registry/chainwarden.sqlite)')
    .option('--project-dir <dir>', 'project directory (chainwarden.yaml, the default registry and advisory cache)', '.')
    .option('--no-record', 'do not record this scan in the registry (a dry run)')
    .option('--vex <doc>', 'also apply this VEX document (OpenVEX, CycloneDX VEX or CSAF; repeatable), on top of the registry\'s VEX ledger; not stored', collect)
    .option('--json', 'same as --format json')
    .addHelpText(
      'after',
      `
Severity: CVSS v3 base score, else the advisory database's label; malicious packages are critical; "unknown"
is the lowest level, so --fail-on unknown fails on any vulnerability. Components without a version are
reported as unknown-version findings; components without a usable purl are listed as skipped.

Every scan applies the registry's VEX ledger (\`chainwarden vex import\`, \`ingest --vex\`; the newest statement
wins) and is recorded in the registry: an SBOM file under its root component's name as the product, a registry
product under its name and version. --no-record scans without recording.

Exit codes: 0 no finding at or above --fail-on, 1 the gate is closed, 2 bad SBOM or usage.

Examples:
  $ chainwarden scan dist/sbom/hotpass-sbom.json
  $ chainwarden scan dist/sbom/hotpass-sbom.json --format sarif --output dist/scan.sarif --fail-on high
  $ chainwarden scan dist/sbom/hotpass-sbom.json --vex vex/hotpass.openvex.json --fail-on high
  $ chainwarden scan --product widget --format sarif --output dist/widget.sarif
  $ chainwarden scan --product widget --version 2.1.0 --no-record`,
    )
    .action(async (sbom: string | undefined, flags: Record<string, unknown>) => {
      const { scanCommand } = await import('../commands/scan.js');
      setExitCode(await scanCommand(sbom, flags, io));
    });
}
