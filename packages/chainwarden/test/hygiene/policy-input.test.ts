import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Ajv as AjvClass } from 'ajv';
import { buildMatrix } from '../../src/hygiene/matrix/build.js';
import { checkMatrix } from '../../src/hygiene/matrix/check.js';
import { inventoryFromLockfiles } from '../../src/hygiene/matrix/inventory-lockfiles.js';
import { buildPolicyInput } from '../../src/policy/input/document.js';
import { readPolicyInputParts } from '../../src/policy/input/read.js';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT, corpus, tempDir } from '../helpers/shared.js';
import { SEMGREP_SARIF } from './semgrep-fixtures.js';

const require = createRequire(import.meta.url);

test('input.matrix and input.semgrep hold the documented schema (Hotpass\'s real lock with drift, imported SARIF)', async () => {
  const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'packages/chainwarden/schemas/policy-input.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
  const t = tempDir();
  try {
    const empty = buildPolicyInput({});
    assert.equal(validate(empty), true, JSON.stringify(validate.errors));
    assert.deepEqual([empty.matrix.built, empty.matrix.checked, empty.semgrep.imported], [false, false, false]);

    const hotpass = corpus('python-uv', 'hotpass');
    const matrix = await buildMatrix({ projectDir: hotpass, config: { owners: { default: '@hotpass/maintainers' }, matrix: { notes: { uv: 'build tool' } } } });
    writeFileSync(join(t.dir, 'matrix.md'), '| Name | Locked |\n| --- | --- |\n| uv | 0.9.5 |\n');
    const check = await checkMatrix(join(t.dir, 'matrix.md'), 'matrix.md', await inventoryFromLockfiles({ projectDir: hotpass }));
    writeFileSync(join(t.dir, 'matrix.json'), JSON.stringify({ ...matrix, check }));
    writeFileSync(join(t.dir, 'semgrep.sarif'), JSON.stringify(SEMGREP_SARIF));
    assert.equal(runCli(['hygiene', 'semgrep', 'semgrep.sarif'], { cwd: t.dir }).status, 0);
    const input = buildPolicyInput(await readPolicyInputParts(t.dir, { matrix: 'matrix.json', semgrep: 'dist/hygiene/semgrep.json' }));
    assert.equal(validate(JSON.parse(JSON.stringify(input))), true, JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(input.matrix.rows.length, 56);
    assert.equal(input.matrix.rows.every((r) => r.owner === '@hotpass/maintainers' && r.owner_source === 'default'), true);
    assert.deepEqual(input.matrix.drift.find((d) => d.package === 'uv'), { kind: 'version-mismatch', package: 'uv', file: 'matrix.md', line: 3, documented: '0.9.5', locked: ['0.9.7'], message: 'uv: the matrix says 0.9.5, the lockfiles pin 0.9.7' });
    assert.equal(input.semgrep.findings.filter((f) => f.supply_chain).length, 1);

    // A file that is not what the flag says is an input error naming it.
    await assert.rejects(readPolicyInputParts(t.dir, { matrix: 'semgrep.sarif' }), /semgrep\.sarif: not a dependency matrix/);
    await assert.rejects(readPolicyInputParts(t.dir, { semgrep: 'semgrep.sarif' }), /semgrep\.sarif: not imported Semgrep results/);
    // And policy eval takes them as flags.
    mkdirSync(join(t.dir, 'policy'));
    writeFileSync(join(t.dir, 'policy/hygiene.rego'), 'package main\n\ndeny_matrix_drift contains d.message if {\n\tsome d in input.matrix.drift\n}\n');
    const evalRun = runCli(['policy', 'eval', '--matrix', 'matrix.json', '--semgrep', 'dist/hygiene/semgrep.json'], { cwd: t.dir });
    assert.equal(evalRun.status, 1, evalRun.stderr);
    assert.match(evalRun.stdout, /uv: the matrix says 0\.9\.5, the lockfiles pin 0\.9\.7/);
  } finally {
    t.cleanup();
  }
});
