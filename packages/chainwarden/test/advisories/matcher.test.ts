import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { AliasIndex } from '../../src/advisories/alias-groups.js';
import { importAdvisories } from '../../src/advisories/import.js';
import { MemoryAdvisoryStore } from '../../src/advisories/memory-store.js';
import { parseOsvRecord } from '../../src/advisories/osv-parse.js';
import { matchComponents } from '../../src/findings/match.js';
import { shared } from '../helpers/shared.js';

const store = new MemoryAdvisoryStore();

before(async () => {
  const report = await importAdvisories([shared('advisories', 'pypa'), shared('advisories', 'rustsec'), shared('advisories', 'go')], store, { baseDir: shared() });
  assert.equal(report.parsed, 8158);
  assert.deepEqual(report.rejected, []);
});

test('alias groups join records through shared aliases and are named by their CVE', () => {
  const index = new AliasIndex();
  index.add('PYSEC-1', ['CVE-2020-1']);
  index.add('GHSA-aaaa', ['CVE-2020-1']);
  index.add('OTHER-1', []);
  assert.deepEqual(index.group('GHSA-aaaa'), { id: 'CVE-2020-1', members: ['CVE-2020-1', 'GHSA-aaaa', 'PYSEC-1'] });
  assert.equal(index.group('OTHER-1').id, 'OTHER-1');
});

test('a PyPI component is matched by an explicit versions[] entry and the finding explains itself', async () => {
  const { findings } = await matchComponents([{ name: 'apache-skywalking', purl: 'pkg:pypi/Apache_Skywalking@1.0.1' }], store);
  const f = findings.find((x) => x.vulnerability === 'CVE-2020-13921');
  assert.ok(f !== undefined, JSON.stringify(findings.map((x) => x.vulnerability)));
  assert.equal(f.class, 'vulnerability');
  assert.equal(f.severity, 'critical');
  assert.equal(f.score, 9.8);
  assert.deepEqual(f.aliases, ['CVE-2020-13921', 'PYSEC-2020-342']);
  const e = f.explanations[0];
  assert.equal(e?.advisory, 'PYSEC-2020-342');
  assert.equal(e?.source, 'advisories/pypa/vulns/apache-skywalking/PYSEC-2020-342.yaml');
  assert.equal(e?.identifier, 'pkg:pypi/Apache_Skywalking@1.0.1');
  assert.deepEqual(e?.matched, { by: 'version', entry: '1.0.1' });
});

test('a crate and a Go module are matched by SEMVER ranges; RustSec notices are informational', async () => {
  const { findings } = await matchComponents(
    [
      { name: 'libusb', purl: 'pkg:cargo/libusb@0.3.0' },
      { name: 'coder', purl: 'pkg:golang/github.com/coder/coder/v2@v2.14.0' },
      { name: 'coder', purl: 'pkg:golang/github.com/coder/coder/v2@v2.14.4' },
    ],
    store,
  );
  const libusb = findings.find((f) => f.component.name === 'libusb');
  assert.equal(libusb?.class, 'informational');
  const coder = findings.filter((f) => f.vulnerability === 'GHSA-wcx9-ccpj-hx3c');
  assert.deepEqual(coder.map((f) => f.component.purl), ['pkg:golang/github.com/coder/coder/v2@v2.14.0']);
  assert.deepEqual(coder[0]?.explanations[0]?.matched, { by: 'range', type: 'SEMVER', introduced: '2.3.1', fixed: '2.14.4' });
  assert.deepEqual(coder[0]?.fixed, ['2.14.4', '2.15.3', '2.16.1']);
});

test('no version → unknown-version findings; withdrawn records never match; unusable purls are skipped with a reason', async () => {
  const result = await matchComponents(
    [
      { name: 'apache-skywalking', purl: 'pkg:pypi/apache-skywalking' },
      { name: 'aiohttp', purl: 'pkg:pypi/aiohttp@3.8.1' },
      { name: 'nopurl' },
      { name: 'gh', purl: 'pkg:github/a/b@1' },
      { name: 'bad', purl: 'not-a-purl' },
    ],
    store,
  );
  const unknown = result.findings.filter((f) => f.component.name === 'apache-skywalking');
  assert.ok(unknown.length > 0);
  assert.ok(unknown.every((f) => f.class === 'unknown-version' && f.explanations.every((e) => e.matched.by === 'no-version')));
  assert.ok(result.findings.some((f) => f.component.name === 'aiohttp'), 'aiohttp 3.8.1 has other advisories');
  assert.ok(!result.findings.some((f) => f.explanations.some((e) => e.advisory === 'PYSEC-2022-43059')), 'withdrawn PYSEC-2022-43059 must not match');
  assert.deepEqual(
    result.skipped.map((s) => s.reason),
    ['no purl', 'purl type "github" has no OSV ecosystem', 'not a valid purl: not-a-purl'],
  );
});

test('malicious-package records become their own finding class', async () => {
  const local = new MemoryAdvisoryStore();
  await local.put([{ source: 'mal.json', record: parseOsvRecord({ id: 'MAL-2024-9', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: '@evil/pkg' }, versions: ['1.0.0'] }] }, 'mal.json') }]);
  const { findings } = await matchComponents([{ name: 'pkg', purl: 'pkg:npm/%40evil/pkg@1.0.0' }], local);
  assert.equal(findings[0]?.class, 'malicious');
  assert.equal(findings[0]?.severity, 'critical');
});
