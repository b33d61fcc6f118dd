import type { DefineContext } from './context.js';
import { collect } from './context.js';

export function defineProvenance({ program, io, setExitCode }: DefineContext): void {
  const provenance = program
    .command('provenance')
    .enablePositionalOptions()
    .description('Write SLSA v1 provenance (an in-toto Statement v1) for build artefacts; verify or inspect provenance')
    .argument('[project-dir]', 'project directory', '.')
    .option('--subject <file|glob>', 'subject file or glob, relative to the project (repeatable; default: the build artefacts in dist/)', collect)
    .option('--output <path>', 'output path, relative to the project directory (default: dist/provenance/provenance.json)')
    .option('--digest <algorithm>', 'also record this subject digest besides sha256: sha512 (repeatable)', collect)
    .option('--started-on <timestamp>', 'when the build started (RFC 3339, e.g. 2025-01-02T03:04:05Z)')
    .option('--builder-id <uri>', 'builder id to record instead of the detected one (GitHub Actions, GitLab CI, local)')
    .option('--redact <name>', 'always redact the value of this input, variable or flag name (repeatable)', collect)
    .option('--allow-empty', 'a subject glob matching nothing is not an error')
    .option('--json', 'print a machine-readable summary on stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ chainwarden provenance .
  $ chainwarden provenance . --subject 'dist/*.whl' --subject 'dist/*.tar.gz' --digest sha512 --started-on 2025-01-02T03:04:05Z
  $ chainwarden provenance verify dist/provenance/provenance.json --subject 'dist/*.whl' --source-uri github.com/acme/hotpass
  $ chainwarden provenance inspect attestation.intoto.jsonl`,
    )
    .action(async (dir: string, flags: Record<string, unknown>) => {
      const { provenanceCommand } = await import('../commands/provenance.js');
      const argv = (program as unknown as { rawArgs?: string[] }).rawArgs ?? ['provenance', dir];
      setExitCode(await provenanceCommand(dir, flags, ['chainwarden', ...argv], io));
    });
  provenance
    .command('verify')
    .description('Check that artefacts match the subjects of a provenance file, and optionally its builder and source')
    .argument('<provenance-file>', 'a statement, DSSE envelope, Sigstore bundle or JSON Lines of them')
    .requiredOption('--subject <file|glob>', 'artefact to check (repeatable)', collect)
    .option('--builder-id <uri>', 'expected builder id (exact)')
    .option('--source-uri <uri>', 'expected source repository, e.g. github.com/acme/hotpass')
    .option('--source-ref <ref>', 'expected source ref, e.g. refs/tags/v1.2.0 (or a short branch or tag name)')
    .option('--json', 'print a machine-readable result on stdout')
    .addHelpText(
      'after',
      `
Signatures are not checked here (use chainwarden verify for signed attestations).
Exit codes: 0 everything matches, 1 an artefact or an expectation does not match, 2 unreadable or malformed input.

Example:
  $ chainwarden provenance verify dist/provenance/provenance.json --subject 'dist/*.whl' --builder-id https://github.com/actions/runner/github-hosted`,
    )
    .action(async (file: string, flags: { subject: string[]; builderId?: string; sourceUri?: string; sourceRef?: string; json?: boolean }) => {
      const { provenanceVerifyCommand } = await import('../commands/provenance.js');
      setExitCode(await provenanceVerifyCommand(file, flags, io));
    });
  provenance
    .command('inspect')
    .description('Print the builder, source and subjects of provenance (statement, DSSE, Sigstore bundle, JSON Lines; SLSA v0.2 or v1)')
    .argument('<file>', 'the attestation file')
    .option('--json', 'print a machine-readable result on stdout')
    .addHelpText(
      'after',
      `
Signatures are not verified (use chainwarden verify).

Example:
  $ chainwarden provenance inspect ../shared/conformance/sigstore/npm/provenance-npm-test-cli-v1-prega.tgz.json`,
    )
    .action(async (file: string, flags: { json?: boolean }) => {
      const { provenanceInspectCommand } = await import('../commands/provenance.js');
      setExitCode(await provenanceInspectCommand(file, flags, io));
    });
}
