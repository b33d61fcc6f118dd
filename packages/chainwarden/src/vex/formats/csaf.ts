import { isRecord } from '../../core/parse.js';
import type { SkippedStatement, VexDocumentInfo, VexProduct, VexStatement, VexStatus, VexSubject } from '../statement.js';
import type { VexFormat } from './format.js';
import { arr, str } from './format.js';

/** CSAF `product_status` lists → the statement model (`recommended` names the fixed version to take). */
const STATUS_LISTS: Readonly<Record<string, VexStatus>> = {
  known_not_affected: 'not_affected',
  fixed: 'fixed',
  first_fixed: 'fixed',
  recommended: 'fixed',
  known_affected: 'affected',
  first_affected: 'affected',
  last_affected: 'affected',
  under_investigation: 'under_investigation',
};

/** product_id → subject and subcomponents, from the product tree's branches, full names and relationships. */
function productIndex(tree: unknown): Map<string, VexProduct> {
  const out = new Map<string, VexProduct>();
  const subjectOf = (p: Record<string, unknown>): VexSubject => {
    const helper = isRecord(p['product_identification_helper']) ? p['product_identification_helper'] : {};
    const purl = str(helper['purl']);
    return purl !== undefined ? { kind: 'purl', purl } : { kind: 'other', id: str(p['name']) ?? str(p['product_id']) ?? '?' };
  };
  const add = (p: unknown): void => {
    if (isRecord(p) && str(p['product_id']) !== undefined) out.set(str(p['product_id']) ?? '', { subject: subjectOf(p), subcomponents: [] });
  };
  const walk = (branches: unknown): void => {
    for (const b of arr(branches)) {
      if (!isRecord(b)) continue;
      add(b['product']);
      walk(b['branches']);
    }
  };
  if (!isRecord(tree)) return out;
  walk(tree['branches']);
  for (const p of arr(tree['full_product_names'])) add(p);
  for (const r of arr(tree['relationships'])) {
    if (!isRecord(r) || !isRecord(r['full_product_name'])) continue;
    const id = str(r['full_product_name']['product_id']);
    const component = out.get(str(r['product_reference']) ?? '');
    const platform = out.get(str(r['relates_to_product_reference']) ?? '');
    if (id === undefined || component === undefined || platform === undefined) continue;
    out.set(id, { subject: platform.subject, subcomponents: [component.subject] });
  }
  return out;
}

/** Per product id, the first text of a list of `{product_ids, …}` entries (flags, threats, remediations). */
function byProduct(list: unknown, text: (e: Record<string, unknown>) => string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of arr(list)) {
    if (!isRecord(e)) continue;
    const t = text(e);
    if (t === undefined) continue;
    for (const id of arr(e['product_ids'])) if (typeof id === 'string' && !out.has(id)) out.set(id, t);
  }
  return out;
}

/** CSAF 2.0/2.1 (the VEX profile, and other profiles' product_status): product tree, relationships, purl helpers. */
export const CsafFormat: VexFormat = {
  name: 'csaf',
  detect: (doc) => isRecord(doc['document']) && typeof doc['document']['csaf_version'] === 'string',
  read(doc, file) {
    const document = doc['document'] as Record<string, unknown>;
    const tracking = isRecord(document['tracking']) ? document['tracking'] : {};
    const publisher = isRecord(document['publisher']) ? document['publisher'] : {};
    const version = Number.parseInt(str(tracking['version']) ?? '', 10);
    const info: VexDocumentInfo = {
      format: 'csaf',
      formatVersion: `csaf ${str(document['csaf_version']) ?? '?'} (${str(document['category']) ?? '?'})`,
      id: str(tracking['id']) ?? file,
      ...(Number.isFinite(version) ? { version } : {}),
      ...(str(tracking['current_release_date']) !== undefined ? { timestamp: str(tracking['current_release_date']) } : {}),
      ...(str(publisher['name']) !== undefined ? { issuer: str(publisher['name']) } : {}),
      file,
    };
    const products = productIndex(doc['product_tree']);
    const statements: VexStatement[] = [];
    const skipped: SkippedStatement[] = [];
    arr(doc['vulnerabilities']).forEach((v, i) => {
      const at = `vulnerabilities[${i}]`;
      if (!isRecord(v)) return skipped.push({ at, reason: 'not an object' });
      const ids = arr(v['ids']).flatMap((x) => (isRecord(x) ? (str(x['text']) ?? []) : []));
      const vulnerability = str(v['cve']) ?? ids[0];
      if (vulnerability === undefined) return skipped.push({ at, reason: 'no cve or ids' });
      const flags = byProduct(v['flags'], (e) => str(e['label']));
      const impacts = byProduct(v['threats'], (e) => (e['category'] === 'impact' ? str(e['details']) : undefined));
      const actions = byProduct(v['remediations'], (e) => str(e['details']));
      const status = isRecord(v['product_status']) ? v['product_status'] : {};
      for (const [list, mapped] of Object.entries(STATUS_LISTS)) {
        for (const pid of arr(status[list])) {
          if (typeof pid !== 'string') continue;
          const product = products.get(pid);
          if (product === undefined) {
            skipped.push({ at: `${at}.product_status.${list}`, reason: `product_id "${pid}" is not in the product tree` });
            continue;
          }
          statements.push({
            vulnerability,
            aliases: ids.filter((x) => x !== vulnerability),
            products: [product],
            status: mapped,
            sourceStatus: list,
            ...(flags.has(pid) ? { justification: flags.get(pid) } : {}),
            ...(impacts.has(pid) ? { impact: impacts.get(pid) } : {}),
            ...(actions.has(pid) ? { actionStatement: actions.get(pid) } : {}),
            at: `${at}.product_status.${list}`,
            document: info,
          });
        }
      }
    });
    return { info, statements, skipped };
  },
};
