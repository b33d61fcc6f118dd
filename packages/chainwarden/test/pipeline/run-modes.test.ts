import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, runCli } from '../helpers/cli.js';
import { shared, tempDir } from '../helpers/shared.js';

interface Stage {
  stage: string;
  status: string;
  detail: string;
  durationMs: number;
  files?: string[];
  summary?: unknown;
}
interface RunJson {
  project: string;
  mode: string;
  modeSource: string;
  exitCode: number;
  policy: { gate: string; failures: { rule: string }[] };
  findings: { open: number } | null;
  stages: Stage[];
  reports: { markdown: string; json: string; jobSummary: boolean };
}

const REGISTRY = 'data/registry/chainwarden.sqlite';
const stage = (r: RunJson, name: string): Stage | undefined => r.stages.find((s) => s.stage === name);
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

test('run --mode pr (from GITHUB_EVENT_NAME): no registry, no OIDC token, the diff in the job summary; release registers; the next PR diffs against it', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    const summaryFile = join(dir, 'step-summary.md');
    writeFileSync(summaryFile, '# earlier step\n');
    const prEnv = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_STEP_SUMMARY: summaryFile };

    // A PR before any release: nothing to compare, nothing written to data/.
    const first = runCli(['run', project, '--json'], { env: prEnv });
    assert.equal(first.status, 0, first.stderr);
    const pr = JSON.parse(first.stdout) as RunJson;
    assert.deepEqual([pr.mode, pr.modeSource], ['pr', 'GITHUB_EVENT_NAME=pull_request']);
    assert.deepEqual([stage(pr, 'registry')?.status, stage(pr, 'registry')?.detail], ['skipped', 'pull-request run: evidence stays out of the registry (release runs write it)']);
    assert.deepEqual([stage(pr, 'diff')?.status, stage(pr, 'diff')?.detail], ['ok', `nothing to compare: no registry yet (${REGISTRY})`]);
    assert.equal(stage(pr, 'sign')?.status, 'ok', 'an unsigned PR run is expected, not a warning');
    assert.match(stage(pr, 'sign')?.detail ?? '', /^interim, unsigned \(pull-request run, no key or OIDC token\)/);
    assert.equal(existsSync(join(project, 'data')), false, 'a PR run writes nothing under data/');
    assert.equal(pr.reports.jobSummary, true);
    const summary = readFileSync(summaryFile, 'utf8');
    assert.ok(summary.startsWith('# earlier step\n# Supply-chain report: hotpass-like 0.3.0\n'), 'appended after what earlier steps wrote');
    assert.match(summary, /\| mode \| pr \(GITHUB_EVENT_NAME=pull_request\) \|/);
    assert.match(summary, /## Changes against the latest release\n\nNothing to compare: no registry yet/);

    // The release (outside CI: release by default) registers the SBOM.
    const release = JSON.parse(runCli(['run', project, '--json']).stdout) as RunJson;
    assert.deepEqual([release.mode, release.modeSource], ['release', 'default (not in CI)']);
    assert.match(stage(release, 'registry')?.detail ?? '', /^hotpass-like@0\.3\.0 ingested/);
    assert.equal(stage(release, 'diff')?.status, 'skipped');

    // The PR bumps requests down to a vulnerable version; advisories are imported (into the registry).
    const imported = runCli(['advisories', 'import', shared('advisories', 'pypa', 'vulns', 'requests')], { cwd: project });
    assert.equal(imported.status, 0, imported.stderr);
    const registered = sha(join(project, REGISTRY));
    const lock = join(project, 'uv.lock');
    writeFileSync(lock, readFileSync(lock, 'utf8').replace('name = "requests"\nversion = "2.32.5"', 'name = "requests"\nversion = "2.19.1"'));
    rmSync(summaryFile);
    const second = runCli(['run', project, '--json'], { env: prEnv });
    assert.equal(second.status, 0, second.stderr);
    const diffed = JSON.parse(second.stdout) as RunJson;
    const diff = stage(diffed, 'diff');
    assert.equal(diff?.detail, 'against hotpass-like@0.3.0: 0 added, 0 removed, 1 changed component(s); 2 new, 0 fixed finding(s)');
    assert.equal(diff?.status, 'warn');
    const d = diff?.summary as { components: { changed: { name: string; from: string[]; to: string[] }[] }; findings: { new: { vulnerability: string; component: string }[] } };
    assert.deepEqual(d.components.changed, [{ name: 'requests', package: 'pkg:pypi/requests', from: ['2.32.5'], to: ['2.19.1'] }]);
    assert.deepEqual(d.findings.new.map((f) => [f.vulnerability, f.component]), [['CVE-2018-18074', 'pkg:pypi/requests@2.19.1'], ['CVE-2023-32681', 'pkg:pypi/requests@2.19.1']]);
    assert.equal(sha(join(project, REGISTRY)), registered, 'the PR run left the registry as it was');
    const versions = JSON.parse(runCli(['registry', 'versions', 'hotpass-like', '--json', '--project-dir', project]).stdout) as unknown[];
    assert.equal(versions.length, 1);
    const jobSummary = readFileSync(summaryFile, 'utf8');
    assert.match(jobSummary, /Components: 0 added, 0 removed, 1 changed version, 155 unchanged\./);
    assert.match(jobSummary, /\| changed \| requests \| pkg:pypi\/requests \| 2\.32\.5 \| 2\.19\.1 \|/);
    assert.match(jobSummary, /Findings: 2 new, 0 fixed, 0 unchanged\./);
    assert.match(jobSummary, /\| new \| CVE-2018-18074 \| unknown \| pkg:pypi\/requests@2\.19\.1 \|/);
    const human = runCli(['run', project], { env: { GITHUB_EVENT_NAME: 'pull_request' } });
    assert.match(human.stdout, /^chainwarden run hotpass-like 0\.3\.0 \(pr run: GITHUB_EVENT_NAME=pull_request\)/);
    assert.match(human.stdout, /Changes against the latest release hotpass-like@0\.3\.0\n {2}~ +requests +2\.32\.5 -> 2\.19\.1\n {2}new +CVE-2018-18074/);
  } finally {
    cleanup();
  }
});

test('run: a PR needs no OIDC token even with sign.keyless; a release without one closes the gate on missing signatures', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    writeFileSync(join(project, 'chainwarden.yaml'), 'sign:\n  keyless: true\n');
    const pr = runCli(['run', project, '--json', '--mode', 'pr']);
    assert.equal(pr.status, 0, pr.stdout);
    const prJson = JSON.parse(pr.stdout) as RunJson;
    assert.equal(prJson.policy.gate, 'open');
    const release = runCli(['run', project, '--json', '--mode', 'release']);
    assert.equal(release.status, 1);
    const relJson = JSON.parse(release.stdout) as RunJson;
    assert.equal(relJson.policy.gate, 'closed');
    assert.ok(relJson.policy.failures.some((f) => f.rule === 'deny_unsigned'), JSON.stringify(relJson.policy.failures));
    assert.equal(stage(relJson, 'registry')?.detail, 'an earlier stage failed');
    const bad = runCli(['run', project, '--mode', 'nightly']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /nightly/);
    const gitlab = JSON.parse(runCli(['run', project, '--json'], { env: { CI_PIPELINE_SOURCE: 'merge_request_event' } }).stdout) as RunJson;
    assert.deepEqual([gitlab.mode, gitlab.modeSource], ['pr', 'CI_PIPELINE_SOURCE=merge_request_event']);
  } finally {
    cleanup();
  }
});
