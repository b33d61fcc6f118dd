import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { freshRegistry } from '../helpers/registry.js';
import { shared, tempDir } from '../helpers/shared.js';
import { PACKAGES, VULNERABLE, writeSbom } from './fixtures.js';

interface ListJson {
  entries: { id: string; title: string; status: string; owner: string; revision: number; overdue: boolean; dueDate: string }[];
}

// The CLI on SQLite (the library tests run every backlog/risk operation on both backends; feeds.test.ts runs the
// CLI on PostgreSQL too): each CLI run is a process of its own, and the machine is shared.
for (const backend of ['sqlite'] as const) {
  describe(`chainwarden backlog / risk (${backend})`, () => {
    const { dir, cleanup } = tempDir('chainwarden-backlog-cli-');
    const fresh = freshRegistry(backend);
    const env = { CHAINWARDEN_DATABASE_URL: fresh.url, CHAINWARDEN_ACTOR: 'alice' };
    after(async () => {
      cleanup();
      await fresh.cleanup();
    });
    before(() => {
      writeFileSync(join(dir, 'chainwarden.yaml'), 'owners:\n  rules:\n    - match: aiohttp\n      owner: "@shop/web"\nbacklog:\n  sla:\n    high: 20\nrisk:\n  criticality:\n    shop: critical\n');
      writeSbom(dir, 'shop.cdx.json', 'shop', '1.0', VULNERABLE);
      const imp = runCli(['advisories', 'import', ...PACKAGES.map((p) => shared('advisories', 'pypa', 'vulns', p))], { cwd: dir, env });
      assert.equal(imp.status, 0, imp.stderr);
      const scan = runCli(['scan', 'shop.cdx.json'], { cwd: dir, env });
      assert.equal(scan.status, 0, scan.stderr);
    });

    it('refresh, list, show, update with conflict detection, export to a file', () => {
      const refresh = runCli(['backlog', 'refresh'], { cwd: dir, env });
      assert.equal(refresh.status, 0, refresh.stderr);
      assert.match(refresh.stdout, /backlog refreshed from 1 product\(s\): shop \(scan \d+, 6 entries\)/);
      assert.match(refresh.stdout, /risks +6 created/);

      const list = runCli(['backlog', 'list', '--json'], { cwd: dir, env });
      assert.equal(list.status, 0, list.stderr);
      const entries = (JSON.parse(list.stdout) as ListJson).entries;
      const aio = entries.find((e) => e.title.startsWith('upgrade aiohttp'));
      assert.ok(aio !== undefined);
      assert.deepEqual([aio.title, aio.owner, aio.status, aio.revision], ['upgrade aiohttp 3.8.3 → 3.9.2 fixes 6 advisories', '@shop/web', 'open', 1]);
      const table = runCli(['backlog', 'list'], { cwd: dir, env });
      assert.match(table.stdout, new RegExp(`${aio.id} +high +\\d{4}-\\d{2}-\\d{2} +open +@shop/web +shop +upgrade aiohttp 3\\.8\\.3 → 3\\.9\\.2 fixes 6 advisories`));
      const show = runCli(['backlog', 'show', aio.id], { cwd: dir, env });
      assert.match(show.stdout, /due +\d{4}-\d{2}-\d{2} \(sla high 20 days\)/);
      assert.match(show.stdout, /CVE-2024-23334 +high +7\.5 +3\.9\.2 +PYSEC-2024-24/);

      const ok = runCli(['backlog', 'update', aio.id, '--status', 'in-progress', '--note', 'PR 42', '--expect-status', 'open', '--expect-revision', '1'], { cwd: dir, env });
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, new RegExp(`${aio.id} is in-progress, owner @shop/web \\(revision 2\\)`));
      const stale = runCli(['backlog', 'update', aio.id, '--owner', '@shop/platform', '--expect-revision', '1'], { cwd: dir, env });
      assert.equal(stale.status, 2);
      assert.match(stale.stderr, /based on revision 1 but the entry is at revision 2; nothing was changed/);
      const badOwner = runCli(['backlog', 'update', aio.id, '--owner', 'the web team'], { cwd: dir, env });
      assert.equal(badOwner.status, 2);
      assert.match(badOwner.stderr, /--owner "the web team" is not an owner \(@user, @org\/team or an e-mail address\), or "unassigned"/);
      const badRev = runCli(['backlog', 'update', aio.id, '--note', 'x', '--expect-revision', 'two'], { cwd: dir, env });
      assert.equal(badRev.status, 2);
      assert.equal(runCli(['backlog', 'show', 'CW-0000000000'], { cwd: dir, env }).status, 2);
      const after = (JSON.parse(runCli(['backlog', 'show', aio.id, '--json'], { cwd: dir, env }).stdout) as { owner: string; revision: number; notes: { at: string; actor: string; text: string }[] });
      assert.deepEqual([after.owner, after.revision, after.notes], ['@shop/web', 2, [{ at: after.notes[0]?.at ?? '', actor: 'alice', text: 'PR 42' }]]);

      const risks = runCli(['risk', 'list', '--json'], { cwd: dir, env });
      const riskList = (JSON.parse(risks.stdout) as { risks: { id: string; backlogId: string; impact: { basis: string[] } }[] }).risks;
      const risk = riskList.find((x) => x.backlogId === aio.id);
      assert.ok(risk !== undefined);
      assert.ok(risk.impact.basis.includes('asset criticality critical (+2)'));
      const accept = runCli(['risk', 'update', risk.id, '--treatment', 'accept'], { cwd: dir, env });
      assert.equal(accept.status, 2);
      assert.match(accept.stderr, /accepting needs --until/);

      for (const [cmd, out] of [['backlog', 'docs/compliance/remediation-backlog.md'], ['risk', 'docs/security/risk-register.md']] as const) {
        const a = runCli([cmd, 'export', '--output', out], { cwd: dir, env: { ...env, SOURCE_DATE_EPOCH: '1767225600' } });
        assert.equal(a.status, 0, a.stderr);
        const first = readFileSync(join(dir, out), 'utf8');
        assert.match(first, /as of 2026-01-01: 6 entries/);
        runCli([cmd, 'export', '--output', out], { cwd: dir, env: { ...env, SOURCE_DATE_EPOCH: '1767225600' } });
        assert.equal(readFileSync(join(dir, out), 'utf8'), first, 'two exports give the same bytes');
      }
      const csv = runCli(['backlog', 'export', '--format', 'csv'], { cwd: dir, env });
      assert.match(csv.stdout.split('\n')[0] ?? '', /^ID,Item,Product,Risk,Owner,Due,Due basis,First seen,Evidence,Status$/);
      const badFormat = runCli(['backlog', 'export', '--format', 'xlsx'], { cwd: dir, env });
      assert.equal(badFormat.status, 2);
    });
  });
}
