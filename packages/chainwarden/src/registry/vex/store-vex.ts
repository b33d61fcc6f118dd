/** Writes one parsed VEX document and its normalised statements inside the caller's (the SBOM ingest's) transaction. */
import type { Kysely } from 'kysely';
import { canonicalJson } from '../canonical-json.js';
import type { RegistrySchema } from '../schema.js';
import type { RegistryTx } from '../database.js';
import type { VexDocument } from '../../vex/statement.js';
import type { MatchableComponent, VexMatchReport } from './match-report.js';
import { matchDocument } from './match-report.js';

const BATCH = 500;

export interface PreparedVex {
  /** The file as the user named it. */
  readonly display: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly document: VexDocument;
  readonly signature: 'verified' | 'unsigned' | 'first-party';
  readonly verification: unknown;
  readonly bundle: string | null;
  readonly signer: { readonly issuer?: string; readonly subject?: string; readonly repository?: string; readonly key?: string };
}

export interface VexIngestReport extends VexMatchReport {
  readonly file: string;
  readonly sha256: string;
  /** `already-stored`: the same bytes are in the registry already (linked to `linkedTo`); nothing was duplicated. */
  readonly status: 'stored' | 'already-stored';
  readonly linkedTo?: string;
  readonly format: string;
  readonly id: string;
  readonly signature: string;
}

export interface VexContext {
  readonly versionId: number;
  readonly supplierId: number | null;
  readonly components: readonly MatchableComponent[];
  /** Components quarantined at ingest: a statement naming only these says so. */
  readonly quarantined: readonly MatchableComponent[];
  readonly serial: string | undefined;
  readonly ingestedAt: string;
  readonly ingestedBy: string;
}

export async function storeVex(tx: RegistryTx, vex: PreparedVex, ctx: VexContext): Promise<VexIngestReport> {
  const { matches, report } = matchDocument(vex.document, ctx.components, ctx.serial, ctx.quarantined);
  const info = vex.document.info;
  const base = { file: vex.display, sha256: vex.sha256, format: info.formatVersion, id: info.id, signature: vex.signature, ...report };
  const existing = await tx
    .selectFrom('vex_documents')
    .innerJoin('versions', 'versions.id', 'vex_documents.version_id')
    .innerJoin('products', 'products.id', 'versions.product_id')
    .select(['products.name as product', 'versions.version'])
    .where('vex_documents.sha256', '=', vex.sha256)
    .executeTakeFirst();
  if (existing !== undefined) return { ...base, status: 'already-stored', linkedTo: `${existing.product}@${existing.version}` };
  const { id } = await tx
    .insertInto('vex_documents')
    .values({
      sha256: vex.sha256,
      content: Buffer.from(vex.bytes),
      size: vex.bytes.byteLength,
      format: info.format,
      format_version: info.formatVersion,
      document_id: info.id,
      document_version: info.version ?? null,
      document_timestamp: info.timestamp ?? null,
      issuer: info.issuer ?? null,
      supplier_id: ctx.supplierId,
      version_id: ctx.versionId,
      ingested_at: ctx.ingestedAt,
      ingested_by: ctx.ingestedBy,
      signature: vex.signature,
      verification: vex.verification === undefined || vex.verification === null ? null : canonicalJson(vex.verification),
      bundle: vex.bundle,
      signer_issuer: vex.signer.issuer ?? null,
      signer_subject: vex.signer.subject ?? null,
      signer_repository: vex.signer.repository ?? null,
      signer_key: vex.signer.key ?? null,
      report: canonicalJson({ file: vex.display, ...report }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const docId = Number(id);
  const rows = matches.map((m, seq) => ({
    vex_document_id: docId,
    seq,
    at: m.statement.at,
    vulnerability: m.statement.vulnerability,
    aliases: canonicalJson(m.statement.aliases),
    status: m.statement.status,
    source_status: m.statement.sourceStatus,
    justification: m.statement.justification ?? null,
    impact: m.statement.impact ?? null,
    action_statement: m.statement.actionStatement ?? null,
    timestamp: m.statement.timestamp ?? null,
    products: canonicalJson(m.statement.products),
    matched: m.components.length,
  }));
  for (let i = 0; i < rows.length; i += BATCH) await tx.insertInto('vex_statements').values(rows.slice(i, i + BATCH)).execute();
  return { ...base, status: 'stored' };
}

/** The SBOM's serial number (CycloneDX JSON or XML), for BOM-Link matching; read from the first 64 KiB. */
export function sbomSerial(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 65536)).toString('utf8');
  return /"serialNumber"\s*:\s*"([^"]+)"/u.exec(head)?.[1] ?? /serialNumber\s*=\s*"([^"]+)"/u.exec(head)?.[1];
}

/** A stored VEX document as `registry show` lists it. */
export interface StoredVex {
  readonly file: string;
  readonly sha256: string;
  readonly format: string;
  readonly id: string;
  readonly issuer: string | null;
  readonly timestamp: string | null;
  readonly signature: string;
  readonly signer: string | null;
  readonly ingestedAt: string;
  readonly statements: number;
  readonly matched: number;
}

/** The VEX documents linked to one product version, in ingest order. */
export async function vexOfVersion(db: Kysely<RegistrySchema>, versionId: number): Promise<StoredVex[]> {
  const rows = await db.selectFrom('vex_documents').select(['sha256', 'format_version', 'document_id', 'issuer', 'document_timestamp', 'signature', 'signer_subject', 'signer_key', 'ingested_at', 'report']).where('version_id', '=', versionId).orderBy('id').execute();
  return rows.map((r) => {
    const report = JSON.parse(r.report) as { file: string; statements: number; matched: number };
    return {
      file: report.file,
      sha256: r.sha256,
      format: r.format_version,
      id: r.document_id,
      issuer: r.issuer,
      timestamp: r.document_timestamp,
      signature: r.signature,
      signer: r.signer_subject ?? r.signer_key,
      ingestedAt: r.ingested_at,
      statements: report.statements,
      matched: report.matched,
    };
  });
}
