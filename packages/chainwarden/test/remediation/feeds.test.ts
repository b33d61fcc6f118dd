import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ThreatFeedError } from '../../src/remediation/errors.js';
import { epssText, parseEpssCsv } from '../../src/remediation/feeds/epss.js';
import { parseKevCatalog } from '../../src/remediation/feeds/kev.js';
import { feedStatus, importEpss, importKev, loadThreatIntel } from '../../src/remediation/feeds/store.js';
import { runCli } from '../helpers/cli.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { shared, tempDir } from '../helpers/shared.js';

const KEV_PATH = shared('advisories', 'cisa-kev', 'known_exploited_vulnerabilities.json');
const KEV_TEXT = readFileSync(KEV_PATH, 'utf8');
const EPSS = '#model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z\ncve,epss,percentile\nCVE-2021-44228,0.94358,0.99953\nCVE-2022-33891,0.94123,0.99912\nCVE-2023-32681,0.00621,0.69385\n';
const { dir, cleanup } = tempDir('chainwarden-feeds-');
after(cleanup);

describe('KEV and EPSS parsing', () => {
  it('reads the real KEV catalog: 1,404 entries, version 2025.08.25', () => {
    const c = parseKevCatalog(KEV_TEXT, 'kev.json');
    assert.equal(c.catalogVersion, '2025.08.25');
    assert.equal(c.vulnerabilities.length, 1404);
    assert.equal(c.vulnerabilities.filter((v) => v.knownRansomwareCampaignUse === 'Known').length, 293);
    const log4j = c.vulnerabilities.find((v) => v.cveID === 'CVE-2021-44228');
    assert.deepEqual([log4j?.vendorProject, log4j?.dueDate], ['Apache', '2021-12-24']);
  });

  it('a malformed KEV entry names the file, line and key path', () => {
    const broken = KEV_TEXT.replace('"dueDate": "2021-12-24"', '"dueDate": "24/12/2021"');
    const line = broken.slice(0, broken.lastIndexOf('"cveID"', broken.indexOf('"24/12/2021"'))).split('\n').length;
    assert.equal(line, 16267);
    assert.throws(() => parseKevCatalog(broken, 'kev.json'), (e: unknown) => e instanceof ThreatFeedError && e.exitCode === 2 && new RegExp(`^kev\\.json:${line} \\(at vulnerabilities\\[\\d+\\]\\.dueDate\\): "24/12/2021" is not a date`).test(e.message));
    assert.throws(() => parseKevCatalog(KEV_TEXT.replace('"count": 1404', '"count": 1405'), 'kev.json'), /kev\.json:\d+ \(at count\): "count" says 1405 but the catalog lists 1404/);
    assert.throws(() => parseKevCatalog(KEV_TEXT.slice(0, 5000), 'kev.json'), /kev\.json:\d+:\d+: invalid JSON/);
    assert.throws(() => parseKevCatalog('{"vulnerabilities": []}', 'x.json'), /x\.json \(at catalogVersion\): not a KEV catalog/);
  });

  it('reads EPSS with its model/score-date comment line, gzipped or not; bad rows name file:line', () => {
    const plain = parseEpssCsv(EPSS, 'e.csv');
    assert.deepEqual([plain.modelVersion, plain.scoreDate, plain.scores.length, plain.scores[0]], ['v2025.03.14', '2025-08-25T12:55:00Z', 3, { cve: 'CVE-2021-44228', epss: 0.94358, percentile: 0.99953 }]);
    assert.deepEqual(parseEpssCsv(epssText(gzipSync(EPSS), 'e.csv.gz'), 'e.csv.gz'), plain);
    assert.equal(parseEpssCsv('cve,epss,percentile\r\nCVE-2021-44228,0.9,0.99\r\n', 'nocomment.csv').scores.length, 1);
    assert.throws(() => parseEpssCsv(EPSS.replace('0.00621', '6.21'), 'e.csv'), /e\.csv:5: epss "6\.21" is not a probability between 0 and 1$/);
    assert.throws(() => parseEpssCsv(EPSS.replace('CVE-2023-32681', 'GHSA-x'), 'e.csv'), /e\.csv:5: "GHSA-x" is not a CVE id$/);
    assert.throws(() => parseEpssCsv('#model_version:v1\ncve,score\n', 'e.csv'), /e\.csv:2: expected the header "cve,epss,percentile"/);
    assert.throws(() => parseEpssCsv(`${EPSS}CVE-2021-44228,0.1,0.2\n`, 'e.csv'), /e\.csv:6: CVE-2021-44228 is listed twice$/);
    assert.throws(() => epssText(Buffer.from([0x1f, 0x8b, 1, 2, 3]), 'e.csv.gz'), /e\.csv\.gz: not a readable gzip file/);
  });
});

for (const backend of BACKENDS) {
  describe(`threat feeds in the registry (${backend})`, () => {
    it('KEV replaces the catalog (added/updated/removed reported), refuses an older one; EPSS replace vs merge', async () => {
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        const meta = { source: 'kev.json', bytes: Buffer.from(KEV_TEXT), actor: 'ci', now: new Date('2025-08-26T00:00:00Z') };
        const first = await importKev(r, parseKevCatalog(KEV_TEXT, 'kev.json'), meta);
        assert.deepEqual([first.entries, first.added, first.updated, first.removed], [1404, 1404, 0, 0]);
        const same = await importKev(r, parseKevCatalog(KEV_TEXT, 'kev.json'), meta);
        assert.deepEqual([same.added, same.updated, same.removed, same.unchanged, same.previous], [0, 0, 0, 1404, '2025.08.25']);
        // A newer catalog without log4shell and with another due date for CVE-2025-48384.
        const doc = JSON.parse(KEV_TEXT) as { catalogVersion: string; count: number; vulnerabilities: { cveID: string; dueDate: string }[] };
        doc.catalogVersion = '2025.08.26';
        doc.vulnerabilities = doc.vulnerabilities.filter((v) => v.cveID !== 'CVE-2021-44228');
        doc.count = doc.vulnerabilities.length;
        const changed = doc.vulnerabilities.find((v) => v.cveID === 'CVE-2025-48384');
        assert.ok(changed !== undefined);
        changed.dueDate = '2025-09-30';
        const next = await importKev(r, parseKevCatalog(JSON.stringify(doc), 'kev2.json'), { ...meta, source: 'kev2.json' });
        assert.deepEqual([next.entries, next.added, next.updated, next.removed], [1403, 0, 1, 1]);
        await assert.rejects(importKev(r, parseKevCatalog(KEV_TEXT, 'kev.json'), meta), /older than the one already imported \(2025\.08\.26\); pass --allow-older/);
        const intel = await loadThreatIntel(r, ['CVE-2021-44228', 'CVE-2025-48384', 'PYSEC-1']);
        assert.equal(intel.kev(['CVE-2021-44228']), undefined);
        assert.equal(intel.kev(['PYSEC-1', 'CVE-2025-48384'])?.dueDate, '2025-09-30');

        await importEpss(r, parseEpssCsv(EPSS, 'e.csv'), { source: 'e.csv', bytes: Buffer.from(EPSS), actor: 'ci', now: meta.now });
        const partial = parseEpssCsv('cve,epss,percentile\nCVE-2024-3651,0.0008,0.25\n', 'p.csv');
        const merged = await importEpss(r, partial, { source: 'p.csv', bytes: Buffer.from('p'), actor: 'ci', now: meta.now, mode: 'merge', allowOlder: true });
        assert.deepEqual([merged.entries, merged.added, merged.removed], [4, 1, 0]);
        const replaced = await importEpss(r, partial, { source: 'p.csv', bytes: Buffer.from('p'), actor: 'ci', now: meta.now, allowOlder: true });
        assert.deepEqual([replaced.entries, replaced.removed, replaced.unchanged], [1, 3, 1]);
        const i2 = await loadThreatIntel(r, ['CVE-2024-3651', 'CVE-2021-44228']);
        assert.equal(i2.epss(['CVE-2021-44228']), undefined);
        assert.equal(i2.epss(['CVE-2024-3651'])?.epss, 0.0008);
        assert.deepEqual((await feedStatus(r)).map((f) => [f.feed, f.entries]), [['epss', 1], ['kev', 1403]]);
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });

    it('CLI: import-kev and import-epss; malformed files exit 2 naming file:line and store nothing', () => {
      const fresh = freshRegistry(backend);
      const env = { CHAINWARDEN_DATABASE_URL: fresh.url };
      try {
        writeFileSync(join(dir, `epss-${backend}.csv.gz`), gzipSync(EPSS));
        writeFileSync(join(dir, 'bad-epss.csv'), EPSS.replace('0.99912', 'high'));
        writeFileSync(join(dir, 'bad-kev.json'), KEV_TEXT.replace('"cveID": "CVE-2021-44228"', '"cveID": "LOG4SHELL"'));
        const kev = runCli(['advisories', 'import-kev', KEV_PATH, '--json'], { cwd: dir, env });
        assert.equal(kev.status, 0, kev.stderr);
        assert.deepEqual((JSON.parse(kev.stdout) as { entries: number; added: number }).added, 1404);
        const epss = runCli(['advisories', 'import-epss', `epss-${backend}.csv.gz`], { cwd: dir, env });
        assert.equal(epss.status, 0, epss.stderr);
        assert.match(epss.stdout, /EPSS scores 2025-08-25T12:55:00Z from epss-\w+\.csv\.gz: 3 CVEs stored \(replace\)/);

        const badEpss = runCli(['advisories', 'import-epss', 'bad-epss.csv', '--merge'], { cwd: dir, env });
        assert.equal(badEpss.status, 2);
        assert.match(badEpss.stderr, /bad-epss\.csv:4: percentile "high" is not a probability between 0 and 1/);
        const badKev = runCli(['advisories', 'import-kev', 'bad-kev.json'], { cwd: dir, env });
        assert.equal(badKev.status, 2);
        assert.match(badKev.stderr, /bad-kev\.json:\d+ \(at vulnerabilities\[\d+\]\.cveID\): "LOG4SHELL" is not a CVE id/);
        const missing = runCli(['advisories', 'import-kev', 'nope.json'], { cwd: dir, env });
        assert.equal(missing.status, 2);
        assert.match(missing.stderr, /nope\.json: cannot read the file \(ENOENT\)/);
        // Nothing of the bad files was stored: the feeds are as the good imports left them.
        const status = runCli(['backlog', 'list', '--json'], { cwd: dir, env });
        assert.equal(status.status, 0, status.stderr);
        const again = runCli(['advisories', 'import-epss', `epss-${backend}.csv.gz`, '--json'], { cwd: dir, env });
        assert.deepEqual((JSON.parse(again.stdout) as { unchanged: number; entries: number }).unchanged, 3);
      } finally {
        void fresh.cleanup();
      }
    });
  });
}
