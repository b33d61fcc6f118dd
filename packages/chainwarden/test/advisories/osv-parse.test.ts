import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { AdvisoryError } from '../../src/advisories/errors.js';
import { parseOsvRecord, parseOsvText } from '../../src/advisories/osv-parse.js';
import { shared } from '../helpers/shared.js';

const read = (...p: string[]): string => readFileSync(shared('advisories', ...p), 'utf8');

test('a real PyPA YAML record parses: id, alias, ECOSYSTEM range, explicit versions, CVSS', async () => {
  const r = await parseOsvText(read('pypa', 'vulns', 'apache-skywalking', 'PYSEC-2020-342.yaml'), 'PYSEC-2020-342.yaml');
  assert.equal(r.id, 'PYSEC-2020-342');
  assert.equal(r.kind, 'vulnerability');
  assert.deepEqual(r.aliases, ['CVE-2020-13921']);
  assert.equal(r.affected[0]?.ecosystem, 'PyPI');
  assert.equal(r.affected[0]?.versions.length, 10);
  assert.deepEqual(r.affected[0]?.ranges[0], { type: 'ECOSYSTEM', events: [{ introduced: '0' }] });
  assert.equal(r.severity[0]?.type, 'CVSS_V3');
  assert.equal(r.withdrawn, undefined);
});

test('a real Go vulndb JSON record parses with several introduced/fixed pairs; withdrawn and informational are read', async () => {
  const go = await parseOsvText(read('go', 'data', 'osv', 'GO-2024-3228.json'), 'GO-2024-3228.json');
  assert.equal(go.affected[1]?.name, 'github.com/coder/coder/v2');
  assert.equal(go.affected[1]?.ranges[0]?.events.length, 6);
  const withdrawn = await parseOsvText(read('pypa', 'vulns', 'aiohttp', 'PYSEC-2022-43059.yaml'), 'x.yaml');
  assert.equal(withdrawn.withdrawn, '2023-11-08T00:54:24Z');
  const rust = await parseOsvText(read('rustsec', 'crates', 'RUSTSEC-2016-0004.json'), 'x.json');
  assert.equal(rust.affected[0]?.informational, 'unmaintained');
});

test('MAL- records are their own kind', () => {
  const r = parseOsvRecord({ id: 'MAL-2024-1', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'evil' }, versions: ['1.0.0'] }] }, 'mal.json');
  assert.equal(r.kind, 'malicious');
});

test('malformed records are rejected with the file and the place', async () => {
  const cases: [unknown, RegExp][] = [
    [{ modified: '2024-01-01T00:00:00Z' }, /^bad\.json \(at id\): expected a non-empty string, got nothing$/],
    [{ id: 'X-1', modified: 'yesterday' }, /\(at modified\): expected an RFC 3339 timestamp/],
    [{ id: 'X-1', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'PyPI', name: 'a' }, ranges: [{ type: 'SEMVER', events: [{ fixed: '1' }] }] }] }, /\(at affected\[0\]\.ranges\[0\]\.events\): a range needs an "introduced" event/],
    [{ id: 'X-1', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'PyPI', name: 'a' }, ranges: [{ type: 'SVN', events: [{ introduced: '0' }] }] }] }, /unknown range type "SVN"/],
    [{ id: 'X-1', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'PyPI', name: 'a' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0', fixed: '2' }] }] }] }, /events\[0\]\): an event has exactly one of/],
    [[], /an OSV record must be an object/],
  ];
  for (const [value, pattern] of cases) {
    assert.throws(() => parseOsvRecord(value, 'bad.json'), (e: unknown) => e instanceof AdvisoryError && e.code === 'ADVISORY_INVALID' && pattern.test(e.message));
  }
  await assert.rejects(parseOsvText('id: [unclosed\n', 'broken.yaml'), (e: unknown) => e instanceof AdvisoryError && /^broken\.yaml:\d+:\d+: invalid YAML/.test(e.message));
  await assert.rejects(parseOsvText('{"id": ', 'broken.json'), (e: unknown) => e instanceof AdvisoryError && /^broken\.json:1:\d+: invalid JSON/.test(e.message));
});
