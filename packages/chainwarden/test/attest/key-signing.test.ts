import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPublicKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import { bundleFromJSON } from '@sigstore/bundle';
import { parseBundleValue } from '../../src/attest/bundle-parse.js';
import { generateSigningKeyPair, keyHint, parsePrivateKey, parsePublicKey } from '../../src/attest/keys.js';
import { attestStatement, signArtifact } from '../../src/attest/sign.js';
import { embeddedPublicGoodRoot } from '../../src/attest/trusted-root.js';
import { verifyBundle } from '../../src/attest/verify.js';
import { ChainwardenError } from '../../src/core/errors.js';
import { tempDir } from '../helpers/shared.js';

function keyFiles(dir: string, password = 'correct horse'): { key: string; pub: string; hint: string } {
  const pair = generateSigningKeyPair({ password });
  writeFileSync(join(dir, 'k.key'), pair.privateKeyPem);
  writeFileSync(join(dir, 'k.pub'), pair.publicKeyPem);
  return { key: join(dir, 'k.key'), pub: join(dir, 'k.pub'), hint: pair.hint };
}

test('keys: encrypted PKCS#8 P-256; the hint is base64(sha256(SPKI DER)); wrong or missing password and corrupt keys are typed errors', () => {
  const pair = generateSigningKeyPair({ password: 'pw' });
  assert.match(pair.privateKeyPem, /^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
  assert.match(pair.publicKeyPem, /^-----BEGIN PUBLIC KEY-----/);
  const spki = createPublicKey(pair.publicKeyPem).export({ type: 'spki', format: 'der' });
  assert.equal(pair.hint, createHash('sha256').update(spki).digest('base64'));
  const key = parsePrivateKey(pair.privateKeyPem, 'k.key', 'pw');
  assert.equal(key.asymmetricKeyDetails?.namedCurve, 'prime256v1');
  assert.equal(keyHint(key), pair.hint);
  const code = (fn: () => unknown): string => {
    try {
      fn();
      return 'none';
    } catch (error) {
      assert.ok(error instanceof ChainwardenError);
      assert.ok(!error.message.includes('PRIVATE KEY'), 'the key never appears in a message');
      return `${error.code}:${error.exitCode}`;
    }
  };
  assert.equal(code(() => parsePrivateKey(pair.privateKeyPem, 'k.key', 'wrong')), 'KEY_PASSWORD:2');
  assert.equal(code(() => parsePrivateKey(pair.privateKeyPem, 'k.key', undefined)), 'KEY_PASSWORD:2');
  const corrupt = pair.privateKeyPem.replace(/\n[A-Za-z0-9+/]{10}/, '\nAAAAAAAAAA');
  assert.equal(code(() => parsePrivateKey(corrupt, 'k.key', 'pw')), 'KEY_PASSWORD:2');
  assert.equal(code(() => parsePrivateKey(generateSigningKeyPair({ unencrypted: true }).privateKeyPem.replace(/\n[A-Za-z0-9+/]{20}/, '\n'), 'k.key', undefined)), 'KEY_INVALID:2');
  assert.equal(code(() => parsePublicKey('hello', 'k.pub')), 'KEY_INVALID:2');
  assert.equal(code(() => parsePublicKey(pair.publicKeyPem.replace(/\n[A-Za-z0-9+/]{8}/, '\n'), 'k.pub')), 'KEY_INVALID:2');
  assert.equal(code(() => generateSigningKeyPair({})), 'USAGE:2', 'no password and no explicit --unencrypted');
  assert.match(generateSigningKeyPair({ unencrypted: true }).privateKeyPem, /^-----BEGIN PRIVATE KEY-----/);
  assert.equal(JSON.stringify(key).includes('BEGIN'), false);
});

test('sign --key: a v0.3 message-signature bundle with cosign\'s hint; we verify it, and so does @sigstore/verify on its own', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const k = keyFiles(dir);
    const env = { CHAINWARDEN_KEY_PASSWORD: 'correct horse' };
    const data = Buffer.from('artefact bytes\n');
    const json = await signArtifact(data, { key: k.key, env });
    assert.equal(json.mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json');
    assert.equal(json.verificationMaterial.publicKey?.hint, k.hint);
    assert.equal(json.messageSignature?.messageDigest?.digest, createHash('sha256').update(data).digest('base64'));

    const pub = parsePublicKey((await import('node:fs')).readFileSync(k.pub, 'utf8'), 'k.pub');
    const trustedRoot = await embeddedPublicGoodRoot();
    const ours = await verifyBundle({ bundle: await parseBundleValue(json, 'b.json'), artifact: { data }, trustedRoot, key: pub });
    assert.equal(ours.verified, true);
    assert.equal((await verifyBundle({ bundle: await parseBundleValue(json, 'b.json'), artifact: { data: Buffer.from('other') }, trustedRoot, key: pub })).failure?.name, 'signature');
    const required = await verifyBundle({ bundle: await parseBundleValue(json, 'b.json'), artifact: { data }, trustedRoot, key: pub, requireTlog: true });
    assert.equal(required.failure?.name, 'log');
    const otherKey = parsePublicKey(generateSigningKeyPair({ unencrypted: true }).publicKeyPem, 'o.pub');
    assert.equal((await verifyBundle({ bundle: await parseBundleValue(json, 'b.json'), artifact: { data }, trustedRoot, key: otherKey })).failure?.name, 'signature');

    // Independently: sigstore-js's verifier with the key behind the bundle's hint.
    const material = toTrustMaterial(trustedRoot.root, (hint) => {
      assert.equal(hint, k.hint);
      return { publicKey: pub, validFor: () => true };
    });
    const independent = new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
    assert.doesNotThrow(() => independent.verify(toSignedEntity(bundleFromJSON(json), data)));
    assert.throws(() => independent.verify(toSignedEntity(bundleFromJSON(json), Buffer.from('other'))));
  } finally {
    cleanup();
  }
});

test('attest --key: a DSSE bundle (in-toto payload type, keyid = hint); the subject digest binds it to the artifact, which sigstore-js alone does not check', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const k = keyFiles(dir);
    const data = Buffer.from('the artefact');
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'app.tgz', digest: { sha256: createHash('sha256').update(data).digest('hex') } }],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: {},
    };
    const json = await attestStatement(statement, { key: k.key, env: { CHAINWARDEN_KEY_PASSWORD: 'correct horse' } });
    assert.equal(json.dsseEnvelope?.payloadType, 'application/vnd.in-toto+json');
    assert.equal(json.dsseEnvelope?.signatures[0]?.keyid, k.hint);
    const pub = parsePublicKey((await import('node:fs')).readFileSync(k.pub, 'utf8'), 'k.pub');
    const trustedRoot = await embeddedPublicGoodRoot();
    const bundle = await parseBundleValue(json, 'att.json');
    assert.equal((await verifyBundle({ bundle, artifact: { data }, trustedRoot, key: pub })).verified, true);
    const wrong = await verifyBundle({ bundle, artifact: { data: Buffer.from('a different artefact') }, trustedRoot, key: pub });
    assert.equal(wrong.verified, false);
    assert.equal(wrong.failure?.name, 'subject-digest');
    // sigstore-js verifies the same envelope for the wrong artefact: the subject check is ours.
    const material = toTrustMaterial(trustedRoot.root, () => ({ publicKey: pub, validFor: () => true }));
    assert.doesNotThrow(() => new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(toSignedEntity(bundleFromJSON(json))));
    const byDigest = await verifyBundle({ bundle, artifact: { digest: { algorithm: 'sha256', hex: statement.subject[0]?.digest.sha256 ?? '' } }, trustedRoot, key: pub });
    assert.equal(byDigest.verified, true);
  } finally {
    cleanup();
  }
});
