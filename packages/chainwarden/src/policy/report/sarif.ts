/**
 * SARIF 2.1.0 for GitHub code scanning: one `rule` per gate rule (with its METADATA as help), one `result` per
 * violation located at the rule in the policy file; excepted violations carry an external suppression.
 */
import { TOOL_NAME, TOOL_VERSION } from '../../core/version.js';
import type { GateReport, PolicyViolation } from '../result.js';

const LEVEL = (v: PolicyViolation): 'error' | 'warning' | 'note' => (v.status === 'failure' ? 'error' : v.status === 'warning' ? 'warning' : 'note');

/** GitHub's `security-severity` (0-10) from our severity names. */
const SECURITY_SEVERITY: Readonly<Record<string, string>> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

export function renderSarif(report: GateReport): string {
  const rules = report.rules.map((r) => ({
    id: `${r.namespace}.${r.name}`,
    name: r.name,
    shortDescription: { text: r.title ?? r.name },
    ...(r.description !== null ? { fullDescription: { text: r.description } } : {}),
    ...(r.remediation !== null ? { help: { text: r.remediation } } : {}),
    defaultConfiguration: { level: r.kind === 'deny' ? 'error' : 'warning' },
    properties: { tags: ['supply-chain', 'policy'], ...(r.severity !== null && SECURITY_SEVERITY[r.severity] !== undefined ? { 'security-severity': SECURITY_SEVERITY[r.severity] } : {}) },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.inputs.flatMap((input) =>
    input.violations.map((v) => ({
      ruleId: `${v.namespace}.${v.rule}`,
      ruleIndex: index.get(`${v.namespace}.${v.rule}`) ?? 0,
      level: LEVEL(v),
      message: { text: v.exception?.expired === true ? `${v.msg} (exception expired on ${v.exception.expires})` : v.msg },
      locations: [{ physicalLocation: { artifactLocation: { uri: v.location.file }, region: { startLine: v.location.line } } }],
      partialFingerprints: { chainwardenViolation: `${v.namespace}.${v.rule}:${v.target ?? v.msg}` },
      ...(v.status === 'excepted' && v.exception !== null ? { suppressions: [{ kind: 'external', justification: `${v.exception.reason} (owner ${v.exception.owner}, until ${v.exception.expires})` }] } : {}),
      properties: { input: input.input, severity: v.severity, ...(v.target !== null ? { target: v.target } : {}) },
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: 'https://github.com/chainwarden/chainwarden', rules } }, results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
