import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffComponents, packageKey } from '../../src/pipeline/diff/components.js';
import { diffFindings, openFindings } from '../../src/pipeline/diff/findings.js';

test('diff: components keyed by package without version; a package at two versions is one entry', () => {
  assert.equal(packageKey({ name: 'numpy', purl: 'pkg:pypi/numpy@2.2.6?arch=x86_64' }), 'pkg:pypi/numpy');
  assert.equal(packageKey({ name: '@types/react', purl: 'pkg:npm/%40types/react@19.0.1' }), 'pkg:npm/%40types/react');
  assert.equal(packageKey({ name: 'local-thing' }), 'local-thing');
  const base = [
    { name: 'numpy', version: '2.2.6', purl: 'pkg:pypi/numpy@2.2.6' },
    { name: 'numpy', version: '2.3.4', purl: 'pkg:pypi/numpy@2.3.4' },
    { name: 'requests', version: '2.32.5', purl: 'pkg:pypi/requests@2.32.5' },
    { name: 'six', version: '1.17.0', purl: 'pkg:pypi/six@1.17.0' },
  ];
  const current = [
    { name: 'numpy', version: '2.3.4', purl: 'pkg:pypi/numpy@2.3.4' },
    { name: 'numpy', version: '2.2.6', purl: 'pkg:pypi/numpy@2.2.6' },
    { name: 'requests', version: '2.19.1', purl: 'pkg:pypi/requests@2.19.1' },
    { name: 'httpx', version: '0.28.1', purl: 'pkg:pypi/httpx@0.28.1' },
  ];
  const d = diffComponents(base, current);
  assert.deepEqual(d.added, [{ name: 'httpx', package: 'pkg:pypi/httpx', from: [], to: ['0.28.1'] }]);
  assert.deepEqual(d.removed, [{ name: 'six', package: 'pkg:pypi/six', from: ['1.17.0'], to: [] }]);
  assert.deepEqual(d.changed, [{ name: 'requests', package: 'pkg:pypi/requests', from: ['2.32.5'], to: ['2.19.1'] }]);
  assert.equal(d.unchanged, 1);
});

test('diff: findings new and fixed, open vulnerabilities only (VEX-suppressed and notices left out)', () => {
  const base = openFindings([
    { vulnerability: 'CVE-1', class: 'vulnerability', severity: 'high', component: { purl: 'pkg:pypi/a@1', name: 'a' } },
    { vulnerability: 'CVE-2', class: 'vulnerability', severity: 'low', component: { name: 'b' } },
    { vulnerability: 'RUSTSEC-X', class: 'informational', severity: 'unknown', component: { name: 'c' } },
  ]);
  const current = openFindings([
    { vulnerability: 'CVE-2', class: 'vulnerability', severity: 'low', component: 'b' },
    { vulnerability: 'CVE-3', class: 'malicious', severity: 'critical', component: 'pkg:npm/evil@1' },
    { vulnerability: 'CVE-4', class: 'vulnerability', severity: 'high', component: 'pkg:npm/x@1', vex: { suppressed: true } },
  ]);
  const d = diffFindings(base, current);
  assert.deepEqual(d.new.map((f) => [f.vulnerability, f.component]), [['CVE-3', 'pkg:npm/evil@1']]);
  assert.deepEqual(d.fixed.map((f) => [f.vulnerability, f.component]), [['CVE-1', 'pkg:pypi/a@1']]);
  assert.equal(d.unchanged, 1);
});
