import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkChain } from '../../src/registry/audit-log.js';
import { latestScans, recordScan, scansOf } from '../../src/findings/scan-history.js';
import type { ScanReport } from '../../src/findings/scan.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';

function report(product: string, version: string, vulnerabilities: readonly string[]): ScanReport {
  return {
    sbom: `${product}.cdx.json`,
    product: { name: product, version },
    components: 3,
    advisories: { records: 8158, withdrawn: 12 },
    findings: vulnerabilities.map((v) => ({ class: 'vulnerability', vulnerability: v, aliases: [v], component: { name: 'requests', version: '2.19.0', purl: 'pkg:pypi/requests@2.19.0' }, severity: 'high', fixed: ['2.20.0'], explanations: [] })),
    skipped: [],
    counts: { byClass: { vulnerability: vulnerabilities.length, malicious: 0, informational: 0, 'unknown-version': 0 }, bySeverity: { critical: 0, high: vulnerabilities.length, medium: 0, low: 0, unknown: 0 }, suppressed: 0 },
  };
}

for (const backend of BACKENDS) {
  describe(`scan history (${backend})`, () => {
    it('records scans with an audit entry each; latest per product sorted by product; scansOf oldest first and since', async () => {
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        const t1 = new Date('2026-01-01T10:00:00Z');
        const t2 = new Date('2026-01-02T10:00:00Z');
        const t3 = new Date('2026-01-03T10:00:00Z');
        const a1 = await recordScan(r, report('widget', '1.0', ['CVE-2018-18074']), { product: 'widget', productVersion: '1.0', sbom: 'widget.cdx.json', sha256: 'a'.repeat(64), actor: 'alice', now: t1 });
        const b1 = await recordScan(r, report('acme-app', '2.0', []), { product: 'acme-app', sbom: 'registry:acme-app@2.0', actor: 'bob', now: t2 });
        const a2 = await recordScan(r, report('widget', '1.1', ['CVE-2018-18074', 'CVE-2023-32681']), { product: 'widget', productVersion: '1.1', sbom: 'registry:widget@1.1', actor: 'alice', now: t3 });
        assert.ok(a1 < b1 && b1 < a2);

        const latest = await latestScans(r);
        assert.deepEqual(latest.map((s) => [s.product, s.id, s.productVersion, s.scannedAt]), [
          ['acme-app', b1, undefined, t2.toISOString()],
          ['widget', a2, '1.1', t3.toISOString()],
        ]);
        assert.deepEqual(latest[1]?.report.findings.map((f) => f.vulnerability), ['CVE-2018-18074', 'CVE-2023-32681']);
        assert.equal(latest[1]?.report.counts.bySeverity.high, 2);
        assert.equal(latest[0]?.sbomSha256, undefined);

        const all = await scansOf(r, 'widget');
        assert.deepEqual(all.map((s) => [s.id, s.sbom, s.sbomSha256, s.scannedBy]), [
          [a1, 'widget.cdx.json', 'a'.repeat(64), 'alice'],
          [a2, 'registry:widget@1.1', undefined, 'alice'],
        ]);
        assert.deepEqual((await scansOf(r, 'widget', { since: t2 })).map((s) => s.id), [a2]);
        assert.deepEqual(await scansOf(r, 'nothing'), []);

        const audit = await r.db.selectFrom('audit_log').select(['action', 'subject', 'actor']).orderBy('seq').execute();
        assert.deepEqual(audit.map((a) => [a.action, a.subject, a.actor]), [
          ['scan', 'widget@1.0', 'alice'],
          ['scan', 'acme-app', 'bob'],
          ['scan', 'widget@1.1', 'alice'],
        ]);
        const chain = await checkChain(r);
        assert.equal(chain.entries, 3);
        assert.equal(chain.broken, undefined);
        const row = await r.db.selectFrom('scans').select(['advisory_records', 'counts']).where('id', '=', a2).executeTakeFirstOrThrow();
        assert.equal(Number(row.advisory_records), 8158);
        assert.equal((JSON.parse(row.counts) as ScanReport['counts']).byClass['vulnerability'], 2);
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });

    it('an empty registry has no scans', async () => {
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        assert.deepEqual(await latestScans(r), []);
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });
  });
}
