import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBundleValue } from '../../src/attest/bundle-parse.js';
import { attestStatement, signArtifact } from '../../src/attest/sign.js';
import { parseTrustedRoot } from '../../src/attest/trusted-root.js';
import { verifyBundle } from '../../src/attest/verify.js';
import { ChainwardenError } from '../../src/core/errors.js';
import { GITHUB_CLAIMS, fakeJwt, startFakeSigstore } from '../helpers/fake-sigstore.js';

const identity = { subject: GITHUB_CLAIMS.sub, issuer: GITHUB_CLAIMS.iss };

test('keyless: a token from GitHub Actions, a Fulcio certificate, a Rekor entry and a TSA timestamp; verifies against the matching root', async () => {
  const token = fakeJwt(GITHUB_CLAIMS);
  const fake = await startFakeSigstore({ actionsToken: token });
  try {
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: `${fake.url}/actions/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'actions-request-token' };
    const data = Buffer.from('release artefact\n');
    const json = await signArtifact(data, { keyless: true, env, fulcioUrl: fake.url, rekorUrl: fake.url, tsaUrl: fake.url, timeoutMs: 5000 });
    assert.equal(json.mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json');
    assert.ok(json.verificationMaterial.certificate !== undefined, 'a single leaf certificate (v0.3)');
    assert.equal(json.verificationMaterial.tlogEntries?.length, 1);
    assert.equal(json.verificationMaterial.timestampVerificationData?.rfc3161Timestamps?.length, 1);
    assert.deepEqual([...new Set(fake.requests)].sort(), ['GET /actions/token', 'POST /api/v1/log/entries', 'POST /api/v1/timestamp', 'POST /api/v2/signingCert']);

    const trustedRoot = { root: await parseTrustedRoot(JSON.stringify(fake.trustedRoot), 'fake-root.json'), source: 'fake-root.json' };
    const bundle = await parseBundleValue(json, 'a.sigstore.json');
    const ok = await verifyBundle({ bundle, artifact: { data }, trustedRoot, identity: { ...identity, repository: 'acme/widget', ref: 'refs/heads/main', workflow: '.github/workflows/release.yml' } });
    assert.equal(ok.verified, true, JSON.stringify(ok.checks));
    assert.equal(ok.identity?.repository, 'acme/widget');
    assert.ok(ok.signedAt.length >= 1 && ok.signedAt.every((t) => Math.abs(Date.parse(t) - Date.now()) < 120_000), 'verified signing times (TSA, Rekor)');

    const wrongWorkflow = await verifyBundle({ bundle, artifact: { data }, trustedRoot, identity: { ...identity, workflow: '.github/workflows/other.yml' } });
    assert.equal(wrongWorkflow.failure?.name, 'github-workflow');
    const regexp = await verifyBundle({ bundle, artifact: { data }, trustedRoot, identity: { subjectRegexp: 'https://github\\.com/acme/.*', issuerRegexp: 'https://token\\.actions\\.githubusercontent\\.com' } });
    assert.equal(regexp.verified, true);
    const partial = await verifyBundle({ bundle, artifact: { data }, trustedRoot, identity: { subjectRegexp: 'acme', issuerRegexp: '.*' } });
    assert.equal(partial.failure?.name, 'identity', 'a regexp must match the whole subject');

    // Never relaxed: without its log entry or its timestamp the keyless bundle fails.
    const noLog = await parseBundleValue({ ...json, verificationMaterial: { ...json.verificationMaterial, tlogEntries: [] } }, 'nolog.json');
    assert.equal((await verifyBundle({ bundle: noLog, artifact: { data }, trustedRoot, identity })).failure?.name, 'log');
    const noTs = await parseBundleValue({ ...json, verificationMaterial: { ...json.verificationMaterial, tlogEntries: [], timestampVerificationData: { rfc3161Timestamps: [] } } }, 'nots.json');
    assert.equal((await verifyBundle({ bundle: noTs, artifact: { data }, trustedRoot, identity })).failure?.name, 'timestamp');
  } finally {
    await fake.close();
  }
});

test('keyless: attest builds a DSSE bundle logged as a dsse entry; the subject must match the artifact', async () => {
  const fake = await startFakeSigstore();
  try {
    const data = Buffer.from('the artefact');
    const { createHash } = await import('node:crypto');
    const statement = { _type: 'https://in-toto.io/Statement/v1', subject: [{ name: 'app', digest: { sha256: createHash('sha256').update(data).digest('hex') } }], predicateType: 'https://example.com/p/v1', predicate: {} };
    const json = await attestStatement(statement, { keyless: true, identityToken: fakeJwt(GITHUB_CLAIMS), env: {}, fulcioUrl: fake.url, rekorUrl: fake.url, tsaUrl: fake.url, timeoutMs: 5000 });
    assert.equal(json.dsseEnvelope?.payloadType, 'application/vnd.in-toto+json');
    const trustedRoot = { root: await parseTrustedRoot(JSON.stringify(fake.trustedRoot), 'fake-root.json'), source: 'fake' };
    const bundle = await parseBundleValue(json, 'att.json');
    const ok = await verifyBundle({ bundle, artifact: { data }, trustedRoot, identity });
    assert.equal(ok.verified, true, JSON.stringify(ok.checks));
    const other = await verifyBundle({ bundle, artifact: { data: Buffer.from('another artefact') }, trustedRoot, identity });
    assert.equal(other.failure?.name, 'subject-digest');
  } finally {
    await fake.close();
  }
});

test('keyless: no token anywhere is a usage error naming the sources; the token never appears in errors', async () => {
  await assert.rejects(signArtifact(Buffer.from('x'), { keyless: true, env: {} }), (e: unknown) => e instanceof ChainwardenError && e.code === 'USAGE' && /SIGSTORE_ID_TOKEN/.test(e.message));
  const token = fakeJwt({ ...GITHUB_CLAIMS, secret: 'do-not-print' });
  // Nothing listens on this port: Fulcio fails, and the message must not quote the token.
  await assert.rejects(
    signArtifact(Buffer.from('x'), { keyless: true, env: { SIGSTORE_ID_TOKEN: token }, fulcioUrl: 'http://127.0.0.1:9', rekorUrl: 'http://127.0.0.1:9', tsaUrl: 'http://127.0.0.1:9', timeoutMs: 2000 }),
    (e: unknown) => e instanceof ChainwardenError && e.code === 'SIGNING_FAILED' && !e.message.includes(token) && /Fulcio \(http:\/\/127\.0\.0\.1:9\)/.test(e.message),
  );
});
