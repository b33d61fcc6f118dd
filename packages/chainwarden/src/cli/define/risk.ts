import type { DefineContext } from './context.js';
import { collect } from './context.js';
import { registryOptions } from './registry-options.js';

export function defineRisk({ program, io, Option, setExitCode }: DefineContext): void {
  const risk = program
    .command('risk')
    .description('The risk register: likelihood (KEV, EPSS, malicious), impact (CVSS, asset criticality), exposure, treatment')
    .addHelpText(
      'after',
      `
Risks are derived from the backlog (\`chainwarden backlog refresh\` updates both). Exposure = likelihood (1-5) ×
impact (1-5). Likelihood: 5 for KEV-listed, malicious or EPSS ≥ 0.5; 4 EPSS ≥ 0.1; 3 EPSS ≥ 0.01 or no EPSS data;
2 EPSS ≥ 0.001; else 1. Impact: highest CVSS (≥9 → 5, ≥7 → 4, ≥4 → 3, else 2), adjusted by risk.criticality.
Accepted risks carry an expiry (--until) and re-open when it passes.

Examples:
  $ chainwarden risk list
  $ chainwarden risk update RISK-4f1c2a9b0d --treatment accept --until 2026-03-31 --note "not reachable: CLI only"
  $ chainwarden risk export --format markdown --output docs/security/risk-register.md`,
    );
  const load = () => import('../commands/risk.js');
  registryOptions(
    risk
      .command('list')
      .description('Risks, highest exposure first')
      .option('--product <name>', 'only this product')
      .option('--status <status>', 'open, accepted or closed (repeatable; default open and accepted)', collect)
      .option('--owner <owner>', 'only risks of this owner'),
  ).action(async (flags: Record<string, unknown>) => {
    setExitCode(await (await load()).riskListCommand(flags, io));
  });
  registryOptions(risk.command('show').description('One risk: scoring basis, treatment, links').argument('<id>', 'risk id (RISK-…)')).action(async (id: string, flags: Record<string, unknown>) => {
    setExitCode(await (await load()).riskShowCommand(id, flags, io));
  });
  registryOptions(
    risk
      .command('update')
      .description('Set treatment, owner, review date or add a note (audited; refused when based on a stale view)')
      .argument('<id>', 'risk id (RISK-…)')
      .addOption(new Option('--treatment <name>', 'treatment').choices(['mitigate', 'accept', 'transfer', 'avoid']))
      .option('--until <date>', 'with --treatment accept: the acceptance expires on this date (YYYY-MM-DD)')
      .option('--owner <owner>', '@user, @org/team, an e-mail, or "unassigned"')
      .option('--review-date <date>', 'next review (YYYY-MM-DD)')
      .option('--note <text>', 'add a note')
      .option('--expect-status <status>', 'refuse (exit 2) unless the risk still has this status')
      .option('--expect-revision <n>', 'refuse (exit 2) unless the risk is still at this revision'),
  ).action(async (id: string, flags: Record<string, unknown>) => {
    setExitCode(await (await load()).riskUpdateCommand(id, flags, io));
  });
  registryOptions(
    risk
      .command('export')
      .description('Write the register as Markdown (risk-register.md shape), CSV or JSON; deterministic')
      .addOption(new Option('--format <name>', 'export format').choices(['markdown', 'csv', 'json']).default('markdown'))
      .option('--output <path>', 'write to this file (relative to the project directory) instead of stdout')
      .option('--product <name>', 'only this product')
      .option('--all', 'include closed risks'),
  ).action(async (flags: Record<string, unknown>) => {
    setExitCode(await (await load()).riskExportCommand(flags, io));
  });
}
