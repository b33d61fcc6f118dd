/** A product version stored in the registry, read for a scan: its stored components and its root (for VEX matching). */
import { RegistryError } from '../core/errors.js';
import type { Registry } from '../registry/database.js';
import type { ScannedSbom } from './read-sbom.js';
import { readSbomBytes } from './read-sbom.js';

export interface RegistrySbom {
  readonly product: string;
  readonly version: string;
  readonly sha256: string;
  /** `registry:<product>@<version>`: how the scan names what it scanned. */
  readonly shown: string;
  readonly sbom: ScannedSbom;
}

/** The product's latest version (by ingest order), or the given one. */
export async function productVersion(registry: Registry, product: string, version?: string): Promise<{ id: number; version: string; sha256: string }> {
  const p = await registry.db.selectFrom('products').select('id').where('name', '=', product).executeTakeFirst();
  if (p === undefined) throw new RegistryError('REGISTRY_NOT_FOUND', `no product "${product}" in the registry (chainwarden registry products lists them)`);
  let q = registry.db.selectFrom('versions').select(['id', 'version', 'document_sha256']).where('product_id', '=', Number(p.id));
  if (version !== undefined) q = q.where('version', '=', version);
  const row = await q.orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (row === undefined) throw new RegistryError('REGISTRY_NOT_FOUND', `no version ${version ?? ''} of "${product}" in the registry (chainwarden registry versions ${product})`.replace('  ', ' '));
  return { id: Number(row.id), version: row.version, sha256: row.document_sha256 };
}

/**
 * Reads a stored product version: the components kept at ingest (quarantined ones are not scanned; the quality
 * report lists them), and the product's identity (name, version, root purl and bom-ref, serial) from the stored SBOM.
 */
export async function readRegistrySbom(registry: Registry, product: string, version?: string): Promise<RegistrySbom> {
  const v = await productVersion(registry, product, version);
  const doc = await registry.db.selectFrom('documents').select('content').where('sha256', '=', v.sha256).executeTakeFirstOrThrow();
  const shown = `registry:${product}@${v.version}`;
  const parsed = await readSbomBytes(Buffer.from(doc.content), shown);
  const rows = await registry.db.selectFrom('components').select(['bom_ref', 'name', 'group_name', 'version', 'purl']).where('version_id', '=', v.id).orderBy('bom_ref').execute();
  const root = parsed.product.bomRef;
  return {
    product,
    version: v.version,
    sha256: v.sha256,
    shown,
    sbom: {
      product: { ...parsed.product, name: product, version: v.version },
      components: rows
        .filter((r) => r.bom_ref !== root)
        .map((r) => ({
          bomRef: r.bom_ref,
          name: r.group_name !== null ? `${r.group_name}/${r.name}` : r.name,
          ...(r.version !== null ? { version: r.version } : {}),
          ...(r.purl !== null ? { purl: r.purl } : {}),
        })),
    },
  };
}
