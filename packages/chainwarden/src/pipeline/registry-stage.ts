import type { Stage } from './stage.js';
import { releaseOnly } from './stage.js';

/**
 * The project's own SBOM (from the sbom stage) into the registry, first party; `registry.ingest: false` turns it off.
 * Release runs only: a pull-request run is skipped (see releaseOnly), so PR evidence never reaches the registry.
 */
export const registryStage: Stage = {
  name: 'registry',
  async run(ctx) {
    const skip = releaseOnly(ctx, 'the registry');
    if (skip !== undefined) return skip;
    const sbom = ctx.outputs.get('sbom')?.files?.[0];
    if (ctx.config.registry?.ingest === false) return { detail: 'off (registry.ingest: false)' };
    if (sbom === undefined) return { detail: 'no SBOM to ingest', status: 'warn' };
    const [path, { openRegistry }, { registryUrl }, { ingestSbom }, { currentActor }] = await Promise.all([
      import('node:path'),
      import('../registry/database.js'),
      import('../registry/location.js'),
      import('../registry/ingest/ingest.js'),
      import('../registry/actor.js'),
    ]);
    const configured = ctx.config.registry?.['database-url'];
    const registry = await openRegistry({ url: registryUrl({ projectDir: ctx.projectDir, env: ctx.env, ...(configured !== undefined ? { config: configured } : {}) }) });
    try {
      const product = ctx.config.registry?.product;
      const result = await ingestSbom(registry, { file: path.join(ctx.projectDir, sbom), display: sbom, actor: currentActor(ctx.env), ...(product !== undefined ? { product } : {}) });
      const q = result.quality.components;
      const what = result.status === 'already-ingested' ? 'already in the registry' : `ingested (${q.kept} components${q.quarantined > 0 ? `, ${q.quarantined} quarantined` : ''})`;
      return { detail: `${result.product}@${result.version} ${what}`, summary: result, ...(q.quarantined > 0 ? { status: 'warn' as const } : {}) };
    } finally {
      await registry.close();
    }
  },
};
