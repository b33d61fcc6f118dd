import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { copyExample, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/shared.js';
import { SEMGREP_JSON } from './semgrep-fixtures.js';

interface RunJson {
  exitCode: number;
  stages: { stage: string; status: string; detail: string; summary?: unknown }[];
}

// The README's example rules (policy/hygiene.rego).
const HYGIENE_REGO = `package main

# METADATA
# title: The hand-written dependency matrix matches the lockfiles
# custom:
#   severity: medium
#   remediation: Update docs/dependency-matrix.md (or generate it with chainwarden matrix).
deny_matrix_drift contains result if {
	some d in input.matrix.drift
	result := {"msg": sprintf("%s:%v: %s", [d.file, d.line, d.message]), "target": d.package}
}

# METADATA
# title: No supply-chain Semgrep finding of severity error
# custom:
#   severity: high
deny_semgrep_supply_chain contains result if {
	some f in input.semgrep.findings
	f.supply_chain
	f.severity == "error"
	result := {"msg": sprintf("%s:%d: %s (%s)", [f.file, f.line, f.message, f.rule]), "target": f.rule}
}

warn_no_update_tool contains result if {
	input.matrix.built
	some row in input.matrix.rows
	row.update_status == "none"
	result := {"msg": sprintf("%s (%s) is not covered by Renovate or Dependabot", [row.name, row.manifest]), "target": row.name}
}
`;

test('run: the matrix stage checks the hand-written matrix and a Rego rule on input.matrix.drift closes the gate', () => {
  const t = tempDir();
  try {
    const project = copyExample(t.dir);
    writeFileSync(join(project, 'policy/hygiene.rego'), HYGIENE_REGO);
    writeFileSync(join(project, 'dependency-matrix.md'), '| Package | Version | Owner |\n| --- | --- | --- |\n| pandas | 2.3.3 | @data |\n| rich | 14.1.0 | @cli |\n');
    writeFileSync(join(project, 'chainwarden.yaml'), 'matrix:\n  enabled: true\n  check: dependency-matrix.md\n');
    const run = runCli(['run', project, '--json']);
    const result = JSON.parse(run.stdout) as RunJson;
    const matrix = result.stages.find((s) => s.stage === 'matrix');
    assert.equal(matrix?.status, 'warn');
    assert.match(matrix?.detail ?? '', /^dist\/hygiene\/dependency-matrix\.md: 22 direct dependencies, 0 owned, 0 covered by an update tool; 20 drifts in dependency-matrix\.md$/);
    assert.equal(result.exitCode, 1, run.stderr);
    const policy = result.stages.find((s) => s.stage === 'policy') as { summary: { open: boolean; results: { rule: string; kind: string; messages?: { msg: string }[] }[] } } | undefined;
    assert.equal(policy?.summary.open, false);
    const text = JSON.stringify(policy?.summary);
    assert.match(text, /dependency-matrix\.md:4: rich: the matrix says 14\.1\.0, the lockfiles pin 14\.2\.0/);
    assert.match(text, /is not covered by Renovate or Dependabot/);
    assert.match(readFileSync(join(project, 'dist/hygiene/dependency-matrix.md'), 'utf8'), /^# Dependency matrix: hotpass-like/);

    // The human report lists the drift with file:line.
    const human = runCli(['run', project]);
    assert.equal(human.status, 1);
    assert.match(human.stdout, /check dependency-matrix\.md: 20 drift\(s\)\n\s+dependency-matrix\.md:4: rich: the matrix says 14\.1\.0/);

    // Fixed matrix: the drift rule no longer denies (the missing rows are drift too, so list them all).
    writeFileSync(join(project, 'dependency-matrix.md'), readFileSync(join(project, 'dist/hygiene/dependency-matrix.md'), 'utf8'));
    const fixed = JSON.parse(runCli(['run', project, '--json']).stdout) as RunJson;
    assert.equal(fixed.stages.find((s) => s.stage === 'matrix')?.status, 'ok');
    assert.doesNotMatch(JSON.stringify(fixed.stages.find((s) => s.stage === 'policy')?.summary), /the matrix says/);
  } finally {
    t.cleanup();
  }
});

test('run: semgrep.results is imported by the semgrep stage and a supply-chain error closes the gate', () => {
  const t = tempDir();
  try {
    const project = copyExample(t.dir);
    writeFileSync(join(project, 'policy/hygiene.rego'), HYGIENE_REGO);
    writeFileSync(join(project, 'semgrep.json'), JSON.stringify(SEMGREP_JSON));
    writeFileSync(join(project, 'chainwarden.yaml'), 'semgrep:\n  results: semgrep.json\n');
    const result = JSON.parse(runCli(['run', project, '--json']).stdout) as RunJson;
    const semgrep = result.stages.find((s) => s.stage === 'semgrep');
    assert.deepEqual([semgrep?.status, semgrep?.detail], ['warn', '3 finding(s) from semgrep.json: 2 error, 1 warning, 0 info; 2 supply-chain']);
    assert.equal(result.exitCode, 1);
    assert.match(JSON.stringify(result.stages.find((s) => s.stage === 'policy')?.summary), /uv\.lock:812: Affected versions of requests are vulnerable to credential leakage\. \(ssc-8b7a0d5e/);
    // Without the matrix stage the matrix slot says so; the warn rule stays silent.
    assert.equal(result.stages.find((s) => s.stage === 'matrix')?.status, 'skipped');

    // Broken results: the stage fails with exit 2 naming the file.
    writeFileSync(join(project, 'semgrep.json'), '{"results": [{"check_id": 1}]}');
    const bad = runCli(['run', project]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /chainwarden: semgrep: semgrep\.json \(at results\[0\]\.check_id\): check_id: expected a string/);
  } finally {
    t.cleanup();
  }
});
