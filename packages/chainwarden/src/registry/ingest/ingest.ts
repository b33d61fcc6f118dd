/**
 * `chainwarden ingest`: signature (against the supplier's trust policy), graded validation, then one transaction that
 * stores the evidence and appends the audit entry. A rejection stores nothing but its own audit entry. The same bytes
 * again are reported as already ingested.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ChainwardenError, IoError, RegistryError, SignatureRejectedError, UsageError } from '../../core/errors.js';
import { sha256Hex } from '../../core/digest.js';
import type { PolicyVerificationResult } from '../../attest/trust-policy-verify.js';
import { appendAudit, recordAudit } from '../audit-log.js';
import type { Registry } from '../database.js';
import { checkSize } from '../sbom/limits.js';
import { readSupplierSbom } from '../sbom/read-document.js';
import type { QualityReport } from './quality.js';
import { storeVersion } from './store-version.js';
import { attachVex, prepareVex, storeVexAll, VexRejection, type VexDeps, type VexInput } from './ingest-vex.js';
import type { VexIngestReport } from '../vex/store-vex.js';
import { validateSbom } from './validate.js';

export interface IngestOptions {
  /** Absolute path of the SBOM, and how to name it in messages. */
  readonly file: string;
  readonly display: string;
  /** The supplier (its trust policy applies); undefined = first party (chainwarden's own SBOM). */
  readonly supplier?: string;
  readonly bundle?: { readonly file: string; readonly display: string };
  readonly allowUnsigned?: boolean;
  /** Override the product name / version read from the SBOM. */
  readonly product?: string;
  readonly version?: string;
  readonly trustedRoot?: string;
  /** VEX documents to store with this SBOM (same transaction), each with its optional bundle. */
  readonly vex?: readonly VexInput[];
  readonly actor: string;
  readonly now?: Date;
}

export interface IngestResult {
  readonly status: 'ingested' | 'already-ingested';
  readonly product: string;
  readonly version: string;
  readonly sha256: string;
  readonly supplier: string | null;
  readonly signature: 'verified' | 'unsigned' | 'first-party';
  readonly signer?: { readonly issuer?: string; readonly subject?: string; readonly repository?: string; readonly key?: string };
  readonly previousVersion?: string;
  readonly ingestedAt: string;
  readonly quality: QualityReport;
  /** Per VEX document: stored or already there, statements matched / not matched (with reasons) / skipped. */
  readonly vex?: readonly VexIngestReport[];
}

export async function readBytes(file: string, display: string): Promise<Buffer> {
  try {
    checkSize((await stat(file)).size, display);
    return await readFile(file);
  } catch (error) {
    if (error instanceof ChainwardenError) throw error;
    throw new IoError(`${display}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
}

/** Verifies `bytes` (the SBOM, or a VEX document with `target`) against the supplier's trust policy. */
export async function verifySignature(
  registry: Registry,
  options: IngestOptions,
  bytes: Buffer,
  target: { readonly display: string; readonly bundle?: { readonly file: string; readonly display: string }; readonly flag: string } = { display: options.display, ...(options.bundle !== undefined ? { bundle: options.bundle } : {}), flag: '--bundle <sbom.sigstore.json>' },
): Promise<{ result: PolicyVerificationResult; bundle: string } | undefined> {
  if (options.supplier === undefined) return undefined;
  const [{ supplierTrust }, { parseBundleText }, { loadTrustedRoot }, { verifyWithTrustPolicy }] = await Promise.all([
    import('../suppliers.js'),
    import('../../attest/bundle-parse.js'),
    import('../../attest/trusted-root.js'),
    import('../../attest/trust-policy-verify.js'),
  ]);
  const { policy } = await supplierTrust(registry, options.supplier);
  if (target.bundle === undefined) {
    if (options.allowUnsigned === true) return undefined;
    throw new UsageError(`${target.display}: supplier documents must be signed: pass ${target.flag} (or --allow-unsigned to record it as unsigned)`);
  }
  let text: string;
  try {
    text = await readFile(target.bundle.file, 'utf8');
  } catch (error) {
    throw new IoError(`${target.bundle.display}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  const bundle = await parseBundleText(text, target.bundle.display);
  const trustedRoot = await loadTrustedRoot(options.trustedRoot);
  const result = await verifyWithTrustPolicy({ bundle, artifact: { data: bytes }, trustedRoot, policy, supplier: options.supplier });
  if (!result.verified) {
    const f = result.failure;
    throw new SignatureRejectedError(`${target.display}: the signature in ${target.bundle.display} does not verify against supplier ${options.supplier}'s trust policy${f !== undefined ? ` (${f.name}: ${f.detail})` : ''}`);
  }
  return { result, bundle: text };
}

function vexDeps(registry: Registry, options: IngestOptions): VexDeps {
  return { read: readBytes, verify: (bytes, target) => verifySignature(registry, options, bytes, target), firstParty: options.supplier === undefined };
}

async function ingestChecked(registry: Registry, options: IngestOptions, bytes: Buffer, sha256: string, now: Date): Promise<IngestResult> {
  const vexDocs = await prepareVex(options.vex ?? [], vexDeps(registry, options));
  const signed = await verifySignature(registry, options, bytes);
  const verification = signed?.result;
  const parsed = await readSupplierSbom(bytes, options.display);
  const validated = validateSbom(parsed);
  const product = options.product ?? parsed.product.name ?? basename(options.display).replace(/\.(json|xml)$/u, '');
  const version = options.version ?? parsed.product.version ?? `sha256:${sha256.slice(0, 12)}`;
  const signature = options.supplier === undefined ? 'first-party' : verification === undefined ? 'unsigned' : 'verified';
  const signer = {
    ...(verification?.identity?.issuer !== undefined ? { issuer: verification.identity.issuer } : {}),
    ...(verification?.identity?.subjectAlternativeName !== undefined ? { subject: verification.identity.subjectAlternativeName } : {}),
    ...(verification?.identity?.repository !== undefined ? { repository: verification.identity.repository } : {}),
    ...(verification?.keyHint !== undefined ? { key: verification.keyHint } : {}),
  };
  return registry.transaction(async (tx) => {
    let supplierId: number | null = null;
    if (options.supplier !== undefined) {
      const row = await tx.selectFrom('suppliers').select('id').where('name', '=', options.supplier).executeTakeFirstOrThrow();
      supplierId = Number(row.id);
    }
    let productRow = await tx.selectFrom('products').select(['id', 'supplier_id']).where('name', '=', product).executeTakeFirst();
    if (productRow === undefined) {
      productRow = await tx.insertInto('products').values({ name: product, supplier_id: supplierId, created_at: now.toISOString() }).returning(['id', 'supplier_id']).executeTakeFirstOrThrow();
    } else if ((productRow.supplier_id === null ? null : Number(productRow.supplier_id)) !== supplierId) {
      throw new RegistryError('REGISTRY_CONFLICT', `${options.display}: product "${product}" belongs to ${productRow.supplier_id === null ? 'the first party' : 'another supplier'}; pass --product to name this one differently`);
    }
    const productId = Number(productRow.id);
    const clash = await tx.selectFrom('versions').select('document_sha256').where('product_id', '=', productId).where('version', '=', version).executeTakeFirst();
    if (clash !== undefined) throw new RegistryError('REGISTRY_CONFLICT', `${options.display}: ${product}@${version} is already in the registry with different content (sha256 ${clash.document_sha256.slice(0, 12)}…); a new version needs a new version number`);
    const previous = await tx.selectFrom('versions').select(['id', 'version']).where('product_id', '=', productId).orderBy('id', 'desc').limit(1).executeTakeFirst();
    const versionId = await storeVersion(
      tx,
      {
        productId,
        version,
        sha256,
        bytes,
        format: parsed.format,
        specVersion: parsed.specVersion,
        previousVersionId: previous === undefined ? null : Number(previous.id),
        ingestedAt: now.toISOString(),
        ingestedBy: options.actor,
        signature,
        verification: verification ?? null,
        bundle: signed?.bundle ?? null,
        signer,
      },
      validated,
    );
    await appendAudit(tx, registry.dialect, {
      actor: options.actor,
      action: 'ingest',
      subject: `${product}@${version}`,
      detail: { sha256: sha256 ?? null, supplier: options.supplier ?? null, signature, signer, components: validated.quality.components },
      at: now,
    });
    const vex = await storeVexAll(tx, registry, options.actor, vexDocs, { versionId, supplierId, components: validated.kept, quarantined: validated.quarantined.map((q) => ({ bomRef: q.component.bomRef, ...(q.component.purl !== undefined ? { purl: q.component.purl } : {}) })), bytes, subject: `${product}@${version}`, now });
    return {
      status: 'ingested' as const,
      product,
      version,
      sha256,
      supplier: options.supplier ?? null,
      signature,
      ...(Object.keys(signer).length > 0 ? { signer } : {}),
      ...(previous !== undefined ? { previousVersion: previous.version } : {}),
      ingestedAt: now.toISOString(),
      quality: validated.quality,
      ...(vex.length > 0 ? { vex } : {}),
    };
  });
}

export async function ingestSbom(registry: Registry, options: IngestOptions): Promise<IngestResult> {
  const now = options.now ?? new Date();
  let sha256: string | undefined;
  try {
    const bytes = await readBytes(options.file, options.display);
    sha256 = sha256Hex(bytes);
    const already = await registry.db
      .selectFrom('versions')
      .innerJoin('products', 'products.id', 'versions.product_id')
      .leftJoin('suppliers', 'suppliers.id', 'products.supplier_id')
      .select(['products.name as product', 'versions.version', 'versions.signature', 'versions.ingested_at', 'versions.quality', 'suppliers.name as supplier'])
      .where('versions.document_sha256', '=', sha256)
      .executeTakeFirst();
    if (already !== undefined) {
      const vex = await attachVex(registry, sha256, options.supplier, options.actor, await prepareVex(options.vex ?? [], vexDeps(registry, options)), bytes, now);
      return {
        status: 'already-ingested',
        product: already.product,
        version: already.version,
        sha256,
        supplier: already.supplier,
        signature: already.signature as IngestResult['signature'],
        ingestedAt: already.ingested_at,
        quality: JSON.parse(already.quality) as QualityReport,
        ...(vex.length > 0 ? { vex } : {}),
      };
    }
    return await ingestChecked(registry, options, bytes, sha256, now);
  } catch (error) {
    if (error instanceof VexRejection) {
      await recordAudit(registry, { actor: options.actor, action: 'vex-reject', subject: error.vexFile, detail: { sbom: options.display, sha256: sha256 ?? null, supplier: options.supplier ?? null, code: error.cause.code, reason: error.cause.message }, at: now });
      throw error.cause;
    }
    if (error instanceof ChainwardenError && !(error instanceof RegistryError && error.code === 'REGISTRY_NOT_FOUND')) {
      await recordAudit(registry, { actor: options.actor, action: 'reject', subject: options.display, detail: { sha256: sha256 ?? null, supplier: options.supplier ?? null, code: error.code, reason: error.message }, at: now });
    }
    throw error;
  }
}
