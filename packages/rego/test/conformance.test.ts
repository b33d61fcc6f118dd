import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPassing } from './conformance/passing.js';
import { runSuite, table } from './conformance/suite.js';

test('OPA v1 conformance: every case listed in opa-passing.txt still passes', () => {
  const committed = readPassing();
  assert.ok(committed.size > 0, 'opa-passing.txt is empty or missing');
  const r = runSuite();
  console.log(table(r));
  const regressions = [...committed].filter((id) => !r.passed.has(id));
  assert.deepEqual(regressions, []);
});
