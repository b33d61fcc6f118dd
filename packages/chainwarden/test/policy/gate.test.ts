import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanFindings } from '../../src/pipeline/policy-stage.js';
import { runPolicyGate } from '../../src/policy/run.js';
import { renderText } from '../../src/policy/report/text.js';
import type { PolicyViolation } from '../../src/policy/result.js';
import { corpus, shared, tempDir } from '../helpers/shared.js';
import { corpusSbom, starterPolicy, writeFiles } from './helpers.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const byRule = (vs: readonly PolicyViolation[], rule: string): PolicyViolation[] => vs.filter((v) => v.rule === rule);

test('starter policy on the Hotpass uv.lock SBOM: no licences in uv.lock -> every shipped component warns, the licence rule does not pass vacuously', async () => {
  const { dir, cleanup } = tempDir();
  try {
    await starterPolicy(dir);
    const sbom = await corpusSbom(corpus('python-uv', 'hotpass'), dir, 'hotpass-sbom.json');
    const report = await runPolicyGate({ baseDir: dir, files: { sbom }, now: NOW });
    const doc = JSON.parse(readFileSync(join(dir, sbom), 'utf8')) as { components: { purl?: string; scope?: string; licenses?: unknown[] }[] };
    const shipped = doc.components.filter((c) => c.scope !== 'excluded' && (c.licenses ?? []).length === 0).map((c) => c.purl).sort();
    assert.ok(shipped.length > 10, `uv.lock gives many shipped components (${shipped.length})`);
    const input = report.inputs[0];
    assert.ok(input);
    const warned = byRule(input.violations, 'warn_unknown_license');
    assert.deepEqual(warned.map((v) => v.target).sort(), shipped);
    assert.ok(warned.every((v) => v.status === 'warning' && v.severity === 'medium' && v.title === 'Licences are known'));
    assert.ok(!input.passed.includes('main.warn_unknown_license'));
    assert.equal(byRule(input.violations, 'deny_license_not_allowed').length, 0);
    // Registry packages from uv.lock carry hashes; the root is the project.
    assert.ok(input.passed.includes('main.deny_registry_hashes'));
    assert.ok(input.passed.includes('main.deny_sbom_root'));
    assert.equal(report.counts.failures, 0);
    assert.equal(report.open, true);
    // --fail-on-warn closes the gate on the same input.
    const strict = await runPolicyGate({ baseDir: dir, files: { sbom }, now: NOW, failOnWarn: true });
    assert.equal(strict.open, false);
  } finally {
    cleanup();
  }
});

test('the licence rule gives the same verdicts on the SPDX rendering of the same lockfile (npm, with licences)', async () => {
  const { dir, cleanup } = tempDir();
  try {
    await starterPolicy(dir);
    writeFiles(dir, { 'policy/data.yaml': 'chainwarden:\n  allowed_licenses: [MIT]\n' });
    const project = corpus('npm', 'hotpass-web-ui');
    const cdx = await runPolicyGate({ baseDir: dir, files: { sbom: await corpusSbom(project, dir, 'ui.cdx.json') }, now: NOW });
    const spdx = await runPolicyGate({ baseDir: dir, files: { sbom: await corpusSbom(project, dir, 'ui.spdx.json', 'spdx-json') }, now: NOW });
    const denied = (r: typeof cdx): string[] => byRule(r.inputs[0]?.violations ?? [], 'deny_license_not_allowed').map((v) => `${v.target} ${String(v.details['license'])}`).sort();
    assert.ok(denied(cdx).length >= 3, `non-MIT shipped components are denied (${denied(cdx).length})`);
    assert.deepEqual(denied(spdx), denied(cdx));
    for (const v of byRule(cdx.inputs[0]?.violations ?? [], 'deny_license_not_allowed')) assert.notEqual(v.details['license'], 'MIT');
  } finally {
    cleanup();
  }
});

test('real provenance: slsa-github-generator bundle -> trusted builder; subjects checked against the checksum file', async () => {
  const { dir, cleanup } = tempDir();
  try {
    await starterPolicy(dir);
    const provenance = shared('conformance', 'sigstore', 'slsa-github-generator', 'gha_generic-v2.1.0-binary-linux-amd64-workflow_dispatch.intoto.jsonl');
    writeFiles(dir, { 'prov.json': readFileSync(provenance, 'utf8') });
    const first = await runPolicyGate({ baseDir: dir, files: { provenance: 'prov.json' }, now: NOW });
    const vs = first.inputs[0]?.violations ?? [];
    assert.equal(byRule(vs, 'deny_untrusted_builder').length, 0, 'slsa-github-generator is on the starter trusted list');
    assert.ok(first.inputs[0]?.passed.includes('main.deny_untrusted_builder'));
    // A checksum file with the subject's name but another digest -> mismatch.
    const statement = JSON.parse(Buffer.from((JSON.parse(readFileSync(provenance, 'utf8')) as { dsseEnvelope: { payload: string } }).dsseEnvelope.payload, 'base64').toString('utf8')) as { subject: { name: string; digest: { sha256: string } }[] };
    const subject = statement.subject[0];
    assert.ok(subject);
    writeFiles(dir, { 'ok.txt': `${subject.digest.sha256}  ${subject.name}\n`, 'bad.txt': `${'0'.repeat(64)}  ${subject.name}\n` });
    const ok = await runPolicyGate({ baseDir: dir, files: { provenance: 'prov.json', checksums: 'ok.txt' }, now: NOW });
    assert.equal(byRule(ok.inputs[0]?.violations ?? [], 'deny_provenance_subjects').length, 0);
    const bad = await runPolicyGate({ baseDir: dir, files: { provenance: 'prov.json', checksums: 'bad.txt' }, now: NOW });
    assert.deepEqual(byRule(bad.inputs[0]?.violations ?? [], 'deny_provenance_subjects').map((v) => v.target), [subject.name]);
    assert.equal(bad.open, false);
  } finally {
    cleanup();
  }
});

test('real npm attestation document: the SLSA v1 attestation is found; a GitHub-hosted runner is trusted', async () => {
  const { dir, cleanup } = tempDir();
  try {
    await starterPolicy(dir);
    writeFiles(dir, { 'att.json': readFileSync(shared('conformance', 'sigstore', 'npm', 'provenance-npm-test-cli-v1-prega.tgz.json'), 'utf8') });
    const report = await runPolicyGate({ baseDir: dir, files: { provenance: 'att.json' }, now: NOW });
    assert.equal(byRule(report.inputs[0]?.violations ?? [], 'deny_untrusted_builder').length, 0);
    writeFiles(dir, { 'policy/data.yaml': 'chainwarden:\n  trusted_builders: ["https://gitlab.com/*"]\n' });
    const closed = await runPolicyGate({ baseDir: dir, files: { provenance: 'att.json' }, now: NOW });
    assert.deepEqual(byRule(closed.inputs[0]?.violations ?? [], 'deny_untrusted_builder').map((v) => v.target), ['https://github.com/actions/runner/github-hosted']);
  } finally {
    cleanup();
  }
});

const FINDINGS = JSON.stringify({
  findings: [
    { id: 'GHSA-h5c8-rqwp-cp95', severity: 'HIGH', component: { name: 'jinja2', version: '3.1.2', purl: 'pkg:pypi/jinja2@3.1.2' }, vex: null },
    { id: 'CVE-2024-0001', severity: 'critical', component: { purl: 'pkg:pypi/a@1.0' }, vex: { state: 'not_affected', justification: 'vulnerable_code_not_present' } },
    { id: 'MAL-2024-9', severity: 'unknown', component: { name: 'evil', purl: 'pkg:npm/evil@1.0.0' } },
  ],
});

test('findings: open high finding denies, VEX not_affected closes one, MAL- always denies; exceptions waive and expire', async () => {
  const { dir, cleanup } = tempDir();
  try {
    await starterPolicy(dir);
    writeFiles(dir, { 'findings.json': FINDINGS });
    const r1 = await runPolicyGate({ baseDir: dir, files: { findings: 'findings.json' }, now: NOW });
    const v1 = r1.inputs[0]?.violations ?? [];
    assert.deepEqual(byRule(v1, 'deny_vulnerability_open').map((v) => v.target), ['GHSA-h5c8-rqwp-cp95 pkg:pypi/jinja2@3.1.2']);
    assert.equal(byRule(v1, 'deny_vulnerability_open')[0]?.severity, 'high');
    assert.equal(byRule(v1, 'deny_malicious_package').length, 1);
    assert.equal(byRule(v1, 'warn_no_scan').length, 0, 'a scan ran');

    const exceptions = (expires: string): string =>
      `exceptions:\n  - rule: vulnerability_open\n    target: "GHSA-h5c8-rqwp-cp95 *"\n    reason: not reachable\n    owner: sec@example.com\n    expires: ${expires}\n  - rule: malicious_package\n    target: "*"\n    reason: trying\n    owner: dev@example.com\n    expires: 2099-01-01\n`;
    writeFiles(dir, { 'policy/exceptions.yaml': exceptions('2026-06-01') });
    const valid = await runPolicyGate({ baseDir: dir, files: { findings: 'findings.json' }, now: NOW });
    const open = byRule(valid.inputs[0]?.violations ?? [], 'deny_vulnerability_open')[0];
    assert.equal(open?.status, 'excepted', 'the exception applies through its last day');
    assert.equal(open?.exception?.owner, 'sec@example.com');
    assert.equal(byRule(valid.inputs[0]?.violations ?? [], 'deny_malicious_package')[0]?.status, 'failure', 'MAL- is never waived');
    assert.deepEqual(valid.unusedExceptions, [{ rule: 'malicious_package', target: '*', expires: '2099-01-01', source: 'policy/exceptions.yaml:7' }], 'a waiver for an unwaivable rule is reported as unused');
    assert.match(renderText(valid), /note: the exception for malicious_package \* \(policy\/exceptions\.yaml:7\) matches no violation/);
    assert.deepEqual(valid.inputs[0]?.violations.filter((v) => v.status === 'failure').map((v) => v.rule), ['deny_malicious_package', 'deny_sbom_root'], 'and no SBOM was given');

    writeFiles(dir, { 'policy/exceptions.yaml': exceptions('2026-05-31') });
    const expired = await runPolicyGate({ baseDir: dir, files: { findings: 'findings.json' }, now: NOW });
    const again = byRule(expired.inputs[0]?.violations ?? [], 'deny_vulnerability_open')[0];
    assert.equal(again?.status, 'failure');
    assert.equal(again?.exception?.expired, true);
    assert.equal(expired.counts.expiredExceptions, 1);
    assert.match(renderText(expired), /exception expired for vulnerability_open GHSA-h5c8-rqwp-cp95 pkg:pypi\/jinja2@3\.1\.2: expired on 2026-05-31 \(owner sec@example\.com; policy\/exceptions\.yaml:2\)/);
    assert.match(renderText(expired), /FAIL\*/);
  } finally {
    cleanup();
  }
});

test('conftest semantics: namespaces, violation rules, exception rules, object messages, fail-on-warn', async () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFiles(dir, {
      'p/main.rego': 'package main\n\ndeny_replicas contains msg if {\n\tinput.replicas < 2\n\tmsg := "need 2 replicas"\n}\n\nviolation contains {"msg": "root user", "target": "pod", "severity": "critical"} if input.user == "root"\n\nwarn contains "latest tag" if input.tag == "latest"\n\nexception contains rules if {\n\tinput.kind == "Job"\n\trules := ["replicas"]\n}\n',
      'p/k8s.rego': 'package k8s\n\ndeny contains "k8s says no" if true\n',
      'dep.yaml': 'replicas: 1\nuser: root\ntag: latest\nkind: Deployment\n',
      'job.json': '{"replicas": 1, "user": "app", "tag": "1.0", "kind": "Job"}',
    });
    const r = await runPolicyGate({ baseDir: dir, policyDir: 'p', documents: ['dep.yaml', 'job.json'], now: NOW });
    assert.deepEqual(r.namespaces, ['main']);
    const [dep, job] = r.inputs;
    assert.deepEqual(dep?.violations.map((v) => [v.rule, v.status, v.msg, v.severity]), [
      ['deny_replicas', 'failure', 'need 2 replicas', 'high'],
      ['violation', 'failure', 'root user', 'critical'],
      ['warn', 'warning', 'latest tag', 'low'],
    ]);
    assert.deepEqual(job?.violations, []);
    assert.deepEqual(job?.skipped, ['main.deny_replicas']);
    assert.equal(r.open, false);
    const all = await runPolicyGate({ baseDir: dir, policyDir: 'p', documents: ['job.json'], allNamespaces: true, now: NOW });
    assert.deepEqual(all.inputs[0]?.violations.map((v) => `${v.namespace}.${v.rule}`), ['k8s.deny']);
    const k8s = await runPolicyGate({ baseDir: dir, policyDir: 'p', documents: ['job.json'], namespaces: ['k8s'], now: NOW });
    assert.equal(k8s.counts.failures, 1);
    await assert.rejects(runPolicyGate({ baseDir: dir, policyDir: 'p', documents: ['job.json'], namespaces: ['nope'], now: NOW }), /no policy in namespace nope \(packages found: k8s, main/);
    writeFiles(dir, { 'warn-only.json': '{"replicas": 3, "user": "app", "tag": "latest"}' });
    assert.equal((await runPolicyGate({ baseDir: dir, policyDir: 'p', documents: ['warn-only.json'], now: NOW })).open, true);
    assert.equal((await runPolicyGate({ baseDir: dir, policyDir: 'p', documents: ['warn-only.json'], failOnWarn: true, now: NOW })).open, false);
  } finally {
    cleanup();
  }
});

test('bad input: a Rego syntax error names file:line; a non-JSON input names the file; nothing is evaluated', async () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFiles(dir, { 'p/a.rego': 'package main\n\ndeny contains msg if {\n\tmsg := "x"\n', 'in.json': '{"a": 1,\n "b": }\n' });
    await assert.rejects(runPolicyGate({ baseDir: dir, policyDir: 'p', documents: ['in.json'], now: NOW }), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'INPUT_INVALID', 'the input is read before the policy');
      assert.match(e.message, /^in\.json:2:\d+: invalid JSON/);
      return true;
    });
    writeFiles(dir, { 'in.json': '{"a": 1}' });
    await assert.rejects(runPolicyGate({ baseDir: dir, policyDir: 'p', documents: ['in.json'], now: NOW }), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'POLICY_ERROR');
      assert.match(e.message, /p\/a\.rego:\d+/);
      return true;
    });
    await assert.rejects(runPolicyGate({ baseDir: dir, policyDir: 'missing', documents: ['in.json'], now: NOW }), /missing: no policy directory \(write a starter one with `chainwarden policy init`/);
  } finally {
    cleanup();
  }
});

test('pipeline: the scan stage summary becomes input.findings (scanned), VEX status kept; no scan stage -> not scanned', async () => {
  assert.equal(scanFindings(undefined), undefined);
  const items = scanFindings({
    findings: [
      { vulnerability: 'CVE-2024-1', aliases: ['GHSA-1'], class: 'vulnerability', severity: 'HIGH', component: 'pkg:pypi/jinja2@3.1.2', fixed: ['3.1.3'] },
      { vulnerability: 'CVE-2024-2', class: 'vulnerability', severity: 'critical', component: 'pkg:pypi/a@1.0', fixed: [], vex: { status: 'not_affected' } },
    ],
  });
  assert.ok(items);
  const { dir, cleanup } = tempDir();
  try {
    await starterPolicy(dir);
    const report = await runPolicyGate({ baseDir: dir, parts: { findings: { file: null, items } }, now: NOW });
    const vs = report.inputs[0]?.violations ?? [];
    assert.deepEqual(byRule(vs, 'deny_vulnerability_open').map((v) => v.target), ['CVE-2024-1 pkg:pypi/jinja2@3.1.2']);
    assert.equal(byRule(vs, 'warn_no_scan').length, 0);
  } finally {
    cleanup();
  }
});
