/** Writes one validated SBOM into the registry inside the caller's transaction: document, version, components, graph, quarantine. */
import { canonicalJson } from '../canonical-json.js';
import type { RegistryTx } from '../database.js';
import type { ValidatedSbom } from './validate.js';

const BATCH = 500;

export interface VersionRecord {
  readonly productId: number;
  readonly version: string;
  readonly sha256: string;
  readonly bytes: Uint8Array;
  readonly format: string;
  readonly specVersion: string;
  readonly previousVersionId: number | null;
  readonly ingestedAt: string;
  readonly ingestedBy: string;
  readonly signature: 'verified' | 'unsigned' | 'first-party';
  readonly verification: unknown;
  readonly bundle: string | null;
  readonly signer: { readonly issuer?: string; readonly subject?: string; readonly repository?: string; readonly key?: string };
}

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export async function storeVersion(tx: RegistryTx, record: VersionRecord, sbom: ValidatedSbom): Promise<number> {
  const existing = await tx.selectFrom('documents').select('sha256').where('sha256', '=', record.sha256).executeTakeFirst();
  if (existing === undefined) {
    await tx
      .insertInto('documents')
      .values({ sha256: record.sha256, content: Buffer.from(record.bytes), size: record.bytes.byteLength, format: record.format, spec_version: record.specVersion })
      .execute();
  }
  const { id } = await tx
    .insertInto('versions')
    .values({
      product_id: record.productId,
      version: record.version,
      document_sha256: record.sha256,
      previous_version_id: record.previousVersionId,
      ingested_at: record.ingestedAt,
      ingested_by: record.ingestedBy,
      signature: record.signature,
      verification: record.verification === undefined ? null : canonicalJson(record.verification),
      bundle: record.bundle,
      signer_issuer: record.signer.issuer ?? null,
      signer_subject: record.signer.subject ?? null,
      signer_repository: record.signer.repository ?? null,
      signer_key: record.signer.key ?? null,
      quality: canonicalJson(sbom.quality),
      component_count: sbom.kept.length,
      quarantined_count: sbom.quarantined.length,
      reverify_status: null,
      reverify_detail: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const versionId = Number(id);
  await inBatches(sbom.kept, (batch) =>
    tx
      .insertInto('components')
      .values(
        batch.map((c) => ({
          version_id: versionId,
          bom_ref: c.bomRef,
          type: c.type,
          name: c.name,
          group_name: c.group ?? null,
          version: c.version ?? null,
          purl: c.purl ?? null,
          purl_base: c.purlBase ?? null,
          licenses: c.licenses.length > 0 ? JSON.stringify(c.licenses) : null,
        })),
      )
      .execute(),
  );
  await inBatches(sbom.edges, (batch) => tx.insertInto('dependencies').values(batch.map((e) => ({ version_id: versionId, ref: e.ref, depends_on: e.dependsOn }))).execute());
  await inBatches(sbom.quarantined, (batch) =>
    tx
      .insertInto('quarantine')
      .values(batch.map((q) => ({ version_id: versionId, bom_ref: q.component.bomRef, name: q.component.name, reasons: canonicalJson(q.reasons), component: canonicalJson(q.component.raw ?? null) })))
      .execute(),
  );
  return versionId;
}
