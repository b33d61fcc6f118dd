import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, runCli } from '../helpers/cli.js';
import { shared, tempDir } from '../helpers/shared.js';
import { writeFiles } from '../policy/helpers.js';

interface RunJson {
  exitCode: number;
  stages: { stage: string; status: string; detail: string }[];
}

test('policy init + policy test: the starter library and its own unit tests pass; init never overwrites', () => {
  const { dir, cleanup } = tempDir();
  try {
    const init = runCli(['policy', 'init'], { cwd: dir });
    assert.equal(init.status, 0, init.stderr);
    for (const f of ['components.rego', 'licenses.rego', 'vulnerabilities.rego', 'provenance.rego', 'signatures.rego', 'sources.rego', 'sbom.rego', 'data.yaml', 'exceptions.yaml', 'policy_test.rego']) assert.ok(existsSync(join(dir, 'policy', f)), f);
    assert.match(readFileSync(join(dir, 'policy', 'licenses.rego'), 'utf8'), /# METADATA\n# title: Licences are on the allow-list\n# description: .+\n# custom:\n# {3}severity: high\n# {3}remediation: /);
    const again = runCli(['policy', 'init'], { cwd: dir });
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already has .*nothing written \(use --force/);
    const t = runCli(['policy', 'test', '--json'], { cwd: dir });
    assert.equal(t.status, 0, t.stdout + t.stderr);
    const report = JSON.parse(t.stdout) as { passed: number; failed: number; errors: number };
    assert.deepEqual([report.passed > 5, report.failed, report.errors], [true, 0, 0]);
    writeFiles(dir, { 'policy/broken_test.rego': 'package main_test\n\ntest_fails if {\n\tfalse\n}\n' });
    assert.equal(runCli(['policy', 'test'], { cwd: dir }).status, 1);
  } finally {
    cleanup();
  }
});

test("Hotpass's documented query: policy eval <sbom> --query data.hotpass.allow (true = open, exit 0; false = closed, exit 1)", () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    assert.equal(runCli(['sbom', '.'], { cwd: project }).status, 0);
    const open = runCli(['policy', 'eval', 'dist/sbom/hotpass-like-sbom.json', '--query', 'data.hotpass.allow'], { cwd: project });
    assert.equal(open.status, 0, open.stderr);
    assert.equal(open.stdout, 'dist/sbom/hotpass-like-sbom.json: data.hotpass.allow = true -> gate open\n');
    writeFiles(project, { 'bad.json': JSON.stringify({ bomFormat: 'CycloneDX', metadata: { component: { name: 'x' } }, components: [{ name: 'a' }] }) });
    const closed = runCli(['policy', 'eval', 'bad.json', '--query', 'data.hotpass.allow', '--json'], { cwd: project });
    assert.equal(closed.status, 1);
    const [result] = (JSON.parse(closed.stdout) as { results: { input: string; value: unknown; open: boolean }[] }).results;
    assert.deepEqual([result?.input, result?.open], ['bad.json', false]);
    // OPA reports `false` here; @chainwarden/rego currently leaves a false-valued query undefined (reported). Both close the gate.
    assert.ok(result?.value === false || result?.value === null);
    const undef = runCli(['policy', 'eval', 'bad.json', '--query', 'data.hotpass.nothing'], { cwd: project });
    assert.equal(undef.status, 1);
    assert.match(undef.stdout, /= undefined -> gate closed/);
  } finally {
    cleanup();
  }
});

test('policy eval: text, --format sarif|junit --output <path>, exit 1 when closed, 2 on bad policy/input/missing dir', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    assert.equal(runCli(['run', '.'], { cwd: project }).status, 0);
    const args = ['policy', 'eval', '--sbom', 'dist/sbom/hotpass-like-sbom.json', '--provenance', 'dist/provenance/provenance.json', '--checksums', 'dist/checksums.txt'];
    const text = runCli(args, { cwd: project });
    assert.equal(text.status, 0, text.stdout + text.stderr);
    assert.match(text.stdout, /WARN\s+medium\s+main\.warn_unknown_license\s+pkg:pypi\/anyio@4\.11\.0 has no licence information/);
    assert.match(text.stdout, /gate open: 16 rule\(s\), 0 failure\(s\), 28 warning\(s\), 0 excepted\n$/);
    const warnFail = runCli([...args, '--fail-on-warn', '--format', 'sarif', '--output', 'reports/policy.sarif'], { cwd: project });
    assert.equal(warnFail.status, 1);
    assert.equal(warnFail.stdout, '');
    assert.match(warnFail.stderr, /gate closed: 0 failure\(s\), 28 warning\(s\) -> reports\/policy\.sarif/);
    assert.equal((JSON.parse(readFileSync(join(project, 'reports/policy.sarif'), 'utf8')) as { version: string }).version, '2.1.0');
    const junit = runCli([...args, '--format', 'junit'], { cwd: project });
    assert.equal(junit.status, 0);
    assert.match(junit.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="chainwarden policy" tests="16" failures="0" errors="0">/);

    writeFiles(project, { 'policy/zz.rego': 'package main\n\ndeny contains "x" if {\n\tinput.a ==\n}\n' });
    const syntax = runCli(args, { cwd: project });
    assert.equal(syntax.status, 2);
    assert.match(syntax.stderr, /policy\/zz\.rego:\d+/);
    assert.equal(syntax.stdout, '', 'nothing reported half-way');
    rmSync(join(project, 'policy/zz.rego'));
    writeFiles(project, { 'notes.txt': 'key: [unclosed\n' });
    const notInput = runCli(['policy', 'eval', 'notes.txt'], { cwd: project });
    assert.equal(notInput.status, 2);
    assert.match(notInput.stderr, /notes\.txt:\d+:\d+: invalid YAML/);
    const missing = runCli([...args, '--policy', 'nope'], { cwd: project });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope: no policy directory \(write a starter one with `chainwarden policy init`/);
    const expired = runCli(args, { cwd: project });
    assert.equal(expired.status, 0);
    writeFiles(project, { 'policy/data.yaml': 'chainwarden:\n  allowed_licenses: [MIT]\n  trusted_builders: ["*"]\n' });
    const closed = runCli(args, { cwd: project });
    assert.equal(closed.status, 1, closed.stdout);
    assert.match(closed.stdout, /FAIL\s+high\s+main\.deny_license_not_allowed/);
    writeFiles(project, { 'policy/exceptions.yaml': 'exceptions:\n  - rule: license_not_allowed\n    target: "*"\n    reason: r\n    owner: o\n    expires: 2020-01-01\n' });
    const exp = runCli(args, { cwd: project });
    assert.equal(exp.status, 1);
    assert.match(exp.stdout, /exception expired for license_not_allowed .*: expired on 2020-01-01 \(owner o; policy\/exceptions\.yaml:2\)/);
  } finally {
    cleanup();
  }
});

test('chainwarden run: the policy stage gates after the evidence and findings, before registering; open gate -> 0, closed -> 1, no policy/ -> skipped with how to create one', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    const open = runCli(['run', '.', '--json'], { cwd: project });
    assert.equal(open.status, 0, open.stderr);
    const r1 = JSON.parse(open.stdout) as RunJson;
    const names = r1.stages.map((s) => s.stage);
    for (const before of ['sbom', 'provenance', 'checksums', 'sign', 'scan', 'scorecard']) assert.ok(names.indexOf(before) < names.indexOf('policy'), `${before} runs before the gate`);
    for (const after of ['backlog', 'store', 'registry']) assert.ok(names.indexOf('policy') < names.indexOf(after), `${after} after the gate`);
    assert.ok(names.indexOf('sbom') < names.indexOf('policy') && names.indexOf('provenance') < names.indexOf('policy') && names.indexOf('checksums') < names.indexOf('policy'));
    const policy1 = r1.stages.find((s) => s.stage === 'policy');
    assert.deepEqual([policy1?.status, policy1?.detail], ['warn', 'gate open: 16 rule(s), 0 failure(s), 28 warning(s)']);
    writeFiles(project, { 'chainwarden.yaml': 'policy:\n  fail-on-warn: true\n' });
    const closed = runCli(['run', '.'], { cwd: project });
    assert.equal(closed.status, 1);
    assert.match(closed.stdout, /failed\s+policy\s+gate closed: 16 rule\(s\), 0 failure\(s\), 28 warning\(s\)/);
    rmSync(join(project, 'chainwarden.yaml'));
    rmSync(join(project, 'policy'), { recursive: true });
    const none = runCli(['run', '.', '--json'], { cwd: project });
    assert.equal(none.status, 0);
    const r3 = JSON.parse(none.stdout) as RunJson;
    const policy3 = r3.stages.find((s) => s.stage === 'policy');
    assert.deepEqual([policy3?.status, policy3?.detail], ['skipped', 'no policy/ directory (write a starter policy with `chainwarden policy init`)']);
  } finally {
    cleanup();
  }
});

test('signatures: real `chainwarden verify --json` results on the Sigstore conformance bundle feed deny_unsigned', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    assert.equal(runCli(['sbom', '.'], { cwd: project }).status, 0);
    const bundle = shared('conformance', 'sigstore', 'conformance', 'managed-key-happy-path.sigstore.json');
    const key = shared('conformance', 'sigstore', 'conformance', 'managed-key-happy-path.key.pub');
    const good = runCli(['verify', shared('conformance', 'sigstore', 'common', 'a.txt'), '--bundle', bundle, '--key', key, '--json'], { cwd: project });
    assert.equal(good.status, 0, good.stderr);
    const bad = runCli(['verify', shared('conformance', 'sigstore', 'conformance', 'wrong-material_fail.artifact'), '--bundle', bundle, '--key', key, '--json'], { cwd: project });
    assert.equal(bad.status, 1);
    writeFiles(project, { 'good.json': good.stdout, 'bad.json': bad.stdout });
    const base = ['policy', 'eval', '--sbom', 'dist/sbom/hotpass-like-sbom.json', '--require-signatures', '--format', 'json'];
    const unsigned = (args: string[]): { status: number; msgs: string[] } => {
      const r = runCli([...base, ...args], { cwd: project });
      const report = JSON.parse(r.stdout) as { inputs: { violations: { rule: string; msg: string }[] }[] };
      return { status: r.status, msgs: report.inputs[0]?.violations.filter((v) => v.rule === 'deny_unsigned').map((v) => v.msg) ?? [] };
    };
    assert.deepEqual(unsigned(['--signatures', 'good.json']), { status: 0, msgs: [] });
    const failed = unsigned(['--signatures', 'bad.json']);
    assert.equal(failed.status, 1);
    assert.match(failed.msgs[0] ?? '', /did not verify: signature: signature verification failed/);
    assert.deepEqual(unsigned([]), { status: 1, msgs: ['signing is required but no signature was produced or checked'] });
  } finally {
    cleanup();
  }
});
