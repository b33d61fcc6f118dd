/**
 * Security-Policy: a SECURITY.md (or .markdown/.rst/.adoc/.txt) at the root, in .github/ or docs/. Scored as
 * Scorecard scores its content: contact links or e-mail addresses 6, disclosure wording (vulnerability, report,
 * disclose, embargo, …) 3, more than a title's worth of text 1.
 */
import type { Check, CheckFinding } from '../types.js';

const POLICY = /^(\.github\/|docs\/)?security\.(md|markdown|rst|adoc|txt)$/i;
const LINK = /https?:\/\/\S+|[\w.+-]+@[\w-]+\.[\w.-]+/;
const DISCLOSURE = /\b(vuln\w*|disclos\w*|report\w*|embargo\w*|coordinated|cve|advisor\w*|security issue)/i;

export const securityPolicy: Check = {
  name: 'Security-Policy',
  risk: 'Medium',
  short: 'Determines if the project has published a security policy.',
  async run(repo) {
    const files = (await repo.files()).filter((f) => POLICY.test(f));
    const findings: CheckFinding[] = [];
    if (files.length === 0) return { score: 0, reason: 'security policy file not detected', findings: [{ level: 'Warn', message: 'no SECURITY.md in the root, .github/ or docs/' }] };
    let best = 0;
    for (const file of files) {
      const text = (await repo.text(file)) ?? '';
      const lines = text.split(/\r?\n/);
      const linkLine = lines.findIndex((l) => LINK.test(l));
      const disclosureLine = lines.findIndex((l) => DISCLOSURE.test(l));
      const words = text.replace(/[#*_`>-]/g, ' ').split(/\s+/).filter(Boolean).length;
      const score = (linkLine >= 0 ? 6 : 0) + (disclosureLine >= 0 ? 3 : 0) + (words > 10 ? 1 : 0);
      findings.push({ level: 'Info', message: 'security policy detected', file, line: 1 });
      if (linkLine >= 0) findings.push({ level: 'Info', message: 'contains a contact link or e-mail address', file, line: linkLine + 1 });
      else findings.push({ level: 'Warn', message: 'no contact link or e-mail address for reporting', file });
      if (disclosureLine >= 0) findings.push({ level: 'Info', message: 'describes vulnerability disclosure', file, line: disclosureLine + 1 });
      else findings.push({ level: 'Warn', message: 'does not describe how vulnerabilities are reported and disclosed', file });
      best = Math.max(best, score);
    }
    return { score: best, reason: best === 10 ? 'security policy file detected' : 'security policy file detected but incomplete', findings };
  },
};
