import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MemoryAdvisoryStore } from '../../src/advisories/memory-store.js';
import { recordScan } from '../../src/findings/scan-history.js';
import { scanSbom } from '../../src/findings/scan.js';
import { refreshBacklog } from '../../src/remediation/backlog-refresh.js';
import { buildReviewPack, parseSince, recordReview, reviewMarkdown } from '../../src/remediation/review.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { tempDir } from '../helpers/shared.js';
import { pypaStore, writeSbom } from './fixtures.js';

const { dir, cleanup } = tempDir('chainwarden-review-');
after(cleanup);
let store: MemoryAdvisoryStore;
before(async () => {
  store = await pypaStore();
});

for (const backend of BACKENDS) {
  describe(`review pack (${backend})`, () => {
    it('findings opened and closed in the period, SLA breaches, the last recorded review', async () => {
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        const scan = async (file: string, components: string[], at: Date): Promise<void> => {
          const report = await scanSbom({ path: writeSbom(dir, file, 'shop', '1', components), shown: file, store });
          await recordScan(r, report, { product: 'shop', sbom: file, actor: 'ci', now: at });
          await refreshBacklog(r, { actor: 'ci', now: at });
        };
        await scan('q2.json', ['flask@2.2.2', 'requests@2.28.1'], new Date('2026-05-01T00:00:00Z'));
        await scan('q3.json', ['flask@2.2.5', 'requests@2.28.1', 'urllib3@1.26.13'], new Date('2026-08-01T00:00:00Z'));
        await recordReview(r, { reviewer: 'Dana Smith', role: 'security', note: 'Q2', actor: 'dana', now: new Date('2026-07-02T10:00:00Z') });
        await assert.rejects(recordReview(r, { reviewer: 'X', role: 'ceo', actor: 'x', now: new Date() }), /--role must be one of devops, security, compliance/);
        const pack = await buildReviewPack(r, parseSince('2026-07-01'), new Date('2026-10-01T00:00:00Z'));
        assert.deepEqual(pack.findings.opened.map((f) => f.vulnerability), ['CVE-2023-43804', 'CVE-2023-45803']);
        assert.deepEqual(pack.findings.closed.map((f) => [f.component, f.vulnerability]), [['pkg:pypi/flask', 'CVE-2023-30861']]);
        // flask (unrated, 90 days from 2026-05-01) was resolved on 2026-08-01, after its due date; requests is still
        // open past it; urllib3 (high, first seen 2026-08-01) was due 2026-08-31 and is still open on 2026-10-01.
        assert.deepEqual(pack.slaBreaches.map((b) => [b.title, b.dueDate, b.status]), [
          ['upgrade flask 2.2.2 → 2.2.5 fixes 1 advisory', '2026-07-30', 'resolved'],
          ['upgrade requests 2.28.1 → 2.31.0 fixes 1 advisory', '2026-07-30', 'open'],
          ['upgrade urllib3 1.26.13 → 1.26.18 fixes 2 advisories', '2026-08-31', 'open'],
        ]);
        assert.deepEqual(pack.lastReview, { at: '2026-07-02T10:00:00.000Z', reviewer: 'Dana Smith', role: 'security', note: 'Q2' });
        const md = reviewMarkdown(pack);
        assert.match(md, /^# Supply-chain review pack: 2026-07-01 to 2026-10-01\n\nLast review: 2026-07-02 by Dana Smith \(security\): Q2\./);
        assert.match(md, /\| closed \| shop \| pkg:pypi\/flask \| CVE-2023-30861 \| 2026-08-01 \|/);
        assert.throws(() => parseSince('last quarter'), /--since "last quarter" is not a date/);
        assert.match(md, /Evidence store: no release stored in the period\./);
        // Releases kept in the evidence store: one before the period, two in it (one with provenance and a bundle).
        const stored = [
          { release: 'v0.9.0', created: '2026-06-01T00:00:00Z', provenance: true, signed: true },
          { release: 'v1.0.0', created: '2026-08-02T00:00:00Z', provenance: true, signed: true },
          { release: 'v1.0.1', created: '2026-09-02T00:00:00Z', provenance: false, signed: false },
        ];
        const withStore = await buildReviewPack(r, parseSince('2026-07-01'), new Date('2026-10-01T00:00:00Z'), stored);
        assert.deepEqual([withStore.evidence.releases, withStore.evidence.withProvenance, withStore.evidence.signed], [2, 1, 1]);
        assert.match(reviewMarkdown(withStore), /Evidence store: 2 release\(s\) stored, 1 with provenance, 1 with signature bundles \(v1\.0\.0: provenance, signed; v1\.0\.1: no provenance, unsigned\)\./);
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });
  });
}
