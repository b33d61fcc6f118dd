/** `vex export --format openvex`: the effective statements as one OpenVEX 0.2.0 document, deterministic bytes. */
import { sha256Hex } from '../../core/digest.js';
import type { EffectiveVex } from './effective.js';
import { exportTime, provenanceNote, statementTime } from './effective.js';
import { toOpenVexJustification } from './justifications.js';

export function toOpenVex(effective: EffectiveVex, fallbackTime?: Date): string {
  const p = effective.product;
  const statements = effective.statements.map((e) => {
    const s = e.statement;
    const justification = toOpenVexJustification(s.justification);
    const lostJustification = s.justification !== undefined && justification === undefined ? `justification ${s.justification}` : undefined;
    const impact = [s.impact, lostJustification].filter((x) => x !== undefined).join('; ');
    const time = statementTime(s);
    // The product with the component as subcomponent when the product has a purl; else the component itself
    // (import the document with --product to keep it to this product).
    const product = p.purl !== undefined ? { '@id': p.purl, subcomponents: [{ '@id': e.component.purl }] } : { '@id': e.component.purl };
    return {
      vulnerability: { name: e.vulnerability, ...(e.aliases.length > 0 ? { aliases: e.aliases } : {}) },
      ...(time !== undefined ? { timestamp: time } : {}),
      products: [product],
      status: s.status,
      status_notes: provenanceNote(s),
      ...(justification !== undefined ? { justification } : {}),
      ...(impact !== '' ? { impact_statement: impact } : s.status === 'not_affected' && justification === undefined ? { impact_statement: `not affected according to ${s.document.id}` } : {}),
      ...(s.actionStatement !== undefined ? { action_statement: s.actionStatement } : s.status === 'affected' ? { action_statement: `no action stated by ${s.document.id}` } : {}),
    };
  });
  const body = JSON.stringify(statements);
  const doc = {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': `https://openvex.dev/docs/chainwarden/${encodeURIComponent(p.name)}-${encodeURIComponent(p.version)}-${sha256Hex(body).slice(0, 16)}`,
    author: 'chainwarden vex export',
    timestamp: exportTime(effective, fallbackTime),
    version: 1,
    tooling: 'chainwarden vex export (effective statements of the registry VEX ledger)',
    statements,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
