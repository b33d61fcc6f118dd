/** `vex export --format cyclonedx`: the effective statements as a standalone CycloneDX 1.6 VEX BOM, deterministic bytes. */
import { sha256Hex } from '../../core/digest.js';
import type { VexStatus } from '../statement.js';
import type { EffectiveVex } from './effective.js';
import { exportTime, provenanceNote, statementTime } from './effective.js';
import { toCycloneDxJustification } from './justifications.js';

const STATES: Readonly<Record<VexStatus, string>> = { not_affected: 'not_affected', fixed: 'resolved', affected: 'exploitable', under_investigation: 'in_triage' };
/** Source words kept as they are when the statement came from CycloneDX (they say more than the mapped status). */
const CDX_STATES: ReadonlySet<string> = new Set(['not_affected', 'false_positive', 'resolved', 'resolved_with_pedigree', 'exploitable', 'in_triage']);
const RESPONSES: ReadonlySet<string> = new Set(['can_not_fix', 'will_not_fix', 'update', 'rollback', 'workaround_available']);

function sourceOf(id: string): { name: string } {
  const prefix = /^([A-Z]+)-/u.exec(id)?.[1];
  return { name: prefix === 'CVE' ? 'NVD' : prefix === 'GHSA' ? 'GitHub' : prefix === undefined ? 'unknown' : prefix };
}

function uuidOf(hex: string): string {
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function toCycloneDxVex(effective: EffectiveVex, fallbackTime?: Date): string {
  const p = effective.product;
  const components = new Map<string, { type: string; 'bom-ref': string; name: string; version?: string; purl: string }>();
  for (const e of effective.statements) {
    const c = e.component;
    components.set(c.purl, { type: 'library', 'bom-ref': c.purl, name: c.name, ...(c.version !== undefined ? { version: c.version } : {}), purl: c.purl });
  }
  const vulnerabilities = effective.statements.map((e) => {
    const s = e.statement;
    const state = s.document.format === 'cyclonedx' && CDX_STATES.has(s.sourceStatus) ? s.sourceStatus : STATES[s.status];
    const justification = toCycloneDxJustification(s.justification);
    const actions = (s.actionStatement ?? '').split(/,\s*/u).filter((a) => a !== '');
    const responses = actions.every((a) => RESPONSES.has(a)) ? actions : [];
    const detail = [s.impact, justification === undefined && s.justification !== undefined ? `justification ${s.justification}` : undefined, responses.length === 0 && s.actionStatement !== undefined ? `action: ${s.actionStatement}` : undefined, provenanceNote(s)].filter((x) => x !== undefined).join('; ');
    const time = statementTime(s);
    return {
      id: e.vulnerability,
      ...(e.aliases.length > 0 ? { references: e.aliases.map((a) => ({ id: a, source: sourceOf(a) })) } : {}),
      analysis: {
        state,
        ...(justification !== undefined ? { justification } : {}),
        ...(responses.length > 0 ? { response: responses } : {}),
        detail,
        ...(time !== undefined ? { lastUpdated: time } : {}),
      },
      affects: [{ ref: e.component.purl }],
    };
  });
  const body = JSON.stringify({ p, components: [...components.values()], vulnerabilities });
  const doc = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${uuidOf(sha256Hex(body))}`,
    version: 1,
    metadata: {
      timestamp: exportTime(effective, fallbackTime),
      tools: { components: [{ type: 'application', name: 'chainwarden', description: 'vex export: effective statements of the registry VEX ledger' }] },
      component: { type: 'application', 'bom-ref': 'product', name: p.name, version: p.version, ...(p.purl !== undefined ? { purl: p.purl } : {}) },
    },
    components: [...components.values()].sort((a, b) => (a.purl < b.purl ? -1 : a.purl > b.purl ? 1 : 0)),
    vulnerabilities,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
