/**
 * The base a pull-request run compares against: the latest version of the product in the registry (what the last
 * release run registered). Read only: an SQLite registry that does not exist is not created, and no migration runs.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { RegistryConfig } from '../../config-schema.js';
import { ChainwardenError } from '../../core/errors.js';

export interface BaseRelease {
  readonly product: string;
  readonly version: string;
  readonly ingestedAt: string;
  readonly sha256: string;
  /** The release's SBOM, written to a temporary file (removed by `dispose`). */
  readonly sbomPath: string;
  dispose(): Promise<void>;
}

export type BaseLookup = { readonly found: true; readonly base: BaseRelease } | { readonly found: false; readonly reason: string };

export async function findBaseRelease(projectDir: string, env: NodeJS.ProcessEnv, config: RegistryConfig | undefined, product: string): Promise<BaseLookup> {
  const [{ registryUrl }, { isPostgresUrl, openRegistry }] = await Promise.all([import('../../registry/location.js'), import('../../registry/database.js')]);
  const configured = config?.['database-url'];
  const url = registryUrl({ projectDir, env, ...(configured !== undefined ? { config: configured } : {}) });
  if (!isPostgresUrl(url) && url !== ':memory:' && !existsSync(url)) return { found: false, reason: `no registry yet (${relative(projectDir, url).split('\\').join('/')})` };
  let registry;
  try {
    registry = await openRegistry({ url, migrate: false });
  } catch (error) {
    if (error instanceof ChainwardenError) return { found: false, reason: `registry unavailable: ${error.message}` };
    throw error;
  }
  try {
    const row = await registry.db
      .selectFrom('versions as v')
      .innerJoin('products as p', 'p.id', 'v.product_id')
      .innerJoin('documents as d', 'd.sha256', 'v.document_sha256')
      .select(['v.version', 'v.ingested_at', 'd.sha256', 'd.content'])
      .where('p.name', '=', product)
      .orderBy('v.id', 'desc')
      .limit(1)
      .executeTakeFirst()
      .catch((error: unknown) => {
        // A registry from before the schema existed (no tables): there is no base.
        if (error instanceof Error && /no such table|does not exist/u.test(error.message)) return undefined;
        throw error;
      });
    if (row === undefined) return { found: false, reason: `no release of ${product} in the registry yet` };
    const dir = await mkdtemp(join(tmpdir(), 'chainwarden-base-'));
    const sbomPath = join(dir, 'base-sbom');
    await writeFile(sbomPath, row.content);
    return {
      found: true,
      base: { product, version: row.version, ingestedAt: row.ingested_at, sha256: row.sha256, sbomPath, dispose: () => rm(dir, { recursive: true, force: true }) },
    };
  } finally {
    await registry.close();
  }
}
