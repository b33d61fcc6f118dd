import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { shared, tempDir } from '../helpers/shared.js';

const { dir, cleanup } = tempDir();
after(cleanup);

const SBOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  metadata: { component: { type: 'application', name: 'demo', version: '1.0.0', 'bom-ref': 'root' } },
  components: [
    { type: 'library', name: 'aiohttp', version: '3.8.3', purl: 'pkg:pypi/aiohttp@3.8.3', 'bom-ref': 'a' },
    { type: 'library', name: 'py', purl: 'pkg:pypi/py', 'bom-ref': 'b' },
    { type: 'library', name: 'libusb', version: '0.3.0', purl: 'pkg:cargo/libusb@0.3.0', 'bom-ref': 'c' },
    { type: 'library', name: 'left-pad', version: '1.0.0', 'bom-ref': 'd' },
  ],
};

before(() => {
  writeFileSync(join(dir, 'sbom.json'), JSON.stringify(SBOM));
  const r = runCli(['advisories', 'import', shared('advisories', 'pypa', 'vulns', 'aiohttp'), shared('advisories', 'pypa', 'vulns', 'py'), shared('advisories', 'rustsec', 'crates', 'RUSTSEC-2016-0004.json'), '--json'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as { added: number; rejected: unknown[]; withdrawn: number; store: { path: string } };
  assert.ok(report.added > 10);
  assert.ok(report.withdrawn >= 1, 'aiohttp has a withdrawn record');
  assert.equal(report.store.path, 'data/advisories/advisories.ndjson');
});

test('scan --format json: findings with explanations, unknown-version, skipped components', () => {
  const r = runCli(['scan', 'sbom.json', '--json'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as {
    components: number;
    findings: { class: string; vulnerability: string; component: { name: string }; explanations: { matched: { by: string } }[] }[];
    skipped: { component: { name: string }; reason: string }[];
  };
  assert.equal(report.components, 4);
  const aio = report.findings.filter((f) => f.component.name === 'aiohttp');
  assert.ok(aio.some((f) => f.vulnerability === 'CVE-2024-23334' && f.explanations[0]?.matched.by === 'version'));
  assert.ok(!aio.some((f) => f.vulnerability === 'CVE-2022-33124'), 'withdrawn PYSEC-2022-43059 is not matched');
  const py = report.findings.filter((f) => f.component.name === 'py');
  assert.ok(py.length >= 1 && py.every((f) => f.class === 'unknown-version' && f.explanations.every((e) => e.matched.by === 'no-version')));
  assert.deepEqual(report.findings.filter((f) => f.component.name === 'libusb').map((f) => f.class), ['informational']);
  assert.deepEqual(report.skipped, [{ component: { bomRef: 'd', name: 'left-pad', version: '1.0.0' }, reason: 'no purl' }]);
});

test('scan --fail-on high closes the gate (exit 1); the table explains each finding', () => {
  const r = runCli(['scan', 'sbom.json', '--fail-on', 'high'], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /high +vulnerability +CVE-2024-23334 +aiohttp@3\.8\.3 +3\.9\.2 +- +PYSEC-2024-24: versions\[\] lists 3\.8\.3/);
  assert.match(r.stdout, /unknown-version .*py .*the component has no version/);
  assert.match(r.stdout, /gate closed: \d+ finding\(s\) at or above high/);
  assert.equal(runCli(['scan', 'sbom.json', '--fail-on', 'critical'], { cwd: dir }).status, 0);
});

test('scan --format sarif --output writes SARIF 2.1.0 with one rule per vulnerability', () => {
  const r = runCli(['scan', 'sbom.json', '--format', 'sarif', '--output', 'out/scan.sarif'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const sarif = JSON.parse(readFileSync(join(dir, 'out', 'scan.sarif'), 'utf8')) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: unknown[] }[] }[] };
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.ok(run !== undefined);
  assert.ok(run.tool.driver.rules.some((rule) => rule.id === 'CVE-2024-23334'));
  assert.equal(run.results.find((x) => x.ruleId === 'CVE-2024-23334')?.level, 'error');
  assert.deepEqual(run.results.find((x) => x.ruleId === 'CVE-2024-23334')?.locations[0], { physicalLocation: { artifactLocation: { uri: 'sbom.json' } }, logicalLocations: [{ name: 'pkg:pypi/aiohttp@3.8.3', kind: 'package' }] });
});

test('bad input: a malformed record is rejected with file and reason; a non-SBOM exits 2', () => {
  writeFileSync(join(dir, 'bad.json'), '{"id": "X-1", "modified": "2024-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "PyPI"}}]}');
  const r = runCli(['advisories', 'import', 'bad.json', '--advisory-cache', 'other.ndjson'], { cwd: dir });
  assert.equal(r.status, 0);
  assert.match(r.stderr, /rejected: bad\.json: \(at affected\[0\]\.package\.name\): expected a non-empty string, got nothing/);
  const s = runCli(['scan', 'bad.json'], { cwd: dir });
  assert.equal(s.status, 2);
  assert.match(s.stderr, /bad\.json: not an SBOM/);
});

test('scan --vex: a statement naming an alias (PYSEC) suppresses the CVE finding for every version; SARIF carries the suppression; unmatched and skipped statements say why', () => {
  writeFileSync(
    join(dir, 'own.openvex.json'),
    JSON.stringify({
      '@context': 'https://openvex.dev/ns/v0.2.0',
      '@id': 'https://example.com/vex/1',
      author: 'Security <security@example.com>',
      timestamp: '2024-05-01T00:00:00Z',
      version: 1,
      statements: [
        { vulnerability: { name: 'PYSEC-2024-24' }, products: [{ '@id': 'pkg:pypi/aiohttp' }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' },
        { vulnerability: { name: 'CVE-2099-0001' }, products: [{ '@id': 'pkg:pypi/aiohttp' }], status: 'fixed' },
        { vulnerability: { name: 'CVE-2099-0002' }, status: 'fixed' },
      ],
    }),
  );
  const r = runCli(['scan', 'sbom.json', '--vex', 'own.openvex.json', '--json'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as {
    counts: { suppressed: number };
    findings: { vulnerability: string; vex?: { status: string; suppressed: boolean; justification?: string; statement: { at: string } } }[];
    vex: { matched: { at: string }[]; unmatched: { at: string; reason: string }[]; skipped: { at: string; reason: string }[] };
  };
  const f = report.findings.find((x) => x.vulnerability === 'CVE-2024-23334');
  assert.deepEqual([f?.vex?.status, f?.vex?.suppressed, f?.vex?.justification, f?.vex?.statement.at], ['not_affected', true, 'vulnerable_code_not_in_execute_path', 'statements[0]']);
  assert.equal(report.counts.suppressed, 1);
  assert.deepEqual(report.vex.matched.map((m) => m.at), ['statements[0]']);
  assert.deepEqual(report.vex.unmatched, [{ file: 'own.openvex.json', at: 'statements[1]', vulnerability: 'CVE-2099-0001', status: 'fixed', reason: 'no finding for CVE-2099-0001 in this scan (kept: it applies when one appears)' }]);
  assert.equal(report.vex.skipped[0]?.at, 'statements[2]');

  const sarifRun = runCli(['scan', 'sbom.json', '--vex', 'own.openvex.json', '--format', 'sarif'], { cwd: dir });
  const sarif = JSON.parse(sarifRun.stdout) as { runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[] }[] }[] };
  const result = sarif.runs[0]?.results.find((x) => x.ruleId === 'CVE-2024-23334');
  assert.equal(result?.suppressions?.[0]?.kind, 'external');
  assert.match(result?.suppressions?.[0]?.justification ?? '', /^VEX not_affected: vulnerable_code_not_in_execute_path \(own\.openvex\.json statements\[0\], openvex 0\.2\.0\)$/);
  assert.ok(sarif.runs[0]?.results.filter((x) => x.suppressions !== undefined).length === 1);
});

test('--database-url: advisories imported into the registry database (SQLite) are what scan matches', () => {
  const db = join(dir, 'registry.sqlite');
  const imp = runCli(['advisories', 'import', shared('advisories', 'pypa', 'vulns', 'aiohttp'), '--database-url', db, '--json'], { cwd: dir });
  assert.equal(imp.status, 0, imp.stderr);
  assert.equal((JSON.parse(imp.stdout) as { store: { records: number } }).store.records, (JSON.parse(imp.stdout) as { files: number }).files);
  const r = runCli(['scan', 'sbom.json', '--database-url', db, '--fail-on', 'high'], { cwd: dir });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /against \d+ advisories/);
  assert.match(r.stdout, /CVE-2024-23334 +aiohttp@3\.8\.3/);
  assert.doesNotMatch(r.stdout, /libusb/, 'only what this database holds');
});
