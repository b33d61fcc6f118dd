import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { importAdvisories } from '../../src/advisories/import.js';
import { MemoryAdvisoryStore } from '../../src/advisories/memory-store.js';
import { recordScan } from '../../src/findings/scan-history.js';
import { scanSbom } from '../../src/findings/scan.js';
import type { OwnerResolver } from '../../src/hygiene/owners.js';
import { checkChain } from '../../src/registry/audit-log.js';
import type { Registry } from '../../src/registry/database.js';
import { refreshBacklog } from '../../src/remediation/backlog-refresh.js';
import { getBacklogEntry, listBacklog, updateBacklogEntry } from '../../src/remediation/backlog-repository.js';
import { RemediationConflictError } from '../../src/remediation/errors.js';
import { parseKevCatalog } from '../../src/remediation/feeds/kev.js';
import { importEpss, importKev } from '../../src/remediation/feeds/store.js';
import { advisoryFixOracle } from '../../src/remediation/fix-oracle.js';
import { getRisk, listRisks, refreshRisks, riskIdOf, updateRisk } from '../../src/remediation/risk-register.js';
import { unitId } from '../../src/remediation/units.js';
import { VexLedger } from '../../src/vex/ledger.js';
import { parseVexText } from '../../src/vex/read.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { shared, tempDir } from '../helpers/shared.js';
import { pypaStore, VULNERABLE, writeSbom } from './fixtures.js';

const { dir, cleanup } = tempDir('chainwarden-backlog-');
after(cleanup);
let store: MemoryAdvisoryStore;
before(async () => {
  store = await pypaStore();
});

const T1 = new Date('2026-01-05T09:00:00Z');
const T2 = new Date('2026-02-10T09:00:00Z');
const T3 = new Date('2026-03-20T09:00:00Z');

/** owners config as matrix resolves it: @acme/web owns aiohttp, everything else unowned. */
const owners: OwnerResolver = { warnings: [], ownerOf: (p) => (p.name === 'aiohttp' ? { owner: '@acme/web', source: 'config', rule: 'chainwarden.yaml owners.rules[0] (match "aiohttp")' } : undefined) };

async function scanAndRecord(r: Registry, file: string, components: readonly string[], version: string, now: Date, vex?: VexLedger): Promise<void> {
  const path = writeSbom(dir, file, 'shop', version, components);
  const report = await scanSbom({ path, shown: file, store, ...(vex !== undefined ? { vex } : {}) });
  await recordScan(r, report, { product: 'shop', productVersion: version, sbom: file, actor: 'ci', now });
}

async function refresh(r: Registry, now: Date): Promise<Awaited<ReturnType<typeof refreshBacklog>>> {
  const result = await refreshBacklog(r, { actor: 'ci', now, owners, oracle: (scans) => advisoryFixOracle(store, scans.map((s) => s.report)) });
  await refreshRisks(r, { actor: 'ci', now, config: { criticality: { shop: 'high' } } });
  return result;
}

for (const backend of BACKENDS) {
  describe(`remediation backlog and risk register (${backend})`, () => {
    it('one entry per fix target, the smallest fixed version clearing the most advisories; SLA, KEV, owners; stable ids; resolved on rescan', async () => {
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        const kevText = readFileSync(shared('advisories', 'cisa-kev', 'known_exploited_vulnerabilities.json'), 'utf8');
        await importKev(r, parseKevCatalog(kevText, 'kev.json'), { source: 'kev.json', bytes: Buffer.from(kevText), actor: 'ci', now: T1 });
        await importEpss(r, { scoreDate: '2026-01-04', scores: [{ cve: 'CVE-2023-32681', epss: 0.0062, percentile: 0.69 }, { cve: 'CVE-2024-23334', epss: 0.93, percentile: 0.99 }] }, { source: 'epss.csv', bytes: Buffer.from('x'), actor: 'ci', now: T1 });
        await scanAndRecord(r, 'shop-1.0.cdx.json', VULNERABLE, '1.0', T1);
        const first = await refresh(r, T1);
        const entries = await listBacklog(r, {}, T1);
        const by = new Map(entries.map((e) => [e.component.name, e]));
        assert.deepEqual(first.created.length, entries.length);
        assert.equal(entries.length, 6);

        const aiohttp = by.get('aiohttp');
        assert.ok(aiohttp !== undefined);
        assert.equal(aiohttp.title, 'upgrade aiohttp 3.8.3 → 3.9.2 fixes 6 advisories');
        assert.equal(aiohttp.id, unitId('shop', 'pkg:pypi/aiohttp', 'upgrade', '3.9.2'));
        assert.match(aiohttp.id, /^CW-[0-9a-f]{10}$/);
        assert.equal(aiohttp.severity, 'high');
        assert.equal(aiohttp.dueDate, '2026-02-04');
        assert.equal(aiohttp.dueSource, 'sla high 30 days');
        assert.deepEqual([aiohttp.owner, aiohttp.ownerSource], ['@acme/web', 'config']);
        // urllib3: 1.26.18 and 2.0.7 both clear both advisories; the smaller wins.
        assert.equal(by.get('urllib3')?.title, 'upgrade urllib3 1.26.13 → 1.26.18 fixes 2 advisories');
        // werkzeug: 2.2.3 clears two, 2.3.8 all three (the advisory ranges decide).
        assert.equal(by.get('werkzeug')?.title, 'upgrade werkzeug 2.2.2 → 2.3.8 fixes 3 advisories');
        const requests = by.get('requests');
        assert.deepEqual([requests?.severity, requests?.dueDate, requests?.dueSource, requests?.owner], ['unrated', '2026-04-05', 'sla unrated 90 days (no CVSS vector or label: unrated)', 'unassigned']);
        // pyspark 3.1.1: CVE-2022-33891 is in CISA's KEV catalog: its due date overrides the SLA (and is long past).
        const pyspark = by.get('pyspark');
        assert.equal(pyspark?.title, 'upgrade pyspark 3.1.1 → 3.4.0 fixes 5 advisories');
        assert.ok(pyspark?.findings.some((f) => f.vulnerability === 'CVE-2022-33891'));
        assert.deepEqual([pyspark?.dueDate, pyspark?.dueSource, pyspark?.overdue], ['2023-03-28', 'kev CVE-2022-33891 (added 2023-03-07)', true]);
        assert.equal(first.kev, 1);

        // Risk register: KEV → likelihood 5; EPSS 0.93 → 5; requests EPSS 0.0062 → 2; high criticality raises impact.
        const risks = new Map((await listRisks(r, {}, T1)).map((x) => [x.backlogId, x]));
        const pysparkRisk = risks.get(pyspark?.id ?? '');
        assert.equal(pysparkRisk?.likelihood.level, 5);
        assert.match(pysparkRisk?.likelihood.basis[0] ?? '', /^KEV CVE-2022-33891/);
        const aioRisk = risks.get(aiohttp.id);
        assert.deepEqual([aioRisk?.likelihood.level, aioRisk?.impact.level, aioRisk?.exposure, aioRisk?.rating], [5, 5, 25, 'critical']);
        assert.deepEqual(aioRisk?.impact.basis, ['CVSS 7.5', 'asset criticality high (+1)']);
        const reqRisk = risks.get(requests?.id ?? '');
        assert.deepEqual([reqRisk?.likelihood.level, reqRisk?.impact.level, reqRisk?.exposure, reqRisk?.rating], [2, 4, 8, 'medium']);
        assert.equal(reqRisk?.id, riskIdOf(requests?.id ?? ''));

        // Rescan: same versions → same ids, nothing new; an unchanged refresh changes no revision.
        await scanAndRecord(r, 'shop-1.0.1.cdx.json', VULNERABLE, '1.0.1', T2);
        const again = await refresh(r, T2);
        assert.deepEqual([again.created, again.resolved, again.reopened], [[], [], []]);
        assert.equal((await getBacklogEntry(r, aiohttp.id, T2)).revision, 1);

        // Work on aiohttp; then upgrade it to 3.9.0 (still vulnerable to CVE-2024-23334 and CVE-2024-23829, fixed in 3.9.2):
        // the same entry stays, in progress. urllib3 upgraded to 1.26.18: resolved.
        await updateBacklogEntry(r, aiohttp.id, { status: 'in-progress', note: 'bumping in PR 42' }, { actor: 'alice', now: T2, expectStatus: 'open' });
        const upgraded = VULNERABLE.map((c) => (c === 'aiohttp@3.8.3' ? 'aiohttp@3.9.0' : c === 'urllib3@1.26.13' ? 'urllib3@1.26.18' : c));
        await scanAndRecord(r, 'shop-1.1.cdx.json', upgraded, '1.1', T3);
        const third = await refresh(r, T3);
        assert.deepEqual(third.resolved, [by.get('urllib3')?.id]);
        const urllib3 = await getBacklogEntry(r, by.get('urllib3')?.id ?? '', T3);
        assert.equal(urllib3.status, 'resolved');
        assert.match(urllib3.resolution ?? '', /^not in scan \d+ of shop 1\.1/);
        const aio3 = await getBacklogEntry(r, aiohttp.id, T3);
        assert.deepEqual([aio3.status, aio3.title, aio3.firstSeen, aio3.notes.map((n) => n.text)], ['in-progress', 'upgrade aiohttp 3.9.0 → 3.9.2 fixes 2 advisories', T1.toISOString(), ['bumping in PR 42']]);
        const closed = await getRisk(r, riskIdOf(urllib3.id), T3);
        assert.equal(closed.status, 'closed');
        assert.match(closed.reason ?? '', /is resolved/);

        // Every change is in the audit log, and the chain holds.
        const actions = (await r.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((x) => x.action);
        assert.ok(actions.includes('kev-import') && actions.includes('epss-import') && actions.includes('backlog-refresh') && actions.includes('backlog-update') && actions.includes('risk-update'));
        assert.equal((await checkChain(r)).broken, undefined);
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });

    it('a new advisory that moves the fix target supersedes the entry: status, owner and notes carry over', async () => {
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        // First only the two werkzeug advisories fixed in 2.2.3 are known; then PYSEC-2023-221 (fixed in 2.3.8) arrives.
        const early = new MemoryAdvisoryStore();
        const werkzeug = (id: string): string => shared('advisories', 'pypa', 'vulns', 'werkzeug', `${id}.yaml`);
        await importAdvisories([werkzeug('PYSEC-2023-57'), werkzeug('PYSEC-2023-58')], early, { baseDir: shared() });
        const path = writeSbom(dir, 'w.cdx.json', 'shop', '1.0', ['werkzeug@2.2.2']);
        await recordScan(r, await scanSbom({ path, shown: 'w.cdx.json', store: early }), { product: 'shop', sbom: 'w.cdx.json', actor: 'ci', now: T1 });
        await refreshBacklog(r, { actor: 'ci', now: T1, oracle: (scans) => advisoryFixOracle(early, scans.map((s) => s.report)) });
        const old = unitId('shop', 'pkg:pypi/werkzeug', 'upgrade', '2.2.3');
        assert.equal((await getBacklogEntry(r, old, T1)).title, 'upgrade werkzeug 2.2.2 → 2.2.3 fixes 2 advisories');
        await updateBacklogEntry(r, old, { status: 'in-progress', owner: '@acme/api', note: 'on it' }, { actor: 'alice', now: T1 });

        await recordScan(r, await scanSbom({ path, shown: 'w.cdx.json', store }), { product: 'shop', sbom: 'w.cdx.json', actor: 'ci', now: T2 });
        const result = await refreshBacklog(r, { actor: 'ci', now: T2, oracle: (scans) => advisoryFixOracle(store, scans.map((s) => s.report)) });
        const next = unitId('shop', 'pkg:pypi/werkzeug', 'upgrade', '2.3.8');
        assert.deepEqual([result.resolved, result.created], [[old], [next]]);
        const superseded = await getBacklogEntry(r, old, T2);
        assert.deepEqual([superseded.status, superseded.resolution], ['resolved', `superseded by ${next}`]);
        const successor = await getBacklogEntry(r, next, T2);
        assert.deepEqual(
          [successor.title, successor.status, successor.owner, successor.ownerSource, successor.notes.map((n) => n.text), successor.resolution, successor.firstSeen],
          ['upgrade werkzeug 2.2.2 → 2.3.8 fixes 3 advisories', 'in-progress', '@acme/api', 'manual', ['on it'], `supersedes ${old}`, T1.toISOString()],
        );
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });

    it('stale updates are refused and change nothing; resolved/not-affected come from scans and VEX; acceptances expire', async () => {
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        await scanAndRecord(r, 'a.cdx.json', ['requests@2.28.1', 'flask@2.2.2'], '1.0', T1);
        await refresh(r, T1);
        const [flask, requests] = ['flask', 'requests'].map((n) => unitId('shop', `pkg:pypi/${n}`, 'upgrade', n === 'flask' ? '2.2.5' : '2.31.0'));
        assert.ok(flask !== undefined && requests !== undefined);
        const e = await updateBacklogEntry(r, requests, { owner: '@acme/platform' }, { actor: 'alice', now: T1, expectRevision: 1 });
        assert.deepEqual([e.owner, e.ownerSource, e.revision], ['@acme/platform', 'manual', 2]);
        const auditBefore = (await r.db.selectFrom('audit_log').select('seq').execute()).length;
        await assert.rejects(updateBacklogEntry(r, requests, { status: 'in-progress' }, { actor: 'bob', now: T1, expectRevision: 1 }), (err: unknown) => err instanceof RemediationConflictError && /based on revision 1 but the entry is at revision 2/.test(err.message) && err.exitCode === 2);
        await assert.rejects(updateBacklogEntry(r, requests, { status: 'in-progress' }, { actor: 'bob', now: T1, expectStatus: 'in-progress' }), RemediationConflictError);
        await assert.rejects(updateBacklogEntry(r, requests, { status: 'resolved' }, { actor: 'bob', now: T1 }), /set by a scan/);
        await assert.rejects(updateBacklogEntry(r, requests, { owner: 'platform team' }, { actor: 'bob', now: T1 }), /is not an owner/);
        await assert.rejects(updateBacklogEntry(r, requests, { status: 'accepted' }, { actor: 'bob', now: T1 }), /needs --until/);
        await assert.rejects(updateBacklogEntry(r, requests, { status: 'accepted', acceptedUntil: '2027-12-31' }, { actor: 'bob', now: T1 }), /more than 180 days/);
        assert.equal((await getBacklogEntry(r, requests, T1)).revision, 2);
        assert.equal((await r.db.selectFrom('audit_log').select('seq').execute()).length, auditBefore);

        // Accepted until 2026-02-01: still accepted on T1, open again after the date (and the risk re-opens too).
        await updateBacklogEntry(r, requests, { status: 'accepted', acceptedUntil: '2026-02-01' }, { actor: 'alice', now: T1 });
        await updateRisk(r, riskIdOf(flask), { treatment: 'accept', acceptedUntil: '2026-02-01', note: 'internal only' }, { actor: 'alice', now: T1, expectStatus: 'open' });
        await refresh(r, T1);
        assert.equal((await getBacklogEntry(r, requests, T1)).status, 'accepted');
        assert.equal((await getRisk(r, riskIdOf(flask), T1)).status, 'accepted');
        await refresh(r, T2);
        const reopened = await getBacklogEntry(r, requests, T2);
        assert.deepEqual([reopened.status, reopened.resolution, reopened.owner], ['open', 'acceptance expired on 2026-02-01', '@acme/platform']);
        const risk = await getRisk(r, riskIdOf(flask), T2);
        assert.deepEqual([risk.status, risk.treatment, risk.reason], ['open', 'mitigate', 'acceptance expired on 2026-02-01']);

        // VEX not_affected for the flask CVE: the entry becomes not-affected, its risk closes, and the VEX is linked.
        const vexText = JSON.stringify({
          '@context': 'https://openvex.dev/ns/v0.2.0',
          '@id': 'https://example.com/vex/1',
          author: 'security@example.com',
          timestamp: '2026-02-20T00:00:00Z',
          version: 1,
          statements: [{ vulnerability: { name: 'CVE-2023-30861' }, products: [{ '@id': 'pkg:pypi/flask@2.2.2' }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' }],
        });
        const ledger = new VexLedger();
        ledger.add(parseVexText(vexText, 'vex/flask.openvex.json'));
        await scanAndRecord(r, 'b.cdx.json', ['requests@2.28.1', 'flask@2.2.2'], '1.1', T3, ledger);
        await refresh(r, T3);
        const na = await getBacklogEntry(r, flask, T3);
        assert.deepEqual([na.status, na.resolution, na.findings[0]?.vex?.justification], ['not-affected', 'every finding is suppressed by VEX', 'vulnerable_code_not_in_execute_path']);
        await assert.rejects(updateBacklogEntry(r, flask, { status: 'in-progress' }, { actor: 'bob', now: T3 }), /not-affected .*follows the scans and VEX/);
        const naRisk = await getRisk(r, riskIdOf(flask), T3);
        assert.equal(naRisk.status, 'closed');
        assert.deepEqual(naRisk.links.vex.map((v) => [v.vulnerability, v.status, v.document]), [['CVE-2023-30861', 'not_affected', 'vex/flask.openvex.json']]);
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });
  });
}
