import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/shared.js';
import { writeFiles } from '../policy/helpers.js';

interface ScorecardJson {
  repo: { name: string };
  score: number;
  checks: { name: string; score: number; reason: string; details: string[]; documentation: { short: string; url: string }; findings: { file?: string; line?: number }[] }[];
}

interface RunJson {
  exitCode: number;
  stages: { stage: string; status: string; detail: string; summary?: unknown }[];
}

/** A CI workflow shaped like Hotpass's: tag-pinned actions, no top-level permissions, an issue title in a script. */
const WORKFLOW = `name: ci
on:
  push:
  issues:
    types: [opened]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: astral-sh/setup-uv@v6
      - run: uv sync --frozen && uv run pytest
      - run: echo "triaging \${{ github.event.issue.title }}"
`;

/** The example rule from the README: the gate denies when Dangerous-Workflow is below 10. */
const RULE = `package main

# METADATA
# title: No dangerous workflow patterns
# description: chainwarden scorecard's Dangerous-Workflow check scores 10 (no untrusted checkout, no script injection).
# custom:
#   severity: critical
#   remediation: Pass untrusted values through env variables instead of \${{ }} in run scripts; never check out the PR head in pull_request_target.
deny_dangerous_workflow contains result if {
	some check in input.scorecard.checks
	check.name == "Dangerous-Workflow"
	check.score >= 0
	check.score < 10
	result := {"msg": sprintf("Dangerous-Workflow scored %v/10: %v", [check.score, check.reason]), "target": "scorecard"}
}
`;

test('cli scorecard: table by default, JSON shaped like Scorecard\'s, --output, --skip, --fail-under, exit codes', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    writeFiles(project, { '.github/workflows/ci.yml': WORKFLOW });
    const table = runCli(['scorecard', project]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /^scorecard hotpass-like: aggregate score \d+\.\d \/ 10\n {2}SCORE {2}CHECK/);
    assert.match(table.stdout, /\n {2}0 {6}Dangerous-Workflow {6}Critical {2}1 dangerous workflow pattern\(s\) detected\n/);
    assert.match(table.stdout, /warn {2}\.github\/workflows\/ci\.yml:13 {2}script injection: untrusted github\.event\.issue\.title expanded into the run: script of job 'test'/);
    assert.match(table.stdout, /warn {2}\.github\/workflows\/ci\.yml:1 {2}no top-level permissions declared/);

    const json = runCli(['scorecard', project, '--json']);
    assert.equal(json.status, 0);
    const result = JSON.parse(json.stdout) as ScorecardJson;
    assert.equal(result.repo.name, 'hotpass-like');
    const dw = result.checks.find((c) => c.name === 'Dangerous-Workflow');
    assert.equal(dw?.score, 0);
    assert.deepEqual(dw?.details, ["Warn: script injection: untrusted github.event.issue.title expanded into the run: script of job 'test': .github/workflows/ci.yml:13"]);
    assert.match(dw?.documentation.url ?? '', /^https:\/\/github\.com\/ossf\/scorecard\/blob\/main\/docs\/checks\.md#dangerous-workflow$/);
    assert.equal(result.checks.find((c) => c.name === 'Token-Permissions')?.score, 0);
    assert.equal(result.checks.find((c) => c.name === 'Pinned-Dependencies')?.score, 0);

    const out = runCli(['scorecard', '.', '--format', 'json', '--output', 'dist/scorecard.json', '--skip', 'Packaging'], { cwd: project });
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.stdout, '');
    assert.match(out.stderr, /^scorecard: 9 check\(s\), aggregate [\d.]+ written to dist\/scorecard\.json\n$/);
    assert.ok(existsSync(join(project, 'dist/scorecard.json')));
    assert.equal((JSON.parse(readFileSync(join(project, 'dist/scorecard.json'), 'utf8')) as ScorecardJson).checks.length, 9);

    const low = runCli(['scorecard', project, '--fail-under', '9']);
    assert.equal(low.status, 1);
    assert.match(low.stderr, /aggregate score [\d.]+ is below --fail-under 9/);

    const badSkip = runCli(['scorecard', project, '--skip', 'Fuzzing']);
    assert.equal(badSkip.status, 2);
    assert.match(badSkip.stderr, /--skip: unknown check "Fuzzing" \(checks: Binary-Artifacts, Dangerous-Workflow/);
    const badFail = runCli(['scorecard', project, '--fail-under', 'eleven']);
    assert.equal(badFail.status, 2);
    const noDir = runCli(['scorecard', join(project, 'missing')], { cwd: project });
    assert.equal(noDir.status, 2);
    assert.match(noDir.stderr, /scorecard: .*missing: not a directory/);

    writeFiles(project, { 'chainwarden.yaml': 'scorecard:\n  skip:\n    - Fuzzing\n' });
    const badConfig = runCli(['scorecard', project]);
    assert.equal(badConfig.status, 2);
    assert.match(badConfig.stderr, /chainwarden\.yaml:3.*scorecard\.skip\[0\]: "Fuzzing" is not one of "Binary-Artifacts"/);
  } finally {
    cleanup();
  }
});

test('chainwarden run: the scorecard stage (when enabled) feeds input.scorecard; a rule "deny if Dangerous-Workflow < 10" closes the gate', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    writeFiles(project, { '.github/workflows/ci.yml': WORKFLOW, 'policy/scorecard.rego': RULE });
    // Not enabled: the stage is skipped and the rule has nothing to deny.
    const off = JSON.parse(runCli(['run', '.', '--json'], { cwd: project }).stdout) as RunJson;
    assert.deepEqual(off.stages.filter((s) => s.stage === 'scorecard').map((s) => [s.status, s.detail]), [['skipped', 'not enabled (scorecard.enabled: true in chainwarden.yaml)']]);
    assert.equal(off.exitCode, 0);

    writeFiles(project, { 'chainwarden.yaml': 'scorecard:\n  enabled: true\n  skip: [Signed-Releases]\n' });
    const closed = runCli(['run', '.'], { cwd: project });
    assert.equal(closed.status, 1, closed.stdout + closed.stderr);
    assert.match(closed.stdout, /warn\s+scorecard\s+aggregate [\d.]+\/10 over 9 check\(s\); 0\/10: Dangerous-Workflow, Dependency-Update-Tool, Token-Permissions/);
    assert.match(closed.stdout, /FAIL deny_dangerous_workflow: Dangerous-Workflow scored 0\/10: 1 dangerous workflow pattern\(s\) detected/);
    assert.match(closed.stdout, /failed\s+policy\s+gate closed: 17 rule\(s\), 1 failure\(s\)/);
    const json = JSON.parse(runCli(['run', '.', '--json'], { cwd: project }).stdout) as RunJson;
    const names = json.stages.map((s) => s.stage);
    assert.ok(names.indexOf('scorecard') < names.indexOf('policy'));

    // Fixed workflow (the title goes through env): the same rule lets the gate open.
    writeFiles(project, { '.github/workflows/ci.yml': WORKFLOW.replace('echo "triaging ${{ github.event.issue.title }}"', 'echo "triaging $TITLE"\n        env:\n          TITLE: ${{ github.event.issue.title }}') });
    const open = runCli(['run', '.'], { cwd: project });
    assert.equal(open.status, 0, open.stdout);
    assert.match(open.stdout, /gate open: 17 rule\(s\), 0 failure\(s\)/);

    // fail-under fails the stage itself (exit 1) and the policy stage is skipped.
    writeFiles(project, { 'chainwarden.yaml': 'scorecard:\n  enabled: true\n  fail-under: 9\n' });
    const under = JSON.parse(runCli(['run', '.', '--json'], { cwd: project }).stdout) as RunJson;
    assert.equal(under.exitCode, 1);
    assert.equal(under.stages.find((s) => s.stage === 'scorecard')?.status, 'failed');
    assert.equal(under.stages.find((s) => s.stage === 'policy')?.status, 'skipped');
  } finally {
    cleanup();
  }
});

test('policy eval --scorecard: our JSON or OpenSSF Scorecard\'s own JSON is input.scorecard; malformed input names file and place', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFiles(dir, {
      'policy/scorecard.rego': RULE,
      // The shape OpenSSF Scorecard prints with --format json (no risk field, details may be null).
      'ossf.json': JSON.stringify({ date: '2026-11-01T00:00:00Z', repo: { name: 'github.com/example/app', commit: 'abc' }, scorecard: { version: 'v5.2.1', commit: 'def' }, score: 6.1, checks: [{ details: null, score: 0, reason: 'dangerous workflow patterns detected', name: 'Dangerous-Workflow', documentation: { url: 'https://x', short: 's' } }, { details: null, score: 10, reason: 'ok', name: 'Token-Permissions', documentation: { url: 'https://x', short: 's' } }], metadata: null }),
      'bad.json': JSON.stringify({ checks: [{ name: 'Dangerous-Workflow', score: 'zero' }] }),
    });
    const closed = runCli(['policy', 'eval', '--scorecard', 'ossf.json'], { cwd: dir });
    assert.equal(closed.status, 1, closed.stdout + closed.stderr);
    assert.match(closed.stdout, /Dangerous-Workflow scored 0\/10: dangerous workflow patterns detected/);
    const bad = runCli(['policy', 'eval', '--scorecard', 'bad.json'], { cwd: dir });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /bad\.json \(at checks\[0\]\): a check needs a string "name" and a number "score"/);
    const none = runCli(['scorecard', dir, '--json'], { cwd: dir });
    writeFiles(dir, { 'ours.json': none.stdout });
    const ours = runCli(['policy', 'eval', '--scorecard', 'ours.json'], { cwd: dir });
    assert.equal(ours.status, 0, 'an empty directory has no workflows: Dangerous-Workflow is inconclusive (-1), not a failure');
  } finally {
    cleanup();
  }
});
