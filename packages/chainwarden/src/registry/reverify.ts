/**
 * `registry reverify`: every stored signature checked again against today's trust policies (the suppliers as they are
 * now). A key revoked after ingestion flags what it signed; the result is stored on the version and returned.
 */
import type { Registry } from './database.js';

export interface ReverifyRow {
  readonly product: string;
  readonly version: string;
  readonly supplier: string;
  readonly status: 'ok' | 'failed';
  readonly detail: string;
}

export async function reverifyRegistry(registry: Registry, trustedRootFile?: string): Promise<ReverifyRow[]> {
  const [{ supplierTrust }, { parseBundleText }, { loadTrustedRoot }, { verifyWithTrustPolicy }] = await Promise.all([
    import('./suppliers.js'),
    import('../attest/bundle-parse.js'),
    import('../attest/trusted-root.js'),
    import('../attest/trust-policy-verify.js'),
  ]);
  const trustedRoot = await loadTrustedRoot(trustedRootFile);
  const rows = await registry.db
    .selectFrom('versions as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin('suppliers as s', 's.id', 'p.supplier_id')
    .innerJoin('documents as d', 'd.sha256', 'v.document_sha256')
    .select(['v.id', 'v.version', 'v.bundle', 'p.name as product', 's.name as supplier', 'd.content'])
    .where('v.signature', '=', 'verified')
    .orderBy('p.name')
    .orderBy('v.id')
    .execute();
  const out: ReverifyRow[] = [];
  for (const row of rows) {
    let status: 'ok' | 'failed' = 'failed';
    let detail: string;
    try {
      const { policy } = await supplierTrust(registry, row.supplier);
      const bundle = await parseBundleText(row.bundle ?? '', `${row.product}@${row.version} bundle`);
      const result = await verifyWithTrustPolicy({ bundle, artifact: { data: Buffer.from(row.content) }, trustedRoot, policy, supplier: row.supplier });
      status = result.verified ? 'ok' : 'failed';
      detail = result.verified ? `verified (${result.matched ?? result.mode})` : `${result.failure?.name ?? 'signature'}: ${result.failure?.detail ?? 'does not verify'}`;
    } catch (error) {
      detail = error instanceof Error ? error.message : String(error);
    }
    await registry.db.updateTable('versions').set({ reverify_status: status, reverify_detail: detail }).where('id', '=', row.id).execute();
    out.push({ product: row.product, version: row.version, supplier: row.supplier, status, detail });
  }
  return out;
}
