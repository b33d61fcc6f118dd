import assert from 'node:assert/strict';
import { test } from 'node:test';
import { schemeFor } from '../../src/advisories/versions/index.js';
import { legacyKey } from '../../src/advisories/versions/pypi.js';

test('Go pseudo-versions order before the release they precede and after the previous one', () => {
  const go = schemeFor('Go');
  assert.ok(go !== undefined);
  assert.ok(go.compare('v0.0.0-20210101000000-abcdef123456', '0.0.1') < 0);
  assert.ok(go.compare('1.2.4-0.20210101000000-abcdef123456', '1.2.3') > 0);
  assert.ok(go.compare('1.2.4-0.20210101000000-abcdef123456', '1.2.4') < 0);
  assert.ok(go.compare('v0.0.0-20210101000000-abcdef123456', 'v0.0.0-20220101000000-abcdef123456') < 0);
  assert.equal(go.compare('2.0.0+incompatible', 'v2.0.0'), 0);
});

test('PyPI legacy versions sort before every PEP 440 version, and among themselves by the legacy key', () => {
  const pypi = schemeFor('PyPI');
  assert.ok(pypi !== undefined);
  assert.equal(pypi.valid('0.1-bulbasaur'), false);
  assert.ok(pypi.compare('2013-02-01-foo', '0.0.1') < 0);
  assert.ok(pypi.compare('0.9-doduo', '0.9-eevee') < 0);
  assert.deepEqual(legacyKey('1.0-dev'), ['00000001', '*@', '*final']);
});

test('ecosystem suffixes (Debian:12) use the base ecosystem; unknown ecosystems have no scheme', () => {
  assert.equal(schemeFor('Debian:12')?.name, 'debian');
  assert.equal(schemeFor('Hex'), undefined);
  assert.equal(schemeFor('constructor'), undefined);
});
