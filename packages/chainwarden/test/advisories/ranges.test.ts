import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseOsvRecord, parseOsvText } from '../../src/advisories/osv-parse.js';
import { affectedBy, fixedVersions } from '../../src/advisories/ranges.js';
import { schemeFor } from '../../src/advisories/versions/index.js';
import { shared } from '../helpers/shared.js';

test('SEMVER ranges with several introduced/fixed pairs (real Go record GO-2024-3228)', async () => {
  const r = await parseOsvText(readFileSync(shared('advisories', 'go', 'data', 'osv', 'GO-2024-3228.json'), 'utf8'), 'GO-2024-3228.json');
  const coder = r.affected[1];
  assert.ok(coder !== undefined);
  const go = schemeFor('Go');
  const hit = (v: string): unknown => affectedBy(v, coder, go).match;
  assert.deepEqual(hit('2.14.0'), { by: 'range', type: 'SEMVER', introduced: '2.3.1', fixed: '2.14.4' });
  assert.equal(hit('2.14.4'), undefined);
  assert.equal(hit('2.3.0'), undefined);
  assert.deepEqual(hit('v2.15.2'), { by: 'range', type: 'SEMVER', introduced: '2.15.0', fixed: '2.15.3' });
  assert.equal(hit('2.16.1'), undefined);
  assert.deepEqual(fixedVersions(coder), ['2.14.4', '2.15.3', '2.16.1']);
});

test('last_affected is inclusive (real PyPA record for py); unsorted events are sorted; limit bounds the range', async () => {
  const r = await parseOsvText(readFileSync(shared('advisories', 'pypa', 'vulns', 'py', 'PYSEC-2022-42969.yaml'), 'utf8'), 'x.yaml');
  const listed = r.affected[0];
  assert.ok(listed !== undefined);
  assert.deepEqual(affectedBy('1.11.0', listed, schemeFor('PyPI')).match, { by: 'version', entry: '1.11.0' });
  const py = { ...listed, versions: [] }; // the range alone

  const pypi = schemeFor('PyPI');
  assert.deepEqual(affectedBy('1.11.0', py, pypi).match, { by: 'range', type: 'ECOSYSTEM', introduced: '0', lastAffected: '1.11.0' });
  assert.equal(affectedBy('1.11.1', py, pypi).match, undefined);

  const rec = parseOsvRecord(
    {
      id: 'T-1',
      modified: '2024-01-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'x' },
          ranges: [
            { type: 'GIT', repo: 'https://example.invalid/x', events: [{ introduced: 'abc' }] },
            { type: 'SEMVER', events: [{ fixed: '1.5.0' }, { introduced: '2.0.0' }, { introduced: '1.0.0' }, { limit: '3.0.0' }] },
          ],
        },
      ],
    },
    't.json',
  );
  const a = rec.affected[0];
  assert.ok(a !== undefined);
  const npm = schemeFor('npm');
  assert.equal(affectedBy('1.4.9', a, npm).match?.by, 'range');
  assert.equal(affectedBy('1.5.0', a, npm).match, undefined);
  assert.deepEqual(affectedBy('2.1.0', a, npm).match, { by: 'range', type: 'SEMVER', introduced: '2.0.0', limit: '3.0.0' });
  assert.equal(affectedBy('3.0.0', a, npm).match, undefined, 'limit excludes 3.0.0 and above');
});

test('versions[] entries match by parsed comparison (0.8.4-2 is 0.8.4.post2), or by exact string without a scheme', () => {
  const rec = parseOsvRecord({ id: 'T-2', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'PyPI', name: 'x' }, versions: ['0.8.4-2'], ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '5.0' }] }] }] }, 't.json');
  const a = rec.affected[0];
  assert.ok(a !== undefined);
  assert.deepEqual(affectedBy('0.8.4.post2', a, schemeFor('PyPI')).match, { by: 'version', entry: '0.8.4-2' });
  assert.equal(affectedBy('0.8.4.post2', a, undefined).match, undefined);
  assert.equal(affectedBy('0.8.4.post2', a, undefined).rangesUnevaluated, 1);
  assert.deepEqual(affectedBy('0.8.4-2', a, undefined).match, { by: 'version', entry: '0.8.4-2' });
});
