import type { DefineContext } from './context.js';
import { collect } from './context.js';

export function definePolicy({ program, io, Option, setExitCode }: DefineContext): void {
  const policy = program.command('policy').description('The promotion gate: Rego policies (policy/) over the SBOM, provenance, signatures and findings');
  policy
    .command('eval')
    .description('Evaluate the gate: deny/violation rules close it, warn rules warn (exit 1 when closed)')
    .argument('[input...]', 'JSON or YAML documents, each evaluated on its own (like conftest)')
    .option('--sbom <path>', 'SBOM (CycloneDX or SPDX JSON) for the combined input document')
    .option('--provenance <path>', 'in-toto provenance statement (or DSSE envelope / Sigstore bundle carrying one)')
    .option('--checksums <path>', 'sha256sum-format checksum file listing the artefacts')
    .option('--signatures <path>', 'signature verification results (chainwarden verify --json)')
    .option('--findings <path>', 'vulnerability findings with their VEX state (absent: input.findings.scanned is false)')
    .option('--scorecard <path>', 'Scorecard result (chainwarden scorecard --format json, or OpenSSF Scorecard JSON) as input.scorecard')
    .option('--semgrep <path>', 'imported Semgrep results (chainwarden hygiene semgrep writes dist/hygiene/semgrep.json) as input.semgrep')
    .option('--matrix <path>', 'dependency matrix JSON (chainwarden matrix --format json) as input.matrix')
    .option('-p, --policy <dir>', 'policy directory, relative to the current directory (default: policy)')
    .option('-n, --namespace <name>', 'Rego package whose rules gate (repeatable; default: main)', collect)
    .option('--all-namespaces', 'evaluate the rules of every package')
    .option('--fail-on-warn', 'warnings close the gate too')
    .option('--require-signatures', 'set input.signatures.required (signatures must exist and verify)')
    .option('--query <query>', 'gate on one boolean rule instead, as with opa eval (true = open; false or undefined = closed)')
    .addOption(new Option('--format <name>', 'report format (default: text)').choices(['text', 'json', 'sarif', 'junit']))
    .option('--output <path>', 'write the report to this file (relative to the current directory) instead of stdout')
    .option('--json', 'same as --format json')
    .addHelpText(
      'after',
      `
Examples:
  $ chainwarden policy eval --sbom dist/sbom/hotpass-sbom.json --provenance dist/provenance/provenance.json --checksums dist/checksums.txt
  $ chainwarden policy eval dist/sbom/hotpass-sbom.json --query data.hotpass.allow
  $ chainwarden policy eval --sbom dist/sbom/app-sbom.json --findings findings.json --format sarif --output policy.sarif
  $ chainwarden policy eval deploy/*.yaml --policy ops-policy --namespace k8s --fail-on-warn`,
    )
    .action(async (inputs: string[], flags: Record<string, unknown>) => {
      const { policyEvalCommand } = await import('../commands/policy.js');
      setExitCode(await policyEvalCommand(inputs, flags, io));
    });
  policy
    .command('test')
    .description("Run the policies' own unit tests (test_* rules), like opa test / conftest verify")
    .option('-p, --policy <dir>', 'policy directory (default: policy)')
    .option('--run <regex>', 'only run tests whose name (data.<package>.<rule>) matches')
    .option('-v, --verbose', 'list passing tests too')
    .option('--json', 'print a machine-readable report on stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ chainwarden policy test
  $ chainwarden policy test --policy policy --run licence --verbose`,
    )
    .action(async (flags: Record<string, unknown>) => {
      const { policyTestCommand } = await import('../commands/policy.js');
      setExitCode(policyTestCommand(flags, io));
    });
  policy
    .command('init')
    .description('Write the starter policy library (rules with METADATA, data.yaml settings, exceptions.yaml, tests)')
    .option('-p, --policy <dir>', 'directory to write (default: policy)')
    .option('--force', 'overwrite existing files')
    .option('--json', 'print a machine-readable summary on stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ chainwarden policy init
  $ chainwarden policy init --policy security/policy`,
    )
    .action(async (flags: Record<string, unknown>) => {
      const { policyInitCommand } = await import('../commands/policy.js');
      setExitCode(await policyInitCommand(flags, io));
    });
}
