import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv as AjvClass } from 'ajv';
import { runScorecard } from '../../src/hygiene/scorecard/run.js';
import { buildPolicyInput } from '../../src/policy/input/document.js';
import { scorecardPart } from '../../src/policy/input/read.js';
import { REPO_ROOT, shared, tempDir } from '../helpers/shared.js';

const require = createRequire(import.meta.url);

test('input.scorecard: a real scorecard run (on a Scorecard test workflow) fits the documented input schema', async () => {
  const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
  const validate = new Ajv({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'packages/chainwarden/schemas/policy-input.schema.json'), 'utf8')) as object);
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    const wf = 'github-workflow-dangerous-pattern-untrusted-checkout.yml';
    writeFileSync(join(dir, '.github/workflows', wf), readFileSync(shared('conformance', 'scorecard', 'checks', 'testdata', '.github', 'workflows', wf)));
    const result = await runScorecard({ dir, env: {} });
    const input = buildPolicyInput({ scorecard: scorecardPart(JSON.parse(JSON.stringify(result)), null) });
    assert.equal(validate(JSON.parse(JSON.stringify(input))), true, JSON.stringify(validate.errors));
    assert.equal(input.scorecard.ran, true);
    assert.deepEqual(input.scorecard.checks.find((c) => c.name === 'Dangerous-Workflow'), { name: 'Dangerous-Workflow', score: 0, reason: '1 dangerous workflow pattern(s) detected', risk: 'Critical' });
    const none = buildPolicyInput({});
    assert.deepEqual(none.scorecard, { ran: false, file: null, score: null, checks: [] });
    assert.equal(validate(JSON.parse(JSON.stringify(none))), true);
    const wrong = JSON.parse(JSON.stringify(input)) as { scorecard: { checks: { score: unknown }[] } };
    (wrong.scorecard.checks[0] as { score: unknown }).score = 'ten';
    assert.equal(validate(wrong), false);
  } finally {
    cleanup();
  }
});
