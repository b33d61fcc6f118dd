import { isRecord } from '../../core/parse.js';
import type { SkippedStatement, VexDocumentInfo, VexProduct, VexStatement, VexStatus, VexSubject, VexVersionRule } from '../statement.js';
import type { VexFormat } from './format.js';
import { arr, str } from './format.js';

/** CycloneDX `analysis.state` → the statement model. */
const STATES: Readonly<Record<string, VexStatus>> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
};

const BOM_LINK = /^urn:cdx:([0-9a-f-]{36})\/(\d+)#(.+)$/i;

function componentsByRef(doc: Record<string, unknown>): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const walk = (list: unknown): void => {
    for (const c of arr(list)) {
      if (!isRecord(c)) continue;
      const ref = str(c['bom-ref']);
      if (ref !== undefined) out.set(ref, str(c['purl']));
      walk(c['components']);
    }
  };
  walk(doc['components']);
  const meta = isRecord(doc['metadata']) ? doc['metadata']['component'] : undefined;
  if (isRecord(meta) && str(meta['bom-ref']) !== undefined) out.set(str(meta['bom-ref']) ?? '', str(meta['purl']));
  return out;
}

function subjectOf(ref: string, refs: Map<string, string | undefined>): VexSubject {
  const link = BOM_LINK.exec(ref);
  if (link !== null) return { kind: 'bom-link', serial: (link[1] ?? '').toLowerCase(), version: Number(link[2]), ref: decodeURIComponent(link[3] ?? '') };
  if (refs.has(ref)) {
    const purl = refs.get(ref);
    return purl !== undefined ? { kind: 'bom-ref', ref, purl } : { kind: 'bom-ref', ref };
  }
  if (ref.startsWith('pkg:')) return { kind: 'purl', purl: ref };
  return { kind: 'other', id: ref };
}

/** CycloneDX VEX (1.4–1.6): standalone (BOM-Links) or embedded in a BOM (bom-refs resolved in that BOM). */
export const CycloneDxVexFormat: VexFormat = {
  name: 'cyclonedx',
  detect: (doc) => doc['bomFormat'] === 'CycloneDX',
  read(doc, file) {
    const serial = str(doc['serialNumber']);
    const metadata = isRecord(doc['metadata']) ? doc['metadata'] : {};
    const info: VexDocumentInfo = {
      format: 'cyclonedx',
      formatVersion: `cyclonedx ${str(doc['specVersion']) ?? '?'}`,
      id: serial ?? file,
      ...(typeof doc['version'] === 'number' ? { version: doc['version'] } : {}),
      ...(str(metadata['timestamp']) !== undefined ? { timestamp: str(metadata['timestamp']) } : {}),
      file,
      bom: { ...(serial !== undefined ? { serial: serial.replace(/^urn:uuid:/i, '').toLowerCase() } : {}), ...(typeof doc['version'] === 'number' ? { version: doc['version'] } : {}) },
    };
    const refs = componentsByRef(doc);
    const statements: VexStatement[] = [];
    const skipped: SkippedStatement[] = [];
    arr(doc['vulnerabilities']).forEach((v, i) => {
      const at = `vulnerabilities[${i}]`;
      if (!isRecord(v)) return skipped.push({ at, reason: 'not an object' });
      const id = str(v['id']);
      if (id === undefined) return skipped.push({ at, reason: 'no vulnerability id' });
      const analysis = isRecord(v['analysis']) ? v['analysis'] : undefined;
      const state = str(analysis?.['state']);
      if (state === undefined) return skipped.push({ at, reason: 'no analysis.state: not a VEX statement' });
      const status = STATES[state];
      if (status === undefined) return skipped.push({ at, reason: `unknown analysis.state "${state}"` });
      const products: VexProduct[] = [];
      for (const a of arr(v['affects'])) {
        if (!isRecord(a) || str(a['ref']) === undefined) continue;
        const versions: VexVersionRule[] = arr(a['versions']).flatMap((r) => {
          if (!isRecord(r)) return [];
          const s = str(r['status']);
          const rule: VexVersionRule = { status: s === 'affected' || s === 'unaffected' ? s : 'unknown', ...(str(r['version']) !== undefined ? { version: str(r['version']) } : {}), ...(str(r['range']) !== undefined ? { range: str(r['range']) } : {}) };
          return [rule];
        });
        products.push({ subject: subjectOf(str(a['ref']) ?? '', refs), subcomponents: [], ...(versions.length > 0 ? { versions } : {}) });
      }
      if (products.length === 0) return skipped.push({ at, reason: 'no affects[]: the statement names no product' });
      const responses = arr(analysis?.['response']).flatMap((r) => str(r) ?? []);
      const timestamp = str(analysis?.['lastUpdated']) ?? str(v['updated']) ?? str(analysis?.['firstIssued']);
      statements.push({
        vulnerability: id,
        aliases: arr(v['references']).flatMap((r) => (isRecord(r) ? (str(r['id']) ?? []) : [])),
        products,
        status,
        sourceStatus: state,
        ...(str(analysis?.['justification']) !== undefined ? { justification: str(analysis?.['justification']) } : {}),
        ...(str(analysis?.['detail']) !== undefined ? { impact: str(analysis?.['detail']) } : {}),
        ...(responses.length > 0 ? { actionStatement: responses.join(', ') } : {}),
        ...(timestamp !== undefined ? { timestamp } : {}),
        at,
        document: info,
      });
    });
    return { info, statements, skipped };
  },
};
