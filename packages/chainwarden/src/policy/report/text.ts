/** The gate report for a person: one table row per violation, then the verdict. */
import type { GateReport, PolicyViolation } from '../result.js';

export interface TextStyle {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

const PLAIN: TextStyle = { red: (s) => s, yellow: (s) => s, green: (s) => s, dim: (s) => s, bold: (s) => s };

function status(v: PolicyViolation, s: TextStyle): string {
  if (v.status === 'failure') return s.red(v.exception?.expired === true ? 'FAIL*' : 'FAIL');
  if (v.status === 'warning') return s.yellow('WARN');
  return s.dim('EXCEPTED');
}

// eslint-disable-next-line no-control-regex -- ANSI colour sequences start with ESC
const ANSI = new RegExp('\\u001b\\[[0-9;]*m', 'g');

function table(rows: readonly (readonly string[])[]): string[] {
  const strip = (x: string): number => x.replace(ANSI, '').length;
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, strip(c))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - strip(c)))).join('  ').trimEnd());
}

export function renderText(report: GateReport, s: TextStyle = PLAIN): string {
  const lines: string[] = [];
  for (const input of report.inputs) {
    lines.push(s.bold(input.input));
    if (input.violations.length === 0) lines.push(`  ${s.green('no violations')}`);
    else {
      const rows = input.violations.map((v) => [status(v, s), v.severity, `${v.namespace}.${v.rule}`, v.msg]);
      for (const line of table([['STATUS', 'SEVERITY', 'RULE', 'MESSAGE'], ...rows])) lines.push(`  ${line}`);
      for (const v of input.violations) {
        if (v.exception === null) continue;
        const e = v.exception;
        lines.push(`  ${e.expired ? s.red('exception expired') : s.dim('exception')} for ${v.ruleId} ${v.target ?? ''}: ${e.expired ? 'expired on' : 'valid until'} ${e.expires} (owner ${e.owner}; ${e.source})`);
      }
    }
    if (input.skipped.length > 0) lines.push(`  ${s.dim(`skipped by exception rules: ${input.skipped.join(', ')}`)}`);
  }
  for (const e of report.unusedExceptions) lines.push(s.dim(`note: the exception for ${e.rule} ${e.target} (${e.source}) matches no violation: remove it or fix its target`));
  const c = report.counts;
  const tally = `${c.rules} rule(s), ${c.failures} failure(s), ${c.warnings} warning(s), ${c.excepted} excepted${c.expiredExceptions > 0 ? `, ${c.expiredExceptions} expired exception(s)` : ''}`;
  lines.push('', `${report.open ? s.green('gate open') : s.red('gate closed')}: ${tally}${report.failOnWarn && c.failures === 0 && c.warnings > 0 ? ' (--fail-on-warn)' : ''}`);
  return `${lines.join('\n')}\n`;
}
