/** Read-only questions to the registry: products, versions, components, one version's evidence, and where a package is. */
import { RegistryError, UsageError } from '../core/errors.js';
import type { Registry } from './database.js';
import type { QualityReport } from './ingest/quality.js';
import type { StoredVex } from './vex/store-vex.js';
import { vexOfVersion } from './vex/store-vex.js';
import { checkPurl } from './ingest/purl-check.js';

export interface ProductRow {
  readonly name: string;
  readonly supplier: string | null;
  readonly versions: number;
  readonly latest: string | null;
  readonly latestIngestedAt: string | null;
}

export interface VersionRow {
  readonly version: string;
  readonly previous: string | null;
  readonly sha256: string;
  readonly ingestedAt: string;
  readonly ingestedBy: string;
  readonly signature: string;
  readonly components: number;
  readonly quarantined: number;
  readonly reverify: string | null;
}

export interface ComponentRow {
  readonly bomRef: string;
  readonly type: string;
  readonly name: string;
  readonly group: string | null;
  readonly version: string | null;
  readonly purl: string | null;
  readonly licenses: readonly string[];
}

export interface WhereRow {
  readonly product: string;
  readonly version: string;
  readonly supplier: string | null;
  readonly component: string;
  readonly componentVersion: string | null;
  readonly purl: string;
}

export async function listProducts(registry: Registry): Promise<ProductRow[]> {
  const products = await registry.db
    .selectFrom('products')
    .leftJoin('suppliers', 'suppliers.id', 'products.supplier_id')
    .select(['products.id', 'products.name', 'suppliers.name as supplier'])
    .orderBy('products.name')
    .execute();
  const versions = await registry.db.selectFrom('versions').select(['product_id', 'version', 'ingested_at', 'id']).orderBy('id').execute();
  return products.map((p) => {
    const mine = versions.filter((v) => Number(v.product_id) === Number(p.id));
    const last = mine[mine.length - 1];
    return { name: p.name, supplier: p.supplier, versions: mine.length, latest: last?.version ?? null, latestIngestedAt: last?.ingested_at ?? null };
  });
}

async function productId(registry: Registry, product: string): Promise<number> {
  const row = await registry.db.selectFrom('products').select('id').where('name', '=', product).executeTakeFirst();
  if (row === undefined) throw new RegistryError('REGISTRY_NOT_FOUND', `no product "${product}" in the registry (chainwarden registry products lists them)`);
  return Number(row.id);
}

export async function listVersions(registry: Registry, product: string): Promise<VersionRow[]> {
  const id = await productId(registry, product);
  const rows = await registry.db
    .selectFrom('versions as v')
    .leftJoin('versions as p', 'p.id', 'v.previous_version_id')
    .select(['v.version', 'p.version as previous', 'v.document_sha256', 'v.ingested_at', 'v.ingested_by', 'v.signature', 'v.component_count', 'v.quarantined_count', 'v.reverify_status'])
    .where('v.product_id', '=', id)
    .orderBy('v.id')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    previous: r.previous,
    sha256: r.document_sha256,
    ingestedAt: r.ingested_at,
    ingestedBy: r.ingested_by,
    signature: r.signature,
    components: Number(r.component_count),
    quarantined: Number(r.quarantined_count),
    reverify: r.reverify_status,
  }));
}

async function versionId(registry: Registry, product: string, version?: string): Promise<{ id: number; version: string }> {
  const pid = await productId(registry, product);
  let query = registry.db.selectFrom('versions').select(['id', 'version']).where('product_id', '=', pid);
  query = version === undefined ? query.orderBy('id', 'desc').limit(1) : query.where('version', '=', version);
  const row = await query.executeTakeFirst();
  if (row === undefined) throw new RegistryError('REGISTRY_NOT_FOUND', `no version ${version ?? ''} of "${product}" in the registry (chainwarden registry versions ${product})`);
  return { id: Number(row.id), version: row.version };
}

export async function listComponents(registry: Registry, product: string, version?: string): Promise<{ version: string; components: ComponentRow[] }> {
  const v = await versionId(registry, product, version);
  const rows = await registry.db.selectFrom('components').selectAll().where('version_id', '=', v.id).orderBy('name').orderBy('version').orderBy('bom_ref').execute();
  return {
    version: v.version,
    components: rows.map((r) => ({ bomRef: r.bom_ref, type: r.type, name: r.name, group: r.group_name, version: r.version, purl: r.purl, licenses: r.licenses === null ? [] : (JSON.parse(r.licenses) as string[]) })),
  };
}

export interface VersionDetail extends VersionRow {
  readonly product: string;
  readonly supplier: string | null;
  readonly format: string;
  readonly specVersion: string;
  readonly size: number;
  readonly signer: { readonly issuer: string | null; readonly subject: string | null; readonly repository: string | null; readonly key: string | null };
  readonly verification: unknown;
  readonly reverifyDetail: string | null;
  readonly quality: QualityReport;
  readonly dependencies: number;
  readonly quarantine: readonly { readonly bomRef: string; readonly name: string; readonly reasons: unknown }[];
  /** The VEX documents ingested with this version (`ingest --vex`). */
  readonly vex: readonly StoredVex[];
}

export async function showVersion(registry: Registry, product: string, version?: string): Promise<VersionDetail> {
  const v = await versionId(registry, product, version);
  const row = await registry.db
    .selectFrom('versions as v')
    .innerJoin('products', 'products.id', 'v.product_id')
    .innerJoin('documents', 'documents.sha256', 'v.document_sha256')
    .leftJoin('suppliers', 'suppliers.id', 'products.supplier_id')
    .leftJoin('versions as p', 'p.id', 'v.previous_version_id')
    .select([
      'products.name as product',
      'suppliers.name as supplier',
      'documents.format',
      'documents.spec_version',
      'documents.size',
      'v.version',
      'p.version as previous',
      'v.document_sha256',
      'v.ingested_at',
      'v.ingested_by',
      'v.signature',
      'v.verification',
      'v.signer_issuer',
      'v.signer_subject',
      'v.signer_repository',
      'v.signer_key',
      'v.quality',
      'v.component_count',
      'v.quarantined_count',
      'v.reverify_status',
      'v.reverify_detail',
    ])
    .where('v.id', '=', v.id)
    .executeTakeFirstOrThrow();
  const deps = await registry.db.selectFrom('dependencies').select((eb) => eb.fn.countAll().as('n')).where('version_id', '=', v.id).executeTakeFirstOrThrow();
  const quarantine = await registry.db.selectFrom('quarantine').select(['bom_ref', 'name', 'reasons']).where('version_id', '=', v.id).orderBy('bom_ref').execute();
  return {
    product: row.product,
    supplier: row.supplier,
    format: row.format,
    specVersion: row.spec_version,
    size: Number(row.size),
    version: row.version,
    previous: row.previous,
    sha256: row.document_sha256,
    ingestedAt: row.ingested_at,
    ingestedBy: row.ingested_by,
    signature: row.signature,
    signer: { issuer: row.signer_issuer, subject: row.signer_subject, repository: row.signer_repository, key: row.signer_key },
    verification: row.verification === null ? null : (JSON.parse(row.verification) as unknown),
    components: Number(row.component_count),
    quarantined: Number(row.quarantined_count),
    reverify: row.reverify_status,
    reverifyDetail: row.reverify_detail,
    quality: JSON.parse(row.quality) as QualityReport,
    dependencies: Number(deps.n),
    quarantine: quarantine.map((q) => ({ bomRef: q.bom_ref, name: q.name, reasons: JSON.parse(q.reasons) as unknown })),
    vex: await vexOfVersion(registry.db, v.id),
  };
}

/** Which products and versions contain a package: `pkg:npm/lodash` (any version) or `pkg:npm/lodash@4.17.21`. */
export async function whereComponent(registry: Registry, purl: string): Promise<WhereRow[]> {
  const check = checkPurl(purl);
  if (!check.ok) throw new UsageError(`registry where: ${check.reason}`);
  const at = /^[^@?#]*@([^?#]+)/u.exec(purl)?.[1];
  const version = at === undefined ? undefined : decodeURIComponent(at);
  let query = registry.db
    .selectFrom('components as c')
    .innerJoin('versions as v', 'v.id', 'c.version_id')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .leftJoin('suppliers as s', 's.id', 'p.supplier_id')
    .select(['p.name as product', 'v.version as version', 's.name as supplier', 'c.name as component', 'c.version as componentVersion', 'c.purl as purl'])
    .where('c.purl_base', '=', check.base);
  if (version !== undefined) query = query.where('c.version', '=', version);
  const rows = await query.orderBy('p.name').orderBy('v.id').orderBy('c.purl').execute();
  return rows.map((r) => ({ ...r, purl: r.purl ?? '' }));
}
