/**
 * The VEX ledger in the registry: documents imported on their own (`vex import`, table `vex_ledger`) and those
 * ingested with a supplier SBOM (`ingest --vex`, table `vex_documents`). Nothing is overwritten: a newer version of
 * a document is stored beside the old one and, per vulnerability, product and subcomponent, the newest statement
 * wins when the ledger is applied (vex/ledger.ts). Statements apply to findings that appear later too.
 */
import { VexLedger } from '../../vex/ledger.js';
import { parseVexText } from '../../vex/read.js';
import type { VexDocument } from '../../vex/statement.js';
import type { Registry } from '../database.js';

interface StoredDoc {
  readonly order: string;
  readonly document: VexDocument;
}

/**
 * The ledger for a scan of `product` (a registry product name, or the root name of a scanned SBOM): every
 * `vex import` document not scoped to another product, plus the VEX ingested with that product's SBOMs.
 * Without `product`, every document of the ledger.
 */
export async function loadLedger(registry: Registry, product?: string): Promise<VexLedger> {
  const db = registry.db;
  const productRow = product === undefined ? undefined : await db.selectFrom('products').select('id').where('name', '=', product).executeTakeFirst();
  let imported = db.selectFrom('vex_ledger').select(['id', 'content', 'file', 'product_id']);
  if (product !== undefined) {
    imported = productRow === undefined ? imported.where('product_id', 'is', null) : imported.where((eb) => eb.or([eb('product_id', 'is', null), eb('product_id', '=', Number(productRow.id))]));
  }
  const docs: StoredDoc[] = [];
  for (const r of await imported.orderBy('id').execute()) {
    docs.push({ order: `b${String(r.id).padStart(12, '0')}`, document: parseVexText(Buffer.from(r.content).toString('utf8'), r.file) });
  }
  let ingested = db.selectFrom('vex_documents').innerJoin('versions', 'versions.id', 'vex_documents.version_id').innerJoin('products', 'products.id', 'versions.product_id').select(['vex_documents.id', 'vex_documents.content', 'vex_documents.report']);
  if (product !== undefined) ingested = ingested.where('products.name', '=', product);
  for (const r of await ingested.orderBy('vex_documents.id').execute()) {
    const file = (JSON.parse(r.report) as { file?: string }).file ?? `vex-document-${String(r.id)}`;
    docs.push({ order: `a${String(r.id).padStart(12, '0')}`, document: parseVexText(Buffer.from(r.content).toString('utf8'), file) });
  }
  const ledger = new VexLedger();
  for (const d of docs.sort((a, b) => (a.order < b.order ? -1 : 1))) ledger.add(d.document);
  return ledger;
}

/** One document of the ledger as `vex list` shows it. */
export interface LedgerEntry {
  readonly file: string;
  readonly sha256: string;
  readonly format: string;
  readonly id: string;
  readonly version: number | null;
  readonly timestamp: string | null;
  readonly issuer: string | null;
  /** `supplier <name>`, `internal`, or `ingest <product>@<version>` (stored with a supplier SBOM). */
  readonly origin: string;
  /** Only statements about this product (--product at import), else null. */
  readonly product: string | null;
  readonly signature: string;
  readonly signer: string | null;
  readonly importedAt: string;
  readonly importedBy: string;
  readonly statements: number;
}

/** Every document of the ledger, oldest first (ingested with SBOMs and imported, by time). */
export async function listLedger(registry: Registry): Promise<LedgerEntry[]> {
  const db = registry.db;
  const imported = await db
    .selectFrom('vex_ledger as l')
    .leftJoin('suppliers as s', 's.id', 'l.supplier_id')
    .leftJoin('products as p', 'p.id', 'l.product_id')
    .select(['l.id', 'l.file', 'l.sha256', 'l.format_version', 'l.document_id', 'l.document_version', 'l.document_timestamp', 'l.issuer', 'l.origin', 's.name as supplier', 'p.name as product', 'l.signature', 'l.signer_subject', 'l.signer_key', 'l.imported_at', 'l.imported_by', 'l.report'])
    .execute();
  const ingested = await db
    .selectFrom('vex_documents as d')
    .innerJoin('versions as v', 'v.id', 'd.version_id')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .select(['d.id', 'd.sha256', 'd.format_version', 'd.document_id', 'd.document_version', 'd.document_timestamp', 'd.issuer', 'p.name as product', 'v.version', 'd.signature', 'd.signer_subject', 'd.signer_key', 'd.ingested_at', 'd.ingested_by', 'd.report'])
    .execute();
  const out: LedgerEntry[] = [
    ...imported.map((r) => ({
      file: r.file,
      sha256: r.sha256,
      format: r.format_version,
      id: r.document_id,
      version: r.document_version === null ? null : Number(r.document_version),
      timestamp: r.document_timestamp,
      issuer: r.issuer,
      origin: r.origin === 'supplier' ? `supplier ${r.supplier ?? '?'}` : 'internal',
      product: r.product,
      signature: r.signature,
      signer: r.signer_subject ?? r.signer_key,
      importedAt: r.imported_at,
      importedBy: r.imported_by,
      statements: (JSON.parse(r.report) as { statements: number }).statements,
    })),
    ...ingested.map((r) => {
      const report = JSON.parse(r.report) as { file: string; statements: number };
      return {
        file: report.file,
        sha256: r.sha256,
        format: r.format_version,
        id: r.document_id,
        version: r.document_version === null ? null : Number(r.document_version),
        timestamp: r.document_timestamp,
        issuer: r.issuer,
        origin: `ingest ${r.product}@${r.version}`,
        product: r.product,
        signature: r.signature,
        signer: r.signer_subject ?? r.signer_key,
        importedAt: r.ingested_at,
        importedBy: r.ingested_by,
        statements: report.statements,
      };
    }),
  ];
  return out.sort((a, b) => (a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : a.sha256 < b.sha256 ? -1 : 1));
}
