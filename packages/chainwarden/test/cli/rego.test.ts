import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/shared.js';

const tmp = tempDir();
after(tmp.cleanup);

const POLICY = `package policy.sbom

allowed := {"MIT", "Apache-2.0"}

deny contains msg if {
	some c in input.components
	some l in c.licenses
	not l.license.id in allowed
	msg := sprintf("%s: licence %s is not allowed", [c.name, l.license.id])
}

allow if count(deny) == 0
`;

const TESTS = `package policy.sbom_test

import data.policy.sbom

test_mit_allowed if sbom.allow with input as {"components": [{"name": "a", "licenses": [{"license": {"id": "MIT"}}]}]}

test_gpl_denied if not sbom.allow with input as {"components": [{"name": "b", "licenses": [{"license": {"id": "GPL-3.0-only"}}]}]}

test_wrong if sbom.allow with input as {"components": [{"name": "c", "licenses": [{"license": {"id": "WTFPL"}}]}]}
`;

function project(): string {
  const dir = join(tmp.dir, `p${Math.random().toString(36).slice(2)}`);
  mkdirSync(join(dir, 'policy'), { recursive: true });
  writeFileSync(join(dir, 'policy/sbom.rego'), POLICY);
  writeFileSync(join(dir, 'policy/sbom_test.rego'), TESTS);
  writeFileSync(join(dir, 'sbom.json'), JSON.stringify({ components: [{ name: 'left-pad', licenses: [{ license: { id: 'WTFPL' } }] }] }));
  return dir;
}

test('rego eval prints results shaped like opa eval --format json', () => {
  const dir = project();
  const r = runCli(['rego', 'eval', '-d', 'policy', '-i', 'sbom.json', 'data.policy.sbom.deny'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), {
    result: [{ expressions: [{ value: ['left-pad: licence WTFPL is not allowed'], text: 'data.policy.sbom.deny', location: { row: 1, col: 1 } }] }],
  });
  const undef = runCli(['rego', 'eval', '-d', 'policy', '-i', 'sbom.json', '--fail', 'data.policy.sbom.allow'], { cwd: dir });
  assert.equal(undef.status, 1);
  assert.deepEqual(JSON.parse(undef.stdout), {});
});

test('rego eval reports parse errors with file:line:col and exit code 2', () => {
  const dir = project();
  writeFileSync(join(dir, 'policy/broken.rego'), 'package broken\n\np if {\n  input.x ==\n}\n');
  const r = runCli(['rego', 'eval', '-d', 'policy', 'data'], { cwd: dir });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /policy\/broken\.rego:5:1: rego_parse_error/);
});

test('rego test runs test_* rules and fails the run when one fails', () => {
  const dir = project();
  const r = runCli(['rego', 'test', 'policy'], { cwd: dir });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /data\.policy\.sbom_test\.test_wrong: FAIL/);
  assert.match(r.stdout, /PASS: 2\/3/);
  const json = runCli(['rego', 'test', 'policy', '--json', '--run', 'allowed|denied'], { cwd: dir });
  assert.equal(json.status, 0, json.stdout);
  const report = JSON.parse(json.stdout) as { passed: number; failed: number; results: { name: string }[] };
  assert.deepEqual([report.passed, report.failed], [2, 0]);
});
