import { isRecord } from '../../core/parse.js';
import { VexError } from '../errors.js';
import type { SkippedStatement, VexDocumentInfo, VexProduct, VexStatement, VexStatus, VexSubject } from '../statement.js';
import type { VexFormat } from './format.js';
import { arr, str } from './format.js';

const STATUSES: ReadonlySet<string> = new Set<VexStatus>(['not_affected', 'affected', 'fixed', 'under_investigation']);

function subjectOf(value: unknown): VexSubject | undefined {
  if (typeof value === 'string') return value.startsWith('pkg:') ? { kind: 'purl', purl: value } : { kind: 'other', id: value };
  if (!isRecord(value)) return undefined;
  const ids = isRecord(value['identifiers']) ? value['identifiers'] : {};
  const id = str(value['@id']);
  const purl = str(ids['purl']) ?? (id?.startsWith('pkg:') === true ? id : undefined);
  if (purl !== undefined) return { kind: 'purl', purl };
  return id !== undefined ? { kind: 'other', id } : undefined;
}

/**
 * OpenVEX 0.2.0 (`@context: https://openvex.dev/ns/v0.2.0`) and the legacy 0.0.1 shape (`https://openvex.dev/ns`,
 * string vulnerability and products, no document version).
 */
export const OpenVexFormat: VexFormat = {
  name: 'openvex',
  detect: (doc) => typeof doc['@context'] === 'string' && doc['@context'].startsWith('https://openvex.dev/ns'),
  read(doc, file) {
    const context = doc['@context'] as string;
    const legacy = !/\/v0\.[1-9]/.test(context);
    const id = str(doc['@id']);
    if (id === undefined) throw new VexError('an OpenVEX document needs an "@id"', { file, path: '@id' });
    if (!Array.isArray(doc['statements'])) throw new VexError('an OpenVEX document needs a "statements" list', { file, path: 'statements' });
    const info: VexDocumentInfo = {
      format: 'openvex',
      formatVersion: legacy ? 'openvex 0.0.1 (legacy)' : `openvex ${/v(\d+\.\d+\.\d+)/.exec(context)?.[1] ?? context}`,
      id,
      ...(typeof doc['version'] === 'number' ? { version: doc['version'] } : {}),
      ...(str(doc['timestamp']) !== undefined ? { timestamp: str(doc['timestamp']) } : {}),
      ...(str(doc['author']) !== undefined ? { issuer: str(doc['author']) } : {}),
      file,
    };
    const statements: VexStatement[] = [];
    const skipped: SkippedStatement[] = [];
    (doc['statements'] as unknown[]).forEach((s, i) => {
      const at = `statements[${i}]`;
      if (!isRecord(s)) return skipped.push({ at, reason: 'not an object' });
      const v = s['vulnerability'];
      const vulnerability = typeof v === 'string' ? v : isRecord(v) ? (str(v['name']) ?? str(v['@id'])) : undefined;
      if (vulnerability === undefined) return skipped.push({ at, reason: 'no vulnerability name' });
      const status = str(s['status']);
      if (status === undefined || !STATUSES.has(status)) return skipped.push({ at, reason: `unknown status "${String(s['status'])}"` });
      const products: VexProduct[] = [];
      for (const p of arr(s['products'])) {
        const subject = subjectOf(p);
        if (subject === undefined) continue;
        const subcomponents = isRecord(p) ? arr(p['subcomponents']).flatMap((c) => subjectOf(c) ?? []) : [];
        products.push({ subject, subcomponents });
      }
      if (products.length === 0) return skipped.push({ at, reason: 'no products: the statement needs a product (e.g. from an enclosing attestation) before it can apply' });
      const aliases = isRecord(v) ? arr(v['aliases']).flatMap((a) => str(a) ?? []) : [];
      statements.push({
        vulnerability,
        aliases,
        products,
        status: status as VexStatus,
        sourceStatus: status,
        ...(str(s['justification']) !== undefined ? { justification: str(s['justification']) } : {}),
        ...(str(s['impact_statement']) !== undefined ? { impact: str(s['impact_statement']) } : {}),
        ...(str(s['action_statement']) !== undefined ? { actionStatement: str(s['action_statement']) } : {}),
        ...(str(s['timestamp']) !== undefined ? { timestamp: str(s['timestamp']) } : {}),
        at,
        document: info,
      });
    });
    return { info, statements, skipped };
  },
};
