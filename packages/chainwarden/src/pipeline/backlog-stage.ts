import type { Stage } from './stage.js';
import { releaseOnly } from './stage.js';

/**
 * After the gate: refreshes the remediation backlog and the risk register from the latest recorded scan of every
 * product in the registry. Skipped while no scan has been recorded. Overdue entries make the stage `warn` (closing
 * the gate on them is the policy's job).
 */
export const backlogStage: Stage = {
  name: 'backlog',
  async run(ctx) {
    const skip = releaseOnly(ctx, 'the remediation backlog');
    if (skip) return skip;
    if (ctx.config.registry?.ingest === false && ctx.config.registry['database-url'] === undefined && ctx.env['CHAINWARDEN_DATABASE_URL'] === undefined) {
      return { status: 'skipped', detail: 'no registry (registry.ingest: false)' };
    }
    const [{ openRegistry }, { registryUrl }, { currentActor }, { refreshRemediation }, { listBacklog }, { sourceDateEpoch }] = await Promise.all([
      import('../registry/database.js'),
      import('../registry/location.js'),
      import('../registry/actor.js'),
      import('../remediation/refresh.js'),
      import('../remediation/backlog-repository.js'),
      import('../core/clock.js'),
    ]);
    const configured = ctx.config.registry?.['database-url'];
    const registry = await openRegistry({ url: registryUrl({ projectDir: ctx.projectDir, env: ctx.env, ...(configured !== undefined ? { config: configured } : {}) }) });
    try {
      const now = sourceDateEpoch(ctx.env) ?? new Date();
      const result = await refreshRemediation(registry, { projectDir: ctx.projectDir, config: ctx.config, actor: currentActor(ctx.env), now });
      if (result.backlog.products.length === 0) return { status: 'skipped', detail: 'no scan recorded yet (the scan stage records one once advisories are imported)' };
      const open = await listBacklog(registry, { status: ['open', 'in-progress'] }, now);
      const overdue = open.filter((e) => e.overdue).length;
      const b = result.backlog;
      return {
        status: overdue > 0 ? 'warn' : 'ok',
        detail: `${open.length} open entr${open.length === 1 ? 'y' : 'ies'} (${overdue} overdue; ${b.created.length} new, ${b.resolved.length} resolved, ${b.reopened.length} reopened); ${result.risk.created.length + result.risk.rescored.length} risk(s) scored`,
        summary: { ...result, open: open.length, overdue },
      };
    } finally {
      await registry.close();
    }
  },
};
