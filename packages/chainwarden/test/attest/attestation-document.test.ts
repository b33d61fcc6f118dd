import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readAttestations } from '../../src/attest/attestation-document.js';
import { InputError } from '../../src/core/errors.js';
import { shared } from '../helpers/shared.js';

const read = (rel: string): ReturnType<typeof readAttestations> => readAttestations(readFileSync(shared('conformance/sigstore', rel), 'utf8'), rel);

test('inspect: the npm registry document holds a publish attestation (Statement v0.1) and SLSA v1 provenance', () => {
  const [publish, provenance] = read('npm/provenance-npm-test-cli-v1-prega.tgz.json');
  assert.equal(publish?.location, 'attestations[0].bundle');
  assert.equal(publish?.wrapper, 'sigstore-bundle');
  assert.equal(publish?.statement?.version.label, 'v0.1');
  assert.equal(publish?.statement?.statement.predicateType, 'https://github.com/npm/attestation/tree/main/specs/publish/v0.1');
  assert.equal(publish?.provenance, undefined);
  assert.equal(provenance?.location, 'attestations[1].bundle');
  assert.equal(provenance?.bundleMediaType, 'application/vnd.dev.sigstore.bundle+json;version=0.2');
  assert.deepEqual(provenance?.provenance, {
    slsaVersion: 'v1',
    builderId: 'https://github.com/actions/runner/github-hosted',
    buildType: 'https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1',
    invocationId: 'https://github.com/sigstore/sigstore-js/actions/runs/9116405766/attempts/1',
    source: {
      uri: 'git+https://github.com/sigstore/sigstore-js@refs/heads/main',
      ref: 'refs/heads/main',
      digest: { gitCommit: '46e7056ff9912ebfee5298d94024895a9fea76c0' },
      entryPoint: '.github/workflows/release.yml',
    },
  });
  assert.deepEqual(provenance?.statement?.statement.subject, [
    { name: 'pkg:npm/sigstore@2.3.1', digest: { sha512: 'f06fbf5c353cc0db093904b9cac0d53b412d83dff6b80e6047d9786708a38e5c3105cad4e913dfc22dbe8c999b3fe029d47969fe75406843b8163db6fd22f681' } },
  ]);
});

test('inspect: slsa-github-generator JSON Lines hold SLSA v0.2 provenance in a Statement v0.1 (read as data, same facts)', () => {
  const all = read('slsa-github-generator/gha_generic-v2.1.0-binary-linux-amd64-workflow_dispatch.intoto.jsonl');
  assert.equal(all.length, 1);
  const a = all[0];
  assert.equal(a?.location, 'line 1');
  assert.equal(a?.statement?.version.label, 'v0.1');
  assert.equal(a?.provenance?.slsaVersion, 'v0.2');
  assert.equal(a?.provenance?.builderId, 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0');
  assert.equal(a?.provenance?.source?.uri, 'git+https://github.com/slsa-framework/example-package@refs/heads/main');
  assert.equal(a?.provenance?.source?.ref, 'refs/heads/main');
  assert.deepEqual(a?.provenance?.source?.digest, { sha1: '4d329c75e7ec1725f7c9ce917a8799d408d06be3' });
  assert.equal(a?.statement?.statement.subject[0]?.digest?.['sha256'], '376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa');
});

test('inspect: conformance bundles — DSSE provenance v1 and a bare message signature', () => {
  const [dsse] = read('conformance/happy-path-intoto-in-dsse-v3.sigstore.json');
  assert.equal(dsse?.wrapper, 'sigstore-bundle');
  assert.equal(dsse?.provenance?.builderId, 'https://github.com/loosebazooka/aa-test/.github/workflows/provenance.yaml@refs/heads/main');
  assert.equal(dsse?.statement?.statement.subject[0]?.digest?.['sha256'], 'a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf');
  const [message] = read('conformance/happy-path-v0.3.sigstore.json');
  assert.equal(message?.statement, undefined);
  assert.deepEqual(message?.messageDigest, { algorithm: 'sha256', digest: 'a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf' });
  // A re-serialised payload (the "invalidsigprov" case) still reads: reading is not verifying.
  const tampered = read('npm/provenance-npm-test-cli-v1-prega-invalidsigprov.tgz.json');
  assert.equal(tampered[1]?.provenance?.builderId, 'https://github.com/actions/runner/github-hosted');
});

test('inspect: malformed statements and envelopes are InputErrors with the JSON path at fault', () => {
  const bundle = JSON.parse(readFileSync(shared('conformance/sigstore/conformance/happy-path-intoto-in-dsse-v3.sigstore.json'), 'utf8')) as { dsseEnvelope: { payload: string } };
  const badPayload = structuredClone(bundle);
  badPayload.dsseEnvelope.payload = Buffer.from(JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'a' }], predicateType: 'x' })).toString('base64');
  const cases: [string, RegExp][] = [
    [JSON.stringify(badPayload), /b\.json \(at dsseEnvelope\.payload\.subject\[0\]\.digest\): invalid in-toto statement: a subject needs a digest/],
    [JSON.stringify({ ...bundle, dsseEnvelope: { ...bundle.dsseEnvelope, payload: '%%' } }), /\(at dsseEnvelope\.payload\): invalid DSSE envelope: not valid base64/],
    [JSON.stringify({ _type: 'https://in-toto.io/Statement/v9', subject: [], predicateType: 'x' }), /\(at _type\): .*unsupported statement type/],
    [JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ digest: { sha256: 'ab' } }], predicateType: 'https://slsa.dev/provenance/v1', predicate: { buildDefinition: {} } }), /\(at predicate\.buildDefinition\.buildType\): invalid SLSA provenance/],
    [JSON.stringify({ hello: 'world' }), /not an in-toto statement, a DSSE envelope/],
    ['{"_type": "https://in-toto.io/Statement/v1",', /^b\.json:1:\d+: invalid JSON/],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => readAttestations(text, 'b.json'), (e: unknown) => e instanceof InputError && e.exitCode === 2 && message.test(e.message), message.source);
  }
  const lines = `${JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ digest: { sha256: 'ab' } }], predicateType: 'x' })}\n{"oops": 1}\n`;
  assert.throws(() => readAttestations(lines, 'c.jsonl'), (e: unknown) => e instanceof InputError && /^c\.jsonl:2: not an in-toto statement/.test(e.message));
});
