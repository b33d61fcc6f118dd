/**
 * The VEX part of `chainwarden ingest --vex`: each document is read, parsed strictly and its signature verified
 * before the SBOM's transaction starts (any failure rejects the whole ingest), then stored inside that transaction,
 * linked to the product version, with an audit entry each.
 */
import { ChainwardenError, RegistryError } from '../../core/errors.js';
import { sha256Hex } from '../../core/digest.js';
import type { PolicyVerificationResult } from '../../attest/trust-policy-verify.js';
import { parseVexText } from '../../vex/read.js';
import { appendAudit } from '../audit-log.js';
import type { Registry, RegistryTx } from '../database.js';
import type { MatchableComponent } from '../vex/match-report.js';
import type { PreparedVex, VexIngestReport } from '../vex/store-vex.js';
import { sbomSerial, storeVex } from '../vex/store-vex.js';

export interface VexInput {
  readonly file: string;
  readonly display: string;
  /** Its Sigstore bundle (`--vex-bundle`, in the same order as `--vex`). */
  readonly bundle?: { readonly file: string; readonly display: string };
}

/** A VEX document that failed (unreadable, malformed, bad signature): the ingest's rejection names it. */
export class VexRejection extends Error {
  constructor(
    readonly vexFile: string,
    override readonly cause: ChainwardenError,
  ) {
    super(cause.message);
    this.name = 'VexRejection';
  }
}

export interface VexDeps {
  readonly read: (file: string, display: string) => Promise<Buffer>;
  readonly verify: (bytes: Buffer, target: { display: string; bundle?: { file: string; display: string }; flag: string }) => Promise<{ result: PolicyVerificationResult; bundle: string } | undefined>;
  readonly firstParty: boolean;
}

export async function prepareVex(inputs: readonly VexInput[], deps: VexDeps): Promise<PreparedVex[]> {
  const out: PreparedVex[] = [];
  for (const input of inputs) {
    try {
      const bytes = await deps.read(input.file, input.display);
      const document = parseVexText(bytes.toString('utf8'), input.display);
      const signed = await deps.verify(bytes, { display: input.display, ...(input.bundle !== undefined ? { bundle: input.bundle } : {}), flag: '--vex-bundle <vex.sigstore.json>' });
      const v = signed?.result;
      out.push({
        display: input.display,
        bytes,
        sha256: sha256Hex(bytes),
        document,
        signature: deps.firstParty ? 'first-party' : v === undefined ? 'unsigned' : 'verified',
        verification: v ?? null,
        bundle: signed?.bundle ?? null,
        signer: {
          ...(v?.identity?.issuer !== undefined ? { issuer: v.identity.issuer } : {}),
          ...(v?.identity?.subjectAlternativeName !== undefined ? { subject: v.identity.subjectAlternativeName } : {}),
          ...(v?.identity?.repository !== undefined ? { repository: v.identity.repository } : {}),
          ...(v?.keyHint !== undefined ? { key: v.keyHint } : {}),
        },
      });
    } catch (error) {
      if (error instanceof ChainwardenError) throw new VexRejection(input.display, error);
      throw error;
    }
  }
  return out;
}

export interface VexTarget {
  readonly versionId: number;
  readonly supplierId: number | null;
  readonly components: readonly MatchableComponent[];
  readonly quarantined: readonly MatchableComponent[];
  /** The SBOM's bytes (its serial number is read for BOM-Links). */
  readonly bytes: Uint8Array;
  /** `product@version`, for the audit log. */
  readonly subject: string;
  readonly now: Date;
}

export async function storeVexAll(tx: RegistryTx, registry: Registry, actor: string, docs: readonly PreparedVex[], target: VexTarget): Promise<VexIngestReport[]> {
  const reports: VexIngestReport[] = [];
  const serial = docs.length > 0 ? sbomSerial(target.bytes) : undefined;
  for (const doc of docs) {
    const report = await storeVex(tx, doc, { versionId: target.versionId, supplierId: target.supplierId, components: target.components, quarantined: target.quarantined, serial, ingestedAt: target.now.toISOString(), ingestedBy: actor });
    if (report.status === 'stored') {
      await appendAudit(tx, registry.dialect, {
        actor,
        action: 'vex-store',
        subject: target.subject,
        detail: { file: doc.display, sha256: doc.sha256, format: report.format, id: report.id, signature: doc.signature, statements: report.statements, matched: report.matched },
        at: target.now,
      });
    }
    reports.push(report);
  }
  return reports;
}

/** VEX given with an SBOM that is already in the registry: stored and linked to that version (one transaction). */
export async function attachVex(registry: Registry, sha256: string, supplier: string | undefined, actor: string, docs: readonly PreparedVex[], bytes: Uint8Array, now: Date): Promise<VexIngestReport[]> {
  if (docs.length === 0) return [];
  return registry.transaction(async (tx) => {
    const v = await tx
      .selectFrom('versions')
      .innerJoin('products', 'products.id', 'versions.product_id')
      .leftJoin('suppliers', 'suppliers.id', 'products.supplier_id')
      .select(['versions.id', 'versions.version', 'products.name as product', 'products.supplier_id', 'suppliers.name as supplier'])
      .where('versions.document_sha256', '=', sha256)
      .executeTakeFirstOrThrow();
    if ((v.supplier ?? undefined) !== supplier) {
      throw new RegistryError('REGISTRY_CONFLICT', `${v.product}@${v.version} belongs to ${v.supplier === null ? 'the first party' : `supplier ${v.supplier}`}: its VEX must be ingested as that supplier's`);
    }
    const components = await tx.selectFrom('components').select(['bom_ref', 'purl']).where('version_id', '=', Number(v.id)).execute();
    const quarantined = await tx.selectFrom('quarantine').select(['bom_ref', 'component']).where('version_id', '=', Number(v.id)).execute();
    return storeVexAll(tx, registry, actor, docs, {
      versionId: Number(v.id),
      supplierId: v.supplier_id === null ? null : Number(v.supplier_id),
      components: components.map((c) => ({ bomRef: c.bom_ref, ...(c.purl !== null ? { purl: c.purl } : {}) })),
      quarantined: quarantined.map((q) => quarantinedPurl(q.bom_ref, q.component)),
      bytes,
      subject: `${v.product}@${v.version}`,
      now,
    });
  });
}

/** A quarantined component as stored (its raw JSON): its bom-ref and, when it has one, its purl. */
function quarantinedPurl(bomRef: string, raw: string): MatchableComponent {
  const parsed = JSON.parse(raw) as unknown;
  const purl = typeof parsed === 'object' && parsed !== null && typeof (parsed as Record<string, unknown>)['purl'] === 'string' ? ((parsed as Record<string, unknown>)['purl'] as string) : undefined;
  return { bomRef, ...(purl !== undefined ? { purl } : {}) };
}
