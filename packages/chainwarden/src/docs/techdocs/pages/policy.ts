import type { GateReport } from '../../../policy/result.js';
import { code, mdTable } from '../markdown.js';
import type { TechdocsPage } from './page.js';
import { stageDetail, stageSummary } from './page.js';

export const policyPage: TechdocsPage = {
  file: 'policy.md',
  title: 'Policy',
  render(inputs) {
    const g = stageSummary<GateReport>(inputs, 'policy');
    if (g?.counts === undefined) return `# Policy\n\nThe gate was not evaluated in this run (${stageDetail(inputs, 'policy')}).\n`;
    const violations = g.inputs.flatMap((i) => i.violations).sort((a, b) => a.status.localeCompare(b.status) || a.rule.localeCompare(b.rule) || a.msg.localeCompare(b.msg));
    const c = g.counts;
    return [
      '# Policy',
      '',
      `The gate is **${g.open ? 'open' : 'closed'}**: ${c.rules} rule(s) from ${code(g.policyDir)} (packages ${g.namespaces.join(', ')}), ${c.failures} failure(s), ${c.warnings} warning(s), ${c.excepted} excepted${c.expiredExceptions > 0 ? `, ${c.expiredExceptions} expired exception(s)` : ''}.`,
      '',
      '## Violations',
      '',
      violations.length === 0
        ? 'None.'
        : mdTable(['status', 'rule', 'message', 'target', 'exception'], violations.map((v) => [v.status, v.rule, v.msg, v.target ?? '—', v.exception === null ? '—' : `${v.exception.owner} until ${v.exception.expires}: ${v.exception.reason}`])),
      '',
      '## Rules',
      '',
      mdTable(['rule', 'kind', 'severity', 'title', 'source'], [...g.rules].sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name)).map((r) => [`${r.namespace}.${r.name}`, r.kind, r.severity ?? '—', r.title ?? '—', `${r.file}:${r.line}`])),
      ...(g.unusedExceptions.length > 0 ? ['', '## Unused exceptions', '', mdTable(['rule', 'target', 'expires', 'source'], g.unusedExceptions.map((e) => [e.rule, e.target, e.expires, e.source]))] : []),
      '',
    ].join('\n');
  },
};
