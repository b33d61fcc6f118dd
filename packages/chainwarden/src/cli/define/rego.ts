import type { DefineContext } from './context.js';
import { collect } from './context.js';

export function defineRego({ program, io, setExitCode }: DefineContext): void {
  const rego = program.command('rego').description('Evaluate and test Rego policies with the built-in engine (@chainwarden/rego), no opa binary needed');
  rego
    .command('eval')
    .description('Evaluate a query, printing the result shaped like `opa eval --format json`')
    .argument('<query>', 'the Rego query, e.g. data.policy.sbom.deny')
    .option('-d, --data <path>', 'a .rego, .json or .yaml file or a directory of them (repeatable)', collect)
    .option('-i, --input <path>', 'input document (JSON or YAML)')
    .option('--timeout <duration>', 'stop evaluation after this long, e.g. 500ms, 5s (default: no limit)')
    .option('--strict-builtin-errors', 'treat builtin errors as fatal instead of undefined')
    .option('--fail', 'exit with code 1 when the query is undefined (no result)')
    .option('--json', 'JSON output (the default; accepted for symmetry with other commands)')
    .addHelpText(
      'after',
      `
Examples:
  $ chainwarden rego eval -d policy -i dist/sbom/hotpass-sbom.json 'data.policy.sbom.deny'
  $ chainwarden rego eval -d policy/sbom.rego -i sbom.json --timeout 2s --fail 'data.policy.sbom.allow == true'`,
    )
    .action(async (query: string, flags: Record<string, unknown>) => {
      const { regoEvalCommand } = await import('../commands/rego.js');
      setExitCode(regoEvalCommand(query, flags, io));
    });
  rego
    .command('test')
    .description('Run every test_* rule in the given files or directories, like `opa test`')
    .argument('<path...>', 'files or directories with policies, their tests and data files')
    .option('--run <regex>', 'only run tests whose name (data.<package>.<rule>) matches')
    .option('--timeout <duration>', 'time limit per test, e.g. 500ms, 5s (default: 5s)')
    .option('-v, --verbose', 'list passing tests too, with print() output')
    .option('--json', 'print a machine-readable report on stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ chainwarden rego test policy
  $ chainwarden rego test policy --run 'sbom' --verbose`,
    )
    .action(async (paths: string[], flags: Record<string, unknown>) => {
      const { regoTestCommand } = await import('../commands/rego.js');
      setExitCode(regoTestCommand(paths, flags, io));
    });
}
