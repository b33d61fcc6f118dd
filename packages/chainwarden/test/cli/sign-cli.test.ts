import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExample, runCli } from '../helpers/cli.js';
import { shared, tempDir } from '../helpers/shared.js';

const PASSWORD = 'a long test password';

test('cli keygen/sign/verify: key pair, bundle, verified with every check named; tampering exits 1 naming the check', () => {
  const { dir, cleanup } = tempDir();
  try {
    const env = { CHAINWARDEN_KEY_PASSWORD: PASSWORD };
    const gen = runCli(['keygen', '--json'], { cwd: dir, env });
    assert.equal(gen.status, 0, gen.stderr);
    const summary = JSON.parse(gen.stdout) as { privateKey: string; publicKey: string; encrypted: boolean; keyHint: string };
    assert.deepEqual([summary.privateKey, summary.publicKey, summary.encrypted], ['chainwarden.key', 'chainwarden.pub', true]);
    assert.equal(statSync(join(dir, 'chainwarden.key')).mode & 0o777, 0o600);
    assert.ok(!gen.stdout.includes('PRIVATE KEY') && !gen.stderr.includes('PRIVATE KEY'), 'the private key is never printed');
    assert.equal(runCli(['keygen'], { cwd: dir, env }).status, 2, 'refuses to overwrite');
    assert.equal(runCli(['keygen', '--output-prefix', 'other'], { cwd: dir }).status, 2, 'no password, no --unencrypted');

    writeFileSync(join(dir, 'app.tar.gz'), 'release bytes');
    const sign = runCli(['sign', 'app.tar.gz', '--key', 'chainwarden.key'], { cwd: dir, env });
    assert.equal(sign.status, 0, sign.stderr);
    assert.match(sign.stdout, /bundle\s+app\.tar\.gz\.sigstore\.json \(Sigstore bundle v0\.3, message signature\)/);
    const bundle = JSON.parse(readFileSync(join(dir, 'app.tar.gz.sigstore.json'), 'utf8')) as { mediaType: string; verificationMaterial: { publicKey: { hint: string } } };
    assert.equal(bundle.mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json');
    assert.equal(bundle.verificationMaterial.publicKey.hint, summary.keyHint);

    const ok = runCli(['verify', 'app.tar.gz', '--bundle', 'app.tar.gz.sigstore.json', '--key', 'chainwarden.pub'], { cwd: dir });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^Verified {2}app\.tar\.gz/);
    for (const check of ['trusted-root', 'key', 'log', 'signature', 'subject-digest']) assert.match(ok.stdout, new RegExp(`pass {2}${check}`));
    const json = JSON.parse(runCli(['verify', 'app.tar.gz', '--bundle', 'app.tar.gz.sigstore.json', '--key', 'chainwarden.pub', '--json'], { cwd: dir }).stdout) as { verified: boolean; checks: { name: string }[] };
    assert.equal(json.verified, true);

    const tlog = runCli(['verify', 'app.tar.gz', '--bundle', 'app.tar.gz.sigstore.json', '--key', 'chainwarden.pub', '--require-tlog'], { cwd: dir });
    assert.equal(tlog.status, 1);
    assert.match(tlog.stderr, /verification failed: log: no transparency-log entry in the bundle, and --require-tlog demands one/);

    writeFileSync(join(dir, 'app.tar.gz'), 'tampered bytes');
    const bad = runCli(['verify', 'app.tar.gz', '--bundle', 'app.tar.gz.sigstore.json', '--key', 'chainwarden.pub'], { cwd: dir });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /^NOT verified/);
    assert.match(bad.stderr, /verification failed: signature:/);
  } finally {
    cleanup();
  }
});

test('cli bad input exits 2 with the reason: wrong password, corrupt key, truncated bundle, unknown bundle version', () => {
  const { dir, cleanup } = tempDir();
  try {
    const env = { CHAINWARDEN_KEY_PASSWORD: PASSWORD };
    assert.equal(runCli(['keygen'], { cwd: dir, env }).status, 0);
    writeFileSync(join(dir, 'a.txt'), 'a');
    const wrong = runCli(['sign', 'a.txt', '--key', 'chainwarden.key'], { cwd: dir, env: { CHAINWARDEN_KEY_PASSWORD: 'nope' } });
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /chainwarden\.key: cannot decrypt the private key: wrong password/);
    assert.ok(!wrong.stderr.includes('nope') && !wrong.stderr.includes('BEGIN'));
    writeFileSync(join(dir, 'corrupt.pub'), readFileSync(join(dir, 'chainwarden.pub'), 'utf8').replace(/\n[A-Za-z0-9+/]{12}/, '\n'));
    assert.equal(runCli(['sign', 'a.txt', '--key', 'chainwarden.key'], { cwd: dir, env }).status, 0);
    const corrupt = runCli(['verify', 'a.txt', '--bundle', 'a.txt.sigstore.json', '--key', 'corrupt.pub'], { cwd: dir });
    assert.equal(corrupt.status, 2);
    assert.match(corrupt.stderr, /corrupt\.pub: corrupt public key/);
    writeFileSync(join(dir, 'trunc.json'), readFileSync(join(dir, 'a.txt.sigstore.json'), 'utf8').slice(0, 120));
    const trunc = runCli(['verify', 'a.txt', '--bundle', 'trunc.json', '--key', 'chainwarden.pub'], { cwd: dir });
    assert.equal(trunc.status, 2);
    assert.match(trunc.stderr, /trunc\.json:\d+:\d+: invalid JSON/);
    const unknown = runCli(['verify', 'a.txt', '--bundle', shared('conformance', 'sigstore', 'conformance', 'bundle-unknown-version_fail.sigstore.json'), '--key', 'chainwarden.pub'], { cwd: dir });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown bundle version "application\/vnd\.dev\.sigstore\.bundle\+json;version=99\.9"/);
  } finally {
    cleanup();
  }
});

test('cli verify keyless: a real public-good bundle, offline, by identity and GitHub claims; the wrong identity exits 1', () => {
  const c = (...p: string[]): string => shared('conformance', 'sigstore', ...p);
  const base = ['verify', c('common', 'a.txt'), '--bundle', c('conformance', 'happy-path-v0.3.sigstore.json'), '--certificate-oidc-issuer', 'https://token.actions.githubusercontent.com'];
  const ok = runCli([...base, '--certificate-identity-regexp', 'https://github\\.com/sigstore-conformance/.*', '--repository', 'sigstore-conformance/extremely-dangerous-public-oidc-beacon', '--ref', 'refs/heads/main', '--workflow', '.github/workflows/extremely-dangerous-oidc-beacon.yml']);
  assert.equal(ok.status, 0, ok.stderr + ok.stdout);
  for (const check of ['certificate-chain', 'log', 'timestamp', 'identity', 'issuer', 'github-repository', 'github-ref', 'github-workflow']) assert.match(ok.stdout, new RegExp(`pass {2}${check}`));
  const wrong = runCli([...base, '--certificate-identity', 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main']);
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /verification failed: identity: subject https:\/\/github\.com\/sigstore-conformance\/.* does not match https:\/\/github\.com\/acme/);
  const missing = runCli(base);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--certificate-identity or --certificate-identity-regexp/);
});

test('cli verify --policy --supplier: the npm-style key-with-window path through a trust policy file', () => {
  const { dir, cleanup } = tempDir();
  try {
    const env = { CHAINWARDEN_KEY_PASSWORD: PASSWORD };
    runCli(['keygen', '--output-prefix', 'acme'], { cwd: dir, env });
    writeFileSync(join(dir, 'sbom.json'), '{"bomFormat":"CycloneDX"}');
    assert.equal(runCli(['sign', 'sbom.json', '--key', 'acme.key'], { cwd: dir, env }).status, 0);
    writeFileSync(join(dir, 'trust.yaml'), 'suppliers:\n  acme:\n    keys:\n      - key: acme.pub\n');
    const ok = runCli(['verify', 'sbom.json', '--bundle', 'sbom.json.sigstore.json', '--policy', 'trust.yaml', '--supplier', 'acme'], { cwd: dir });
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /supplier {2}acme \(suppliers\.acme\.keys\[0\]\)/);
    writeFileSync(join(dir, 'trust.yaml'), 'suppliers:\n  acme:\n    keys:\n      - key: acme.pub\n        valid_from: 2020-01-01T00:00:00Z\n');
    const window = runCli(['verify', 'sbom.json', '--bundle', 'sbom.json.sigstore.json', '--policy', 'trust.yaml', '--supplier', 'acme'], { cwd: dir });
    assert.equal(window.status, 1);
    assert.match(window.stderr, /validity-window: .*no verified timestamp/);
    const unknown = runCli(['verify', 'sbom.json', '--bundle', 'sbom.json.sigstore.json', '--policy', 'trust.yaml', '--supplier', 'globex'], { cwd: dir });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no supplier "globex" \(suppliers: acme\)/);
  } finally {
    cleanup();
  }
});

test('cli run: the sign stage warns "unsigned" without a key or token, and signs everything with a key', () => {
  const { dir, cleanup } = tempDir();
  try {
    const project = copyExample(dir);
    const env = { CHAINWARDEN_KEY_PASSWORD: PASSWORD, ACTIONS_ID_TOKEN_REQUEST_URL: '', SIGSTORE_ID_TOKEN: '' };
    const unsigned = runCli(['run', project, '--json'], { env });
    assert.equal(unsigned.status, 0, unsigned.stderr);
    const stages = (JSON.parse(unsigned.stdout) as { stages: { stage: string; status: string; detail: string }[] }).stages;
    assert.deepEqual(stages.find((s) => s.stage === 'sign'), { ...stages.find((s) => s.stage === 'sign'), status: 'warn', detail: 'interim, unsigned: no key or OIDC token' });
    const names = stages.map((s) => s.stage);
    assert.ok(names.indexOf('sign') > names.indexOf('checksums'), 'signing comes after the evidence it signs');
    assert.ok(existsSync(join(project, 'dist/checksums.txt')), 'interim mode still writes checksums');
    const human = runCli(['run', project], { env });
    assert.match(human.stdout, /Signing UNSIGNED: no key or OIDC token/);

    assert.equal(runCli(['keygen', '--output-prefix', 'keys/release'], { cwd: project, env }).status, 0);
    writeFileSync(join(project, 'chainwarden.yaml'), 'sign:\n  key: keys/release.key\n');
    const signed = runCli(['run', project, '--json'], { env });
    assert.equal(signed.status, 0, signed.stderr);
    const sign = (JSON.parse(signed.stdout) as { stages: { stage: string; status: string; files?: string[] }[] }).stages.find((s) => s.stage === 'sign');
    assert.equal(sign?.status, 'ok');
    assert.deepEqual(sign?.files, ['dist/checksums.txt.sigstore.json', 'dist/provenance/provenance.json.sigstore.json', 'dist/sbom/hotpass-like-sbom.json.sigstore.json']);
    const verify = runCli(['verify', 'dist/sbom/hotpass-like-sbom.json', '--bundle', 'dist/provenance/provenance.json.sigstore.json', '--key', 'keys/release.pub'], { cwd: project });
    assert.equal(verify.status, 0, verify.stderr + verify.stdout);
    assert.match(verify.stdout, /pass {2}subject-digest {2}subject dist\/sbom\/hotpass-like-sbom\.json sha256:/);
  } finally {
    cleanup();
  }
});
