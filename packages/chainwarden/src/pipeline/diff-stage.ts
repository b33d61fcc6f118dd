import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ComponentDiff } from './diff/components.js';
import type { FindingsDiff } from './diff/findings.js';
import type { Stage } from './stage.js';

export interface DiffSummary {
  /** The release compared against, or null (with `reason`) when there is none yet. */
  readonly base: { readonly product: string; readonly version: string; readonly ingestedAt: string; readonly sha256: string } | null;
  readonly reason?: string;
  readonly components?: ComponentDiff;
  /** Null when no advisories are imported (nothing to compare). */
  readonly findings?: FindingsDiff | null;
}

/**
 * Pull-request runs: the SBOM and findings diff against the base branch's latest release, i.e. the latest version
 * of the product in the registry (what the last release run registered). Components added, removed and changed in
 * version; open findings new and fixed (the base SBOM scanned against the same advisories). The report and the
 * job summary show it. Read only: the registry is neither created nor changed.
 */
export const diffStage: Stage = {
  name: 'diff',
  async run(ctx) {
    if (ctx.mode !== 'pr') return { status: 'skipped', detail: 'release run (pull-request runs compare against the latest release)' };
    const sbom = ctx.outputs.get('sbom');
    const file = sbom?.files?.[0];
    const project = (sbom?.summary as { project?: { name: string } } | undefined)?.project?.name;
    if (file === undefined || project === undefined) return { status: 'skipped', detail: 'no SBOM from this run' };
    const product = ctx.config.registry?.product ?? project;
    const { findBaseRelease } = await import('./diff/base-release.js');
    const lookup = await findBaseRelease(ctx.projectDir, ctx.env, ctx.config.registry, product);
    if (!lookup.found) {
      const summary: DiffSummary = { base: null, reason: lookup.reason };
      return { detail: `nothing to compare: ${lookup.reason}`, summary };
    }
    const { base } = lookup;
    try {
      const [{ readSbomForScan }, { diffComponents }, { diffFindings, openFindings }] = await Promise.all([
        import('../findings/read-sbom.js'),
        import('./diff/components.js'),
        import('./diff/findings.js'),
      ]);
      const shownBase = `${base.product}@${base.version} (registry)`;
      const [before, after] = await Promise.all([readSbomForScan(base.sbomPath, shownBase), readSbomForScan(join(ctx.projectDir, file), file)]);
      const components = diffComponents(before.components, after.components);
      let findings: FindingsDiff | null = null;
      const current = (ctx.outputs.get('scan')?.summary as { findings?: Parameters<typeof openFindings>[0] } | undefined)?.findings;
      const { DEFAULT_ADVISORY_CACHE, FileAdvisoryStore } = await import('../advisories/file-store.js');
      if (current !== undefined && existsSync(join(ctx.projectDir, DEFAULT_ADVISORY_CACHE))) {
        const { scanSbom } = await import('../findings/scan.js');
        const store = await FileAdvisoryStore.open(join(ctx.projectDir, DEFAULT_ADVISORY_CACHE));
        const report = await scanSbom({ path: base.sbomPath, shown: shownBase, store });
        findings = diffFindings(openFindings(report.findings), openFindings(current));
      }
      const summary: DiffSummary = { base: { product: base.product, version: base.version, ingestedAt: base.ingestedAt, sha256: base.sha256 }, components, findings };
      const c = components;
      const f = findings === null ? 'findings not compared (no advisories)' : `${findings.new.length} new, ${findings.fixed.length} fixed finding(s)`;
      return {
        status: findings !== null && findings.new.length > 0 ? 'warn' : 'ok',
        detail: `against ${base.product}@${base.version}: ${c.added.length} added, ${c.removed.length} removed, ${c.changed.length} changed component(s); ${f}`,
        summary,
      };
    } finally {
      await base.dispose();
    }
  },
};
