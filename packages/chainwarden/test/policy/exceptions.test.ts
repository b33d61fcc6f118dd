import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exceptionsFor, isExpired, parseExceptions } from '../../src/policy/exceptions.js';

const F = 'policy/exceptions.yaml';
const entry = (extra = ''): string => `exceptions:\n  - rule: license_not_allowed\n    target: "pkg:npm/caniuse-lite@*"\n    reason: CC-BY-4.0 data, approved by Legal\n    owner: legal@example.com\n    expires: 2026-12-31\n${extra}`;

test('exceptions.yaml: a valid entry, its line, its expiry (inclusive last day), target globs and rule prefixes', async () => {
  const [e] = await parseExceptions(entry(), F);
  assert.ok(e);
  assert.deepEqual({ ...e }, { rule: 'license_not_allowed', target: 'pkg:npm/caniuse-lite@*', reason: 'CC-BY-4.0 data, approved by Legal', owner: 'legal@example.com', expires: '2026-12-31', line: 2 });
  assert.equal(isExpired(e, new Date('2026-12-31T23:59:59Z')), false);
  assert.equal(isExpired(e, new Date('2027-01-01T00:00:00Z')), true);
  assert.equal(exceptionsFor([e], 'license_not_allowed', 'pkg:npm/caniuse-lite@1.0.30001752').length, 1);
  assert.equal(exceptionsFor([{ ...e, rule: 'deny_license_not_allowed' }], 'license_not_allowed', 'pkg:npm/caniuse-lite@1').length, 1);
  assert.equal(exceptionsFor([e], 'license_not_allowed', 'pkg:npm/other@1').length, 0);
  assert.equal(exceptionsFor([e], 'license_not_allowed', null).length, 0);
  assert.deepEqual(await parseExceptions('exceptions: []\n', F), []);
  assert.deepEqual(await parseExceptions('# nothing yet\n', F), []);
});

test('exceptions.yaml is validated strictly: unknown keys, missing fields, bad dates, bad YAML -> file:line', async () => {
  await assert.rejects(parseExceptions(entry('    ticket: SEC-1\n'), F), /^Error: policy\/exceptions\.yaml:7 \(at exceptions\[0\]\): unknown key "ticket" \(allowed: rule, target, reason, owner, expires\)|policy\/exceptions\.yaml:7 \(at exceptions\[0\]\): unknown key "ticket"/);
  await assert.rejects(parseExceptions(entry().replace('    owner: legal@example.com\n', ''), F), /policy\/exceptions\.yaml:2 \(at exceptions\[0\]\): missing "owner"/);
  await assert.rejects(parseExceptions(entry().replace('2026-12-31', '2026-02-30'), F), /policy\/exceptions\.yaml:6 \(at exceptions\[0\]\.expires\): "expires" must be a date YYYY-MM-DD, got "2026-02-30"/);
  await assert.rejects(parseExceptions(entry().replace('2026-12-31', 'next year'), F), /"expires" must be a date YYYY-MM-DD, got "next year"/);
  await assert.rejects(parseExceptions('waivers: []\n', F), /policy\/exceptions\.yaml:1: unknown key "waivers"/);
  await assert.rejects(parseExceptions('exceptions:\n  - rule: [a\n', F), /policy\/exceptions\.yaml:\d+:\d+: invalid YAML/);
  await assert.rejects(parseExceptions('exceptions:\n  - rule: ""\n', F), /"rule" must be a non-empty string/);
});
