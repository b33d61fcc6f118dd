import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { importAdvisories } from '../../src/advisories/import.js';
import { MemoryAdvisoryStore } from '../../src/advisories/memory-store.js';
import { recordScan } from '../../src/findings/scan-history.js';
import { scanSbom } from '../../src/findings/scan.js';
import { loadOwners } from '../../src/hygiene/owners.js';
import { refreshBacklog } from '../../src/remediation/backlog-refresh.js';
import { listBacklog } from '../../src/remediation/backlog-repository.js';
import { BACKLOG_COLUMNS, RISK_COLUMNS } from '../../src/remediation/export/columns.js';
import { EXPORT_FORMATS } from '../../src/remediation/export/formats.js';
import { parseEpssCsv } from '../../src/remediation/feeds/epss.js';
import { parseKevCatalog } from '../../src/remediation/feeds/kev.js';
import { importEpss, importKev } from '../../src/remediation/feeds/store.js';
import { advisoryFixOracle } from '../../src/remediation/fix-oracle.js';
import { listRisks, refreshRisks } from '../../src/remediation/risk-register.js';
import { generateSbom } from '../../src/sbom/generate.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { corpus, REPO_ROOT, shared, tempDir } from '../helpers/shared.js';

/**
 * The exports are files teams commit (docs/compliance/remediation-backlog.md, docs/security/risk-register.md): the
 * same registry content gives the same bytes, on both backends. Input: the real poetry1-legacy lockfile of the corpus,
 * scanned against the real PyPA advisories, with the real KEV catalog. Refresh with UPDATE_GOLDEN=1 after review.
 */
const GOLDEN_DIR = join(REPO_ROOT, 'packages/chainwarden/test/golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const NOW = new Date('2024-10-15T08:00:00Z');
// No real EPSS file could be brought into ../shared: two rows in FIRST's format, for the likelihood column.
const EPSS = '#model_version:v2023.03.01,score_date:2024-10-14T00:00:00+0000\ncve,epss,percentile\nCVE-2024-23334,0.93441,0.99169\nCVE-2023-32681,0.00621,0.69385\n';

const { dir, cleanup } = tempDir('chainwarden-export-');
after(cleanup);
const store = new MemoryAdvisoryStore();
let sbomPath = '';

before(async () => {
  await importAdvisories([shared('advisories', 'pypa')], store, { baseDir: shared() });
  const sbom = await generateSbom({ projectDir: corpus('python-poetry', 'cdxgen-poetry1-legacy'), format: 'cyclonedx-json', env: { SOURCE_DATE_EPOCH: '1700000000' } });
  sbomPath = join(dir, 'legacy.cdx.json');
  writeFileSync(sbomPath, sbom.content);
});

function golden(name: string, content: string): void {
  const path = join(GOLDEN_DIR, name);
  if (UPDATE || !existsSync(path)) {
    assert.ok(UPDATE, `${name} is missing: run with UPDATE_GOLDEN=1 to create it`);
    writeFileSync(path, content);
  }
  assert.equal(content, readFileSync(path, 'utf8'), `${name} differs from the golden file (UPDATE_GOLDEN=1 to refresh after review)`);
}

for (const backend of BACKENDS) {
  test(`golden: backlog and risk register exports, markdown/csv/json (${backend})`, async () => {
    const fresh = freshRegistry(backend);
    const r = await fresh.open();
    try {
      const kev = readFileSync(shared('advisories', 'cisa-kev', 'known_exploited_vulnerabilities.json'), 'utf8');
      await importKev(r, parseKevCatalog(kev, 'kev.json'), { source: 'kev.json', bytes: Buffer.from(kev), actor: 'ci', now: NOW });
      await importEpss(r, parseEpssCsv(EPSS, 'epss.csv'), { source: 'epss.csv', bytes: Buffer.from(EPSS), actor: 'ci', now: NOW });
      const report = await scanSbom({ path: sbomPath, shown: 'dist/sbom/legacy-sbom.json', store });
      await recordScan(r, report, { product: 'legacy', productVersion: '0.1.0', sbom: 'dist/sbom/legacy-sbom.json', actor: 'ci', now: NOW });
      const config = { owners: { rules: [{ match: 'aiohttp', owner: '@hotpass/web' }, { match: 'werkzeug', owner: '@hotpass/api' }] }, risk: { criticality: { legacy: 'high' as const } } };
      const owners = await loadOwners(dir, config);
      await refreshBacklog(r, { actor: 'ci', now: NOW, owners, oracle: (scans) => advisoryFixOracle(store, scans.map((s) => s.report)) });
      await refreshRisks(r, { actor: 'ci', now: NOW, config: config.risk });
      const entries = await listBacklog(r, {}, NOW);
      const risks = await listRisks(r, {}, NOW);
      assert.equal(entries.length, 11);
      assert.equal(risks.length, 11);
      for (const format of ['markdown', 'csv', 'json'] as const) {
        const ext = format === 'markdown' ? 'md' : format;
        golden(`remediation-backlog.${ext}`, EXPORT_FORMATS[format]({ kind: 'backlog', title: 'Remediation backlog', asOf: '2024-10-15', rows: entries, columns: BACKLOG_COLUMNS }));
        golden(`risk-register.${ext}`, EXPORT_FORMATS[format]({ kind: 'risk', title: 'Risk register', asOf: '2024-10-15', rows: risks, columns: RISK_COLUMNS }));
      }
    } finally {
      await r.close();
      await fresh.cleanup();
    }
  });
}
