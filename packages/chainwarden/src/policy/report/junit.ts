/**
 * JUnit XML for CI dashboards (Jenkins, GitLab, Azure DevOps): one `testsuite` per input, one `testcase` per gate
 * rule; a failing rule has one `failure` element listing its messages, warnings go to `system-out`.
 */
import type { GateReport, PolicyViolation } from '../result.js';

/** Characters XML 1.0 cannot carry (C0 controls but tab, LF, CR; U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const XML_INVALID = new RegExp('[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]', 'g');

const esc = (s: string): string =>
  s
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const line = (v: PolicyViolation): string => `${v.msg}${v.target !== null ? ` [${v.target}]` : ''}${v.exception !== null ? ` (exception ${v.exception.expired ? 'expired' : 'until'} ${v.exception.expires}, owner ${v.exception.owner})` : ''}`;

export function renderJunit(report: GateReport): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = report.inputs.length * report.rules.length;
  const failing = (vs: readonly PolicyViolation[]): boolean => vs.some((v) => v.status === 'failure' || (report.failOnWarn && v.status === 'warning'));
  const failures = report.inputs.reduce((n, i) => n + report.rules.filter((r) => failing(i.violations.filter((v) => v.namespace === r.namespace && v.rule === r.name))).length, 0);
  out.push(`<testsuites name="chainwarden policy" tests="${total}" failures="${failures}" errors="0">`);
  for (const input of report.inputs) {
    const cases = report.rules.map((r) => ({ r, vs: input.violations.filter((v) => v.namespace === r.namespace && v.rule === r.name) }));
    const skipped = cases.filter((c) => input.skipped.includes(`${c.r.namespace}.${c.r.name}`)).length;
    out.push(`  <testsuite name="${esc(input.input)}" tests="${cases.length}" failures="${cases.filter((c) => failing(c.vs)).length}" errors="0" skipped="${skipped}">`);
    for (const { r, vs } of cases) {
      const name = `${r.namespace}.${r.name}${r.title !== null ? `: ${r.title}` : ''}`;
      out.push(`    <testcase classname="${esc(r.namespace)}" name="${esc(name)}" file="${esc(r.file)}" line="${r.line}">`);
      if (input.skipped.includes(`${r.namespace}.${r.name}`)) out.push('      <skipped message="skipped by an exception rule"/>');
      const fails = vs.filter((v) => v.status === 'failure' || (report.failOnWarn && v.status === 'warning'));
      if (fails.length > 0) out.push(`      <failure message="${esc(fails[0]?.msg ?? '')}${fails.length > 1 ? ` (+${fails.length - 1} more)` : ''}" type="${esc(r.kind)}">${esc(fails.map(line).join('\n'))}</failure>`);
      const rest = vs.filter((v) => !fails.includes(v));
      if (rest.length > 0) out.push(`      <system-out>${esc(rest.map((v) => `${v.status.toUpperCase()}: ${line(v)}`).join('\n'))}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
