import type { GateReport } from '../../policy/result.js';
import type { CliIo } from '../io.js';
import { style } from '../io.js';

/** The policy stage in `chainwarden run`: failures one per line, warnings counted per rule. */
export function renderPolicySummary(report: GateReport, io: CliIo): string {
  const s = style(io.stdout, io.env);
  const lines = [`${s.bold('Policy')} ${report.policyDir}/ (${report.namespaces.join(', ')}): ${report.open ? s.green('gate open') : s.red('gate closed')}`];
  const vs = report.inputs.flatMap((i) => i.violations);
  for (const v of vs.filter((x) => x.status === 'failure')) lines.push(`  ${s.red('FAIL')} ${v.rule}: ${v.msg}${v.exception?.expired === true ? ` (exception expired on ${v.exception.expires})` : ''}`);
  const warned = new Map<string, number>();
  for (const v of vs.filter((x) => x.status === 'warning')) warned.set(v.rule, (warned.get(v.rule) ?? 0) + 1);
  for (const [rule, n] of warned) lines.push(`  ${s.yellow('WARN')} ${rule}: ${n} warning(s)`);
  const excepted = vs.filter((x) => x.status === 'excepted').length;
  if (excepted > 0) lines.push(`  ${s.dim(`${excepted} violation(s) waived by exceptions`)}`);
  return lines.join('\n');
}
