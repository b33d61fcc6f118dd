import { TOOL_NAME, TOOL_VERSION } from '../core/version.js';
import { explainMatch } from './explain.js';
import type { Finding } from './finding.js';
import type { ScanReport } from './scan.js';
import type { Severity } from './severity.js';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', unknown: 'note' };

/**
 * SARIF 2.1.0 for a scan: one rule per vulnerability (alias group), one result per (component, vulnerability),
 * located at the SBOM file; suppressed findings carry `suppressions` with the VEX reason.
 */
export function scanToSarif(report: ScanReport): unknown {
  const rules = new Map<string, Finding>();
  for (const f of report.findings) if (!rules.has(f.vulnerability)) rules.set(f.vulnerability, f);
  const ruleIds = [...rules.keys()].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            informationUri: 'https://github.com/chainwarden/chainwarden',
            rules: ruleIds.map((id) => {
              const f = rules.get(id);
              return {
                id,
                shortDescription: { text: f?.summary ?? id },
                properties: { aliases: f?.aliases ?? [], class: f?.class, severity: f?.severity, ...(f?.score !== undefined ? { 'security-severity': String(f.score) } : {}) },
              };
            }),
          },
        },
        results: report.findings.map((f) => {
          const vex = f.vex;
          const why = vex === undefined ? '' : [vex.justification, vex.impact].filter((x) => x !== undefined).join('; ');
          const vexText = vex === undefined ? '' : ` VEX: ${vex.status}${why !== '' ? ` (${why})` : ''}, ${vex.statement.file} ${vex.statement.at}.`;
          const component = `${f.component.name}${f.component.version !== undefined ? `@${f.component.version}` : ''}`;
          return {
            ruleId: f.vulnerability,
            ruleIndex: ruleIds.indexOf(f.vulnerability),
            level: f.class === 'unknown-version' || f.class === 'informational' ? 'note' : LEVEL[f.severity],
            message: {
              text: `${component} (${f.component.purl ?? 'no purl'}): ${f.class} ${f.vulnerability}. ${f.explanations.map(explainMatch).join('; ')}.${f.fixed.length > 0 ? ` Fixed in ${f.fixed.join(', ')}.` : ''}${vexText}`,
            },
            locations: [{ physicalLocation: { artifactLocation: { uri: report.sbom } }, logicalLocations: [{ name: f.component.purl ?? f.component.name, kind: 'package' }] }],
            partialFingerprints: { 'chainwarden/v1': `${f.component.purl ?? f.component.name}|${f.vulnerability}` },
            ...(vex?.suppressed === true
              ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `VEX ${vex.status}${why !== '' ? `: ${why}` : ''} (${vex.statement.file} ${vex.statement.at}, ${vex.statement.format})` }] }
              : {}),
          };
        }),
      },
    ],
  };
}
