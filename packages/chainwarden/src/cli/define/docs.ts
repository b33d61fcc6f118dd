import type { DefineContext } from './context.js';

export function defineDocs({ program, io, setExitCode }: DefineContext): void {
  const docs = program.command('docs').description('Documentation from the evidence: Backstage TechDocs pages');
  docs
    .command('techdocs')
    .description('Write TechDocs (mkdocs.yml + docs/*.md) from the last run: SBOM, provenance, policy, vulnerabilities and backlog, risk register, evidence index')
    .option('--out <dir>', 'output directory, relative to the project (default: docs.techdocs.out in chainwarden.yaml)')
    .option('--project-dir <dir>', 'project directory (chainwarden.yaml, dist/supply-chain-report.json, the registry, the store)', '.')
    .option('--store <dir>', 'evidence store directory, relative to the project (default data/artifacts/supply-chain)')
    .option('--json', 'print a machine-readable summary on stdout')
    .addHelpText(
      'after',
      `
Reads dist/supply-chain-report.json (written by chainwarden run) and the files it names; the registry and the
evidence store when they exist. Backstage builds the output like any TechDocs site (annotation
backstage.io/techdocs-ref: dir:<out>).

Examples:
  $ chainwarden run . && chainwarden docs techdocs --out techdocs
  $ chainwarden docs techdocs --project-dir examples/hotpass-like --out dist/techdocs --json`,
    )
    .action(async (flags: { out?: string; projectDir: string; store?: string; json?: boolean }) => {
      const { docsTechdocsCommand } = await import('../commands/docs.js');
      setExitCode(await docsTechdocsCommand(flags, io));
    });
}
