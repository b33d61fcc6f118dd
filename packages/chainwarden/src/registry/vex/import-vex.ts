/**
 * `chainwarden vex import`: one VEX document into the ledger. Supplier VEX is verified against the supplier's trust
 * policy exactly as `ingest` verifies supplier SBOMs (same code: ingest/ingest-vex.ts prepareVex and
 * ingest/ingest.ts verifySignature); without a supplier it is the user's own (internal) VEX. Then one transaction:
 * the document, its statements and an audit entry. The same bytes again are a no-op, reported as such.
 */
import { ChainwardenError, RegistryError } from '../../core/errors.js';
import { canonicalJson } from '../canonical-json.js';
import { appendAudit, recordAudit } from '../audit-log.js';
import type { Registry } from '../database.js';
import { prepareVex, VexRejection } from '../ingest/ingest-vex.js';
import type { PreparedVex } from './store-vex.js';
import type { MatchableComponent } from './match-report.js';
import { matchStatement } from './match-report.js';

const BATCH = 500;

export interface VexImportOptions {
  /** Absolute path, and the file as the user named it. */
  readonly file: string;
  readonly display: string;
  /** The supplier whose trust policy must verify `bundle`; undefined = the user's own (internal) VEX. */
  readonly supplier?: string;
  readonly bundle?: { readonly file: string; readonly display: string };
  readonly allowUnsigned?: boolean;
  /** Scope the document to one registry product (its statements apply to that product's scans only). */
  readonly product?: string;
  readonly trustedRoot?: string;
  readonly actor: string;
  readonly now?: Date;
}

export interface MatchedStatement {
  readonly at: string;
  readonly vulnerability: string;
  readonly status: string;
  /** `product@version (n component(s))` for each registry product (latest version) it names components of. */
  readonly products: readonly string[];
}

export interface VexImportReport {
  readonly file: string;
  readonly sha256: string;
  /** `already-in-ledger`: the same bytes are in the ledger already (nothing was stored again). */
  readonly status: 'imported' | 'already-in-ledger';
  readonly format: string;
  readonly id: string;
  readonly version?: number;
  readonly timestamp?: string;
  readonly issuer?: string;
  readonly origin: string;
  readonly signature: string;
  readonly signer?: string;
  readonly product?: string;
  readonly statements: number;
  readonly matched: readonly MatchedStatement[];
  readonly unmatched: readonly { readonly at: string; readonly vulnerability: string; readonly reason: string }[];
  readonly skipped: readonly { readonly at: string; readonly reason: string }[];
  /** Every version of this document id in the ledger (this one included), oldest first. */
  readonly history: readonly { readonly version: number | null; readonly timestamp: string | null; readonly importedAt: string; readonly sha256: string }[];
}

interface ProductComponents {
  readonly label: string;
  readonly serial: string | undefined;
  readonly components: readonly MatchableComponent[];
}

/** The latest version of every registry product (or of one), with its components, to report matches against. */
async function productsToMatch(registry: Registry, product: string | undefined): Promise<ProductComponents[]> {
  const { sbomSerial } = await import('./store-vex.js');
  let q = registry.db.selectFrom('products').select(['id', 'name']);
  if (product !== undefined) q = q.where('name', '=', product);
  const out: ProductComponents[] = [];
  for (const p of await q.orderBy('name').execute()) {
    const v = await registry.db.selectFrom('versions').select(['id', 'version', 'document_sha256']).where('product_id', '=', Number(p.id)).orderBy('id', 'desc').limit(1).executeTakeFirst();
    if (v === undefined) continue;
    const doc = await registry.db.selectFrom('documents').select('content').where('sha256', '=', v.document_sha256).executeTakeFirstOrThrow();
    const rows = await registry.db.selectFrom('components').select(['bom_ref', 'purl']).where('version_id', '=', Number(v.id)).execute();
    out.push({ label: `${p.name}@${v.version}`, serial: sbomSerial(doc.content), components: rows.map((r) => ({ bomRef: r.bom_ref, ...(r.purl !== null ? { purl: r.purl } : {}) })) });
  }
  return out;
}

function matchReport(doc: PreparedVex, products: readonly ProductComponents[]): Pick<VexImportReport, 'matched' | 'unmatched' | 'skipped'> {
  const matched: MatchedStatement[] = [];
  const unmatched: { at: string; vulnerability: string; reason: string }[] = [];
  for (const s of doc.document.statements) {
    const names: string[] = [];
    let reason: string | undefined;
    for (const p of products) {
      const m = matchStatement(s, p.components, p.serial);
      if (m.components.length > 0) names.push(`${p.label} (${m.components.length} component${m.components.length === 1 ? '' : 's'})`);
      else reason ??= m.reason !== undefined && m.reason !== '' ? `${p.label}: ${m.reason}` : undefined;
    }
    if (names.length > 0) matched.push({ at: s.at, vulnerability: s.vulnerability, status: s.sourceStatus, products: names });
    else unmatched.push({ at: s.at, vulnerability: s.vulnerability, reason: products.length === 0 ? 'no product in the registry yet (kept: it applies when one appears)' : `names no component of ${products.length === 1 ? products[0]?.label ?? '' : `the ${products.length} registry products`} (kept: it applies when one appears)${reason !== undefined ? `; e.g. ${reason}` : ''}` });
  }
  return { matched, unmatched, skipped: doc.document.skipped.map((k) => ({ at: k.at, reason: k.reason })) };
}

async function history(registry: Registry, documentId: string): Promise<VexImportReport['history']> {
  const rows = await registry.db.selectFrom('vex_ledger').select(['document_version', 'document_timestamp', 'imported_at', 'sha256']).where('document_id', '=', documentId).orderBy('id').execute();
  return rows.map((r) => ({ version: r.document_version === null ? null : Number(r.document_version), timestamp: r.document_timestamp, importedAt: r.imported_at, sha256: r.sha256 }));
}

export async function importVex(registry: Registry, options: VexImportOptions): Promise<VexImportReport> {
  const now = options.now ?? new Date();
  const { readBytes, verifySignature } = await import('../ingest/ingest.js');
  let prepared: PreparedVex;
  try {
    const ingestLike = { file: options.file, display: options.display, actor: options.actor, ...(options.supplier !== undefined ? { supplier: options.supplier } : {}), ...(options.allowUnsigned === true ? { allowUnsigned: true } : {}), ...(options.trustedRoot !== undefined ? { trustedRoot: options.trustedRoot } : {}) };
    const docs = await prepareVex([{ file: options.file, display: options.display, ...(options.bundle !== undefined ? { bundle: options.bundle } : {}) }], {
      read: readBytes,
      verify: (bytes, target) => verifySignature(registry, ingestLike, bytes, { ...target, flag: '--bundle <doc.sigstore.json>' }),
      firstParty: options.supplier === undefined,
    });
    prepared = docs[0] as PreparedVex;
  } catch (error) {
    const cause = error instanceof VexRejection ? error.cause : error;
    if (cause instanceof ChainwardenError && !(cause instanceof RegistryError && cause.code === 'REGISTRY_NOT_FOUND')) {
      await recordAudit(registry, { actor: options.actor, action: 'vex-reject', subject: options.display, detail: { supplier: options.supplier ?? null, code: cause.code, reason: cause.message }, at: now });
    }
    throw cause;
  }
  let productId: number | null = null;
  if (options.product !== undefined) {
    const p = await registry.db.selectFrom('products').select('id').where('name', '=', options.product).executeTakeFirst();
    if (p === undefined) throw new RegistryError('REGISTRY_NOT_FOUND', `no product "${options.product}" in the registry (chainwarden registry products lists them)`);
    productId = Number(p.id);
  }
  const info = prepared.document.info;
  const origin = options.supplier !== undefined ? `supplier ${options.supplier}` : 'internal';
  const signature = prepared.signature === 'first-party' ? 'internal' : prepared.signature;
  const signer = prepared.signer.subject ?? prepared.signer.key;
  const report = matchReport(prepared, await productsToMatch(registry, options.product));
  const base = {
    file: options.display,
    sha256: prepared.sha256,
    format: info.formatVersion,
    id: info.id,
    ...(info.version !== undefined ? { version: info.version } : {}),
    ...(info.timestamp !== undefined ? { timestamp: info.timestamp } : {}),
    ...(info.issuer !== undefined ? { issuer: info.issuer } : {}),
    origin,
    signature,
    ...(signer !== undefined ? { signer } : {}),
    ...(options.product !== undefined ? { product: options.product } : {}),
    statements: prepared.document.statements.length,
    ...report,
  };
  const same = await registry.db.selectFrom('vex_ledger').select('id').where('sha256', '=', prepared.sha256).executeTakeFirst();
  const sameIngested = await registry.db.selectFrom('vex_documents').select('id').where('sha256', '=', prepared.sha256).executeTakeFirst();
  if (same !== undefined || sameIngested !== undefined) return { ...base, status: 'already-in-ledger', history: await history(registry, info.id) };
  await registry.transaction(async (tx) => {
    let supplierId: number | null = null;
    if (options.supplier !== undefined) supplierId = Number((await tx.selectFrom('suppliers').select('id').where('name', '=', options.supplier).executeTakeFirstOrThrow()).id);
    const { id } = await tx
      .insertInto('vex_ledger')
      .values({
        sha256: prepared.sha256,
        content: Buffer.from(prepared.bytes),
        size: prepared.bytes.byteLength,
        file: options.display,
        format: info.format,
        format_version: info.formatVersion,
        document_id: info.id,
        document_version: info.version ?? null,
        document_timestamp: info.timestamp ?? null,
        issuer: info.issuer ?? null,
        origin: options.supplier !== undefined ? 'supplier' : 'internal',
        supplier_id: supplierId,
        product_id: productId,
        imported_at: now.toISOString(),
        imported_by: options.actor,
        signature,
        verification: prepared.verification === null || prepared.verification === undefined ? null : canonicalJson(prepared.verification),
        bundle: prepared.bundle,
        signer_issuer: prepared.signer.issuer ?? null,
        signer_subject: prepared.signer.subject ?? null,
        signer_repository: prepared.signer.repository ?? null,
        signer_key: prepared.signer.key ?? null,
        report: canonicalJson({ file: options.display, statements: base.statements, matched: report.matched.length, unmatched: report.unmatched.length, skipped: report.skipped.length }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ledgerId = Number(id);
    const rows = prepared.document.statements.map((s, seq) => ({
      ledger_id: ledgerId,
      seq,
      at: s.at,
      vulnerability: s.vulnerability,
      aliases: canonicalJson(s.aliases),
      status: s.status,
      source_status: s.sourceStatus,
      justification: s.justification ?? null,
      impact: s.impact ?? null,
      action_statement: s.actionStatement ?? null,
      timestamp: s.timestamp ?? null,
      products: canonicalJson(s.products),
    }));
    for (let i = 0; i < rows.length; i += BATCH) await tx.insertInto('vex_ledger_statements').values(rows.slice(i, i + BATCH)).execute();
    await appendAudit(tx, registry.dialect, {
      actor: options.actor,
      action: 'vex-import',
      subject: options.display,
      detail: { sha256: prepared.sha256, format: info.formatVersion, id: info.id, version: info.version ?? null, origin, signature, product: options.product ?? null, statements: base.statements, matched: report.matched.length },
      at: now,
    });
  });
  return { ...base, status: 'imported', history: await history(registry, info.id) };
}
