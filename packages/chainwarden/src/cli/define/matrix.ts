import type { DefineContext } from './context.js';

export function defineMatrix({ program, io, Option, setExitCode }: DefineContext): void {
  const matrix = program
    .command('matrix')
    .description('The dependency matrix: direct dependencies per manifest with version, licence, scope, owner, notes and Renovate/Dependabot coverage')
    .argument('[project-dir]', 'project directory', '.')
    .option('--sbom <path>', 'read the dependencies from this CycloneDX JSON SBOM instead of the lockfiles (relative to the project directory)')
    .addOption(new Option('--format <name>', 'output format (default: markdown)').choices(['markdown', 'csv', 'json']))
    .option('--output <path>', 'write the matrix to this file, relative to the project directory (default: stdout)')
    .option('--json', 'same as --format json')
    .addHelpText(
      'after',
      `
Owners come from the owners section of chainwarden.yaml, then CODEOWNERS (the owner of the manifest that declares
the dependency), then owners.default. Lifecycle notes come from matrix.notes. Update coverage is read from
renovate.json / renovate.json5 / .renovaterc* / package.json#renovate and .github/dependabot.yml.

Examples:
  $ chainwarden matrix examples/hotpass-like
  $ chainwarden matrix . --format csv --output docs/dependency-matrix.csv
  $ chainwarden matrix . --sbom dist/sbom/hotpass-sbom.json --json
  $ chainwarden matrix check docs/dependency-matrix.md .`,
    )
    .action(async (dir: string, flags: Record<string, unknown>) => {
      const { matrixCommand } = await import('../commands/matrix.js');
      setExitCode(await matrixCommand(dir, flags, io));
    });
  matrix
    .command('check')
    .description('Report drift between a hand-written matrix (a Markdown table with package and version columns) and the lockfiles (exit 1 on drift)')
    .argument('<matrix>', 'the hand-written matrix (Markdown), relative to the current directory')
    .argument('[project-dir]', 'project directory', '.')
    .option('--sbom <path>', 'compare with this CycloneDX JSON SBOM instead of the lockfiles')
    .option('--json', 'print a machine-readable report on stdout')
    .addHelpText(
      'after',
      `
The table is found by its headers: a package column (Package, Dependency, Name, …) and a version column
(Version, Pinned, Locked, …). Rows whose version is a range or a word are compared by name only.

Examples:
  $ chainwarden matrix check docs/dependency-matrix.md
  $ chainwarden matrix check ../hotpass/docs/supply-chain/matrix.md ../hotpass --json`,
    )
    .action(async (file: string, dir: string, flags: Record<string, unknown>) => {
      const { matrixCheckCommand } = await import('../commands/matrix.js');
      setExitCode(await matrixCheckCommand(file, dir, flags, io));
    });
}
