import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Stage } from './stage.js';

/**
 * Scans the SBOM this run wrote against the imported advisories (the advisory cache under the project). Skipped
 * until advisories have been imported (`chainwarden advisories import`). Open vulnerabilities make the stage
 * `warn`; closing the gate on them is the policy's job (or `chainwarden scan --fail-on`).
 */
export const scanStage: Stage = {
  name: 'scan',
  async run(ctx) {
    const { DEFAULT_ADVISORY_CACHE, FileAdvisoryStore } = await import('../advisories/file-store.js');
    if (!existsSync(join(ctx.projectDir, DEFAULT_ADVISORY_CACHE))) {
      return { status: 'skipped', detail: `no advisories imported (${DEFAULT_ADVISORY_CACHE}; run \`chainwarden advisories import\`)` };
    }
    const sbom = ctx.outputs.get('sbom')?.files?.[0];
    if (sbom === undefined || !sbom.endsWith('.json')) return { status: 'skipped', detail: 'no JSON SBOM from this run to scan' };
    const { scanSbom } = await import('../findings/scan.js');
    const store = await FileAdvisoryStore.open(join(ctx.projectDir, DEFAULT_ADVISORY_CACHE));
    const report = await scanSbom({ path: join(ctx.projectDir, sbom), shown: sbom, store });
    const open = report.findings.filter((f) => (f.class === 'vulnerability' || f.class === 'malicious') && f.vex?.suppressed !== true).length;
    const c = report.counts.bySeverity;
    const detail = `${report.components} components: ${open} open vulnerabilit${open === 1 ? 'y' : 'ies'} (${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low, ${c.unknown} unknown), ${report.counts.byClass['unknown-version'] ?? 0} unknown-version`;
    return {
      status: open > 0 ? 'warn' : 'ok',
      detail,
      summary: {
        sbom: report.sbom,
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
