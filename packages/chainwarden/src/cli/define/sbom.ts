import type { DefineContext } from './context.js';
import { collect } from './context.js';

export function defineSbom({ program, io, Option, setExitCode }: DefineContext): void {
  program
    .command('sbom')
    .description('Write a CycloneDX (or SPDX) SBOM from every lockfile in a project')
    .argument('[project-dir]', 'project directory', '.')
    .option('--output <path>', 'output path, relative to the project directory (default: dist/sbom/<root-name>-sbom.json)')
    .addOption(new Option('--format <name>', 'output format').choices(['cyclonedx-json', 'cyclonedx-xml', 'spdx-json']))
    .addOption(new Option('--spec-version <version>', 'CycloneDX specification version (default: 1.6)').choices(['1.5', '1.6', '1.7']))
    .option('--exclude-dev', 'leave out components only reachable through dev dependencies')
    .option('--lockfile <path>', 'read this lockfile instead of detecting them (repeatable)', collect)
    .option('--json', 'print a machine-readable summary on stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ chainwarden sbom examples/hotpass-like
  $ chainwarden sbom . --format spdx-json --output dist/sbom/app.spdx.json
  $ chainwarden sbom . --lockfile uv.lock --exclude-dev --spec-version 1.7 --json`,
    )
    .action(async (dir: string, flags: Record<string, unknown>) => {
      const { sbomCommand } = await import('../commands/sbom.js');
      setExitCode(await sbomCommand(dir, flags, io));
    });
}
