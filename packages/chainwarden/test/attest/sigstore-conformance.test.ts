import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, shared } from '../helpers/shared.js';
import { runConformanceCase } from './conformance-case.js';

/**
 * sigstore-conformance's 70 bundle-verify cases (`_fail` = must be rejected). The expectations file records each
 * case's verdict and, for rejections, the check (or error code) that rejected it, so a regression in either fails.
 * Refresh it with UPDATE_EXPECTATIONS=1 after a deliberate change.
 */
const EXPECTATIONS = join(REPO_ROOT, 'packages/chainwarden/test/attest/sigstore-conformance.expected.json');

test('sigstore-conformance bundle-verify: every case gives the expected verdict', async () => {
  const root = shared('conformance', 'sigstore-conformance', 'bundle-verify');
  const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'bundle.sigstore.json'))).map((d) => d.name).sort();
  assert.equal(cases.length, 70, 'the suite has 70 cases');
  const outcomes: Record<string, string> = {};
  let correct = 0;
  const wrong: string[] = [];
  for (const name of cases) {
    const outcome = await runConformanceCase(join(root, name));
    outcomes[name] = outcome.verdict;
    const ok = name.endsWith('_fail') ? outcome.verdict.startsWith('invalid') : outcome.verdict === 'valid';
    if (ok) correct++;
    else wrong.push(`${name}: ${outcome.verdict} ${outcome.detail}`);
  }
  console.log(`sigstore-conformance bundle-verify: ${correct}/${cases.length} expected verdicts (${((100 * correct) / cases.length).toFixed(1)}%)`);
  if (process.env['UPDATE_EXPECTATIONS'] === '1') writeFileSync(EXPECTATIONS, `${JSON.stringify(outcomes, null, 2)}\n`);
  const expected = JSON.parse(readFileSync(EXPECTATIONS, 'utf8')) as Record<string, string>;
  assert.deepEqual(outcomes, expected, 'a verdict or the reason for a rejection changed');
  assert.deepEqual(wrong, [], 'cases with the wrong verdict');
});
