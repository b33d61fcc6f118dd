import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, runCli } from '../helpers/cli.js';
import { provenanceSchemaErrors } from '../helpers/provenance-schema.js';
import { buildProject, cleanEnv, gitInit } from '../helpers/project.js';
import { shared, tempDir } from '../helpers/shared.js';

const env = cleanEnv();

test('cli provenance: default subjects are the artefacts in dist/; verify passes, then fails naming a tampered artefact', () => {
  const { dir, cleanup } = tempDir();
  try {
    buildProject(dir);
    const commit = gitInit(dir, 'git@github.com:acme/hotpass.git');
    const run = runCli(['provenance', dir, '--started-on', '2025-03-01T10:00:00Z', '--json'], { env });
    assert.equal(run.status, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as { output: string; subjects: { name: string }[]; source: { uri: string; ref: string } };
    assert.equal(summary.output, 'dist/provenance/provenance.json');
    assert.deepEqual(summary.subjects.map((s) => s.name), ['dist/hotpass-0.3.0-py3-none-any.whl', 'dist/hotpass-0.3.0.tar.gz']);
    assert.deepEqual(summary.source, { uri: 'ssh://github.com/acme/hotpass', ref: 'refs/heads/main', commit });
    const doc = JSON.parse(readFileSync(join(dir, 'dist/provenance/provenance.json'), 'utf8')) as unknown;
    assert.equal(provenanceSchemaErrors(doc), null);

    const ok = runCli(['provenance', 'verify', 'dist/provenance/provenance.json', '--subject', 'dist/*.whl', '--subject', 'dist/*.tar.gz', '--source-uri', 'github.com/acme/hotpass', '--source-ref', 'main', '--builder-id', 'https://chainwarden.dev/provenance/builder/local/v1'], { cwd: dir, env });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^dist\/hotpass-0\.3\.0\.tar\.gz: OK/m);
    assert.match(ok.stdout, /signatures were not verified/);

    writeFileSync(join(dir, 'dist/hotpass-0.3.0.tar.gz'), 'tampered sdist\n');
    const bad = runCli(['provenance', 'verify', 'dist/provenance/provenance.json', '--subject', 'dist/*.tar.gz', '--subject', 'dist/*.whl'], { cwd: dir, env });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /^dist\/hotpass-0\.3\.0\.tar\.gz: NO MATCH/m);
    assert.match(bad.stderr, /FAILED: dist\/hotpass-0\.3\.0\.tar\.gz: sha256 [0-9a-f]{64} matches no subject/);
    assert.doesNotMatch(bad.stderr, /\.whl/);
  } finally {
    cleanup();
  }
});

test('cli provenance verify: expectations like slsa-verifier (builder, source, ref) name what did not match; exit 1', () => {
  const { dir, cleanup } = tempDir();
  try {
    buildProject(dir);
    gitInit(dir, 'https://github.com/acme/hotpass.git');
    assert.equal(runCli(['provenance', '.'], { cwd: dir, env }).status, 0);
    const run = runCli(['provenance', 'verify', 'dist/provenance/provenance.json', '--subject', 'dist/*.whl', '--builder-id', 'https://github.com/actions/runner/github-hosted', '--source-uri', 'github.com/evil/hotpass', '--source-ref', 'refs/tags/v9', '--json'], { cwd: dir, env });
    assert.equal(run.status, 1);
    const result = JSON.parse(run.stdout) as { ok: boolean; problems: string[] };
    assert.equal(result.ok, false);
    assert.equal(result.problems.length, 3);
    assert.match(result.problems[0] ?? '', /builder id is https:\/\/chainwarden\.dev\/provenance\/builder\/local\/v1, expected https:\/\/github\.com\/actions\/runner\/github-hosted/);
    assert.match(result.problems[1] ?? '', /source is git\+https:\/\/github\.com\/acme\/hotpass@refs\/heads\/main, expected github\.com\/evil\/hotpass/);
    assert.match(result.problems[2] ?? '', /source ref is refs\/heads\/main, expected refs\/tags\/v9/);
  } finally {
    cleanup();
  }
});

test('cli provenance verify: real attestations (Sigstore bundle with DSSE provenance, npm document, JSON Lines) against their artefacts', () => {
  const base = shared('conformance/sigstore');
  const ok = runCli(['provenance', 'verify', 'conformance/happy-path-intoto-in-dsse-v3.sigstore.json', '--subject', 'common/a.txt', '--source-uri', 'https://github.com/loosebazooka/aa-test', '--source-ref', 'refs/heads/main'], { cwd: base, env });
  assert.equal(ok.status, 0, ok.stderr);
  const custom = runCli(['provenance', 'verify', 'conformance/intoto-with-custom-trust-root.sigstore.json', '--subject', 'conformance/intoto-with-custom-trust-root.artifact'], { cwd: base, env });
  assert.equal(custom.status, 0, custom.stderr);
  assert.match(custom.stdout, /intoto-with-custom-trust-root\.artifact: OK \(subject d\.txt, sha256\)/);
  const wrong = runCli(['provenance', 'verify', 'conformance/happy-path-intoto-in-dsse-v3.sigstore.json', '--subject', 'conformance/wrong-material_fail.artifact'], { cwd: base, env });
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /conformance\/wrong-material_fail\.artifact: sha256 [0-9a-f]{64} matches no subject/);
  const publishOnly = runCli(['provenance', 'verify', 'npm/provenance-npm-test-cli-v1-prega.tgz.json', '--subject', 'common/a.txt', '--builder-id', 'https://github.com/actions/runner/github-hosted'], { cwd: base, env });
  assert.equal(publishOnly.status, 1);
  assert.match(publishOnly.stderr, /common\/a\.txt: .*matches no subject/);
});

test('cli provenance inspect: prints builder, source and subjects of real attestations, says signatures were not verified', () => {
  const base = shared('conformance/sigstore');
  const npm = runCli(['provenance', 'inspect', 'npm/provenance-npm-test-cli-v1-prega.tgz.json'], { cwd: base, env });
  assert.equal(npm.status, 0, npm.stderr);
  assert.match(npm.stdout, /2 attestation\(s\)/);
  assert.match(npm.stdout, /builder +https:\/\/github\.com\/actions\/runner\/github-hosted/);
  assert.match(npm.stdout, /source +git\+https:\/\/github\.com\/sigstore\/sigstore-js@refs\/heads\/main gitCommit:46e7056ff9912ebfee5298d94024895a9fea76c0/);
  assert.match(npm.stdout, /pkg:npm\/sigstore@2\.3\.1 +sha512:f06fbf5c/);
  assert.match(npm.stdout, /signatures were not verified/);
  const gen = runCli(['provenance', 'inspect', 'slsa-github-generator/gha_generic-v2.1.0-binary-linux-amd64-workflow_dispatch.intoto.jsonl', '--json'], { cwd: base, env });
  assert.equal(gen.status, 0, gen.stderr);
  const out = JSON.parse(gen.stdout) as { attestations: { statementType: string; provenance: { slsaVersion: string; builderId: string }; signaturesVerified: boolean }[] };
  assert.equal(out.attestations[0]?.statementType, 'https://in-toto.io/Statement/v0.1');
  assert.equal(out.attestations[0]?.provenance.slsaVersion, 'v0.2');
  assert.match(out.attestations[0]?.provenance.builderId ?? '', /generator_generic_slsa3\.yml@refs\/tags\/v2\.1\.0$/);
  assert.equal(out.attestations[0]?.signaturesVerified, false);
});

test('cli provenance: bad input exits 2 — missing subject, glob without match (unless --allow-empty), no artefact, malformed provenance with its JSON path', () => {
  const { dir, cleanup } = tempDir();
  try {
    buildProject(dir);
    const missing = runCli(['provenance', '.', '--subject', 'dist/nope.whl'], { cwd: dir, env });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /dist\/nope\.whl: no such file/);
    const nomatch = runCli(['provenance', '.', '--subject', 'dist/*.whl', '--subject', 'dist/*.jar'], { cwd: dir, env });
    assert.equal(nomatch.status, 2);
    assert.match(nomatch.stderr, /dist\/\*\.jar: no file matches/);
    assert.equal(existsSync(join(dir, 'dist/provenance')), false, 'nothing written');
    assert.equal(runCli(['provenance', '.', '--subject', 'dist/*.whl', '--subject', 'dist/*.jar', '--allow-empty'], { cwd: dir, env }).status, 0);
    assert.equal(runCli(['provenance', '.', '--started-on', 'yesterday'], { cwd: dir, env }).status, 2);

    const empty = join(dir, 'empty');
    mkdirSync(join(empty, 'dist'), { recursive: true });
    const none = runCli(['provenance', empty], { env });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no build artefact in dist\/.*--subject/);

    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'x', digest: { sha256: 5 } }], predicateType: 'https://slsa.dev/provenance/v1', predicate: {} }));
    const broken = runCli(['provenance', 'verify', 'broken.json', '--subject', 'dist/*.whl'], { cwd: dir, env });
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /broken\.json \(at subject\[0\]\.digest\.sha256\): invalid in-toto statement/);
    writeFileSync(join(dir, 'truncated.json'), '{"payloadType": "application/vnd.in-toto+json", "payload": "e30=", "signatures": [');
    const truncated = runCli(['provenance', 'inspect', 'truncated.json'], { cwd: dir, env });
    assert.equal(truncated.status, 2);
    assert.match(truncated.stderr, /truncated\.json:1:\d+: invalid JSON/);
  } finally {
    cleanup();
  }
});

test('cli run: provenance then checksums after the SBOM; with no artefact the subject is the SBOM; sha256sum -c accepts the checksum file; Hotpass contract paths via chainwarden.yaml', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    const run = runCli(['run', project, '--json'], { env });
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { stages: { stage: string; status: string; detail: string; files?: string[] }[] };
    const names = result.stages.map((s) => s.stage);
    assert.ok(names.indexOf('sbom') < names.indexOf('provenance') && names.indexOf('provenance') < names.indexOf('checksums'));
    const prov = result.stages.find((s) => s.stage === 'provenance');
    assert.match(prov?.detail ?? '', /SLSA v1 for the SBOM \(no build artefact in dist\/\)/);
    assert.equal(prov?.status, 'warn', 'the copied example is not a git repository: source unknown');
    const doc = JSON.parse(readFileSync(join(project, 'dist/provenance/provenance.json'), 'utf8')) as { subject: { name: string }[]; predicate: { runDetails: { metadata: { startedOn?: string; finishedOn: string } } } };
    assert.equal(provenanceSchemaErrors(doc), null);
    assert.deepEqual(doc.subject.map((s) => s.name), ['dist/sbom/hotpass-like-sbom.json']);
    const { startedOn, finishedOn } = doc.predicate.runDetails.metadata;
    assert.ok(startedOn !== undefined && Date.parse(startedOn) <= Date.parse(finishedOn), 'a real start before the finish');
    const sums = readFileSync(join(project, 'dist/checksums.txt'), 'utf8');
    assert.deepEqual(sums.trim().split('\n').map((l) => l.slice(66)), ['dist/provenance/provenance.json', 'dist/sbom/hotpass-like-sbom.json']);
    assert.equal(spawnSync('sha256sum', ['-c', 'dist/checksums.txt'], { cwd: project }).status, 0);

    // An artefact in dist/ becomes the subject; the contract paths come from chainwarden.yaml.
    writeFileSync(join(project, 'chainwarden.yaml'), 'provenance:\n  output: dist/provenance/provenance.json\n  digest: [sha512]\nchecksums:\n  output: dist/checksums/supply-chain.sha256\n');
    writeFileSync(join(project, 'dist/hotpass_like-0.3.0-py3-none-any.whl'), 'wheel');
    const human = runCli(['run', project], { env });
    assert.equal(human.status, 0, human.stderr);
    assert.match(human.stdout, /provenance +SLSA v1 for 1 artefact\(s\), builder local -> dist\/provenance\/provenance\.json/);
    assert.match(human.stdout, /checksums +sha256 of 3 file\(s\) -> dist\/checksums\/supply-chain\.sha256/);
    const contract = readFileSync(join(project, 'dist/checksums/supply-chain.sha256'), 'utf8');
    assert.match(contract, / {2}dist\/hotpass_like-0\.3\.0-py3-none-any\.whl\n/);
    assert.equal(spawnSync('sha256sum', ['-c', 'dist/checksums/supply-chain.sha256'], { cwd: project }).status, 0);
    assert.deepEqual(readdirSync(join(project, 'dist/provenance')), ['provenance.json']);
    const bad = 'provenance:\n  digest: [md5]\n';
    writeFileSync(join(project, 'chainwarden.yaml'), bad);
    const invalid = runCli(['run', project], { env });
    assert.equal(invalid.status, 2);
    assert.match(invalid.stderr, /chainwarden\.yaml:2: provenance\.digest\[0\]: "md5" is not one of "sha256", "sha512"/);
  } finally {
    cleanup();
  }
});
