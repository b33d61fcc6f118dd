import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Stage } from './stage.js';

/**
 * Scans the SBOM this run wrote against the advisories in the registry (read through the advisory cache when it
 * matches), with the registry's VEX ledger applied, and records the scan in the registry (not in `pr` mode).
 * Skipped until advisories have been imported (`chainwarden advisories import`). Open vulnerabilities make the
 * stage `warn`; closing the gate on them is the policy's job (or `chainwarden scan --fail-on`).
 */
export const scanStage: Stage = {
  name: 'scan',
  async run(ctx) {
    const [{ DEFAULT_ADVISORY_CACHE }, { registryUrl }, { isPostgresUrl }] = await Promise.all([import('../advisories/file-store.js'), import('../registry/location.js'), import('../registry/database.js')]);
    const notImported = { status: 'skipped', detail: `no advisories imported (run \`chainwarden advisories import\`)` } as const;
    const configured = ctx.config.registry?.['database-url'];
    const url = registryUrl({ projectDir: ctx.projectDir, env: ctx.env, ...(configured !== undefined ? { config: configured } : {}) });
    const cached = existsSync(join(ctx.projectDir, DEFAULT_ADVISORY_CACHE));
    // Advisories live in the registry (the cache file mirrors it): a shared PostgreSQL registry needs no local cache.
    if (!cached && !isPostgresUrl(url) && !existsSync(url)) return notImported;
    const sbom = ctx.outputs.get('sbom')?.files?.[0];
    if (sbom === undefined || !sbom.endsWith('.json')) return { status: 'skipped', detail: 'no JSON SBOM from this run to scan' };
    const [{ scanInRegistry }, { scanAdvisories }, { openRegistry }, { currentActor }] = await Promise.all([
      import('../findings/registry-scan.js'),
      import('../advisories/registry-advisories.js'),
      import('../registry/database.js'),
      import('../registry/actor.js'),
    ]);
    const registry = await openRegistry({ url });
    // A pull-request run scans without recording: its evidence stays out of the registry.
    const record = ctx.mode !== 'pr';
    let result;
    try {
      if (!cached) {
        const row = await registry.db.selectFrom('advisories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
        if (Number(row?.n ?? 0) === 0) return notImported;
      }
      const { store } = await scanAdvisories(registry, join(ctx.projectDir, DEFAULT_ADVISORY_CACHE));
      result = await scanInRegistry({ registry, store, target: { kind: 'file', path: join(ctx.projectDir, sbom), shown: sbom }, ...(record ? { record: { actor: currentActor(ctx.env), now: new Date() } } : {}) });
    } finally {
      await registry.close();
    }
    const report = result.report;
    const open = report.findings.filter((f) => (f.class === 'vulnerability' || f.class === 'malicious') && f.vex?.suppressed !== true).length;
    const c = report.counts.bySeverity;
    const vex = report.counts.suppressed > 0 ? `, ${report.counts.suppressed} suppressed by VEX` : '';
    const recorded = result.scanId !== undefined ? `; recorded as scan ${result.scanId} of ${result.product}` : '';
    const detail = `${report.components} components: ${open} open vulnerabilit${open === 1 ? 'y' : 'ies'} (${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low, ${c.unknown} unknown), ${report.counts.byClass['unknown-version'] ?? 0} unknown-version${vex}${recorded}`;
    return {
      status: open > 0 ? 'warn' : 'ok',
      detail,
      summary: {
        sbom: report.sbom,
        product: result.product,
        ...(result.scanId !== undefined ? { scan: result.scanId } : {}),
        components: report.components,
        counts: report.counts,
        advisories: report.advisories,
        findings: report.findings.map((f) => ({
          vulnerability: f.vulnerability,
          aliases: f.aliases,
          class: f.class,
          severity: f.severity,
          component: f.component.purl ?? f.component.name,
          fixed: f.fixed,
          ...(f.vex !== undefined ? { vex: { status: f.vex.status, suppressed: f.vex.suppressed, ...(f.vex.justification !== undefined ? { justification: f.vex.justification } : {}) } } : {}),
        })),
      },
    };
  },
};
