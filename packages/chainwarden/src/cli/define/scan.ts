import { SEVERITIES } from '../../findings/severity.js';
import type { DefineContext } from './context.js';
import { collect } from './context.js';

export function defineScan({ program, io, Option, setExitCode }: DefineContext): void {
  program
    .command('scan')
    .description('Match an SBOM\'s components against the imported advisories; every finding explains itself')
    .argument('<sbom>', 'CycloneDX (JSON or XML) or SPDX 2.3 JSON SBOM, relative to the current directory')
    .addOption(new Option('--format <name>', 'report format').choices(['table', 'json', 'sarif']).default('table'))
    .option('--output <path>', 'write the report to this file (relative to the current directory) instead of stdout')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a vulnerability or malicious package is at or above this severity').choices([...SEVERITIES]))
    .option('--advisory-cache <path>', 'advisory store file (default: data/advisories/advisories.ndjson)')
    .option('--database-url <url>', 'use the registry database for advisories (SQLite path or postgres:// URL; also CHAINWARDEN_DATABASE_URL) instead of the cache file')
    .option('--vex <doc>', 'apply a VEX document: OpenVEX, CycloneDX VEX or CSAF (repeatable; the newest statement wins)', collect)
    .option('--json', 'same as --format json')
    .addHelpText(
      'after',
      `
Severity: CVSS v3 base score, else the advisory database's label; malicious packages are critical; "unknown"
is the lowest level, so --fail-on unknown fails on any vulnerability. Components without a version are
reported as unknown-version findings; components without a usable purl are listed as skipped.

Exit codes: 0 no finding at or above --fail-on, 1 the gate is closed, 2 bad SBOM or usage.

Examples:
  $ chainwarden scan dist/sbom/hotpass-sbom.json
  $ chainwarden scan dist/sbom/hotpass-sbom.json --format sarif --output dist/scan.sarif --fail-on high
  $ chainwarden scan dist/sbom/hotpass-sbom.json --vex vex/hotpass.openvex.json --fail-on high`,
    )
    .action(async (sbom: string, flags: Record<string, unknown>) => {
      const { scanCommand } = await import('../commands/scan.js');
      setExitCode(await scanCommand(sbom, flags, io));
    });
}
