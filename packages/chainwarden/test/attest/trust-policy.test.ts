import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SerializedBundle } from '@sigstore/bundle';
import { parseBundleValue } from '../../src/attest/bundle-parse.js';
import { generateSigningKeyPair } from '../../src/attest/keys.js';
import { signArtifact } from '../../src/attest/sign.js';
import { parseTrustPolicy } from '../../src/attest/trust-policy.js';
import { verifyWithTrustPolicy } from '../../src/attest/trust-policy-verify.js';
import { parseTrustedRoot } from '../../src/attest/trusted-root.js';
import { ChainwardenError } from '../../src/core/errors.js';
import { GITHUB_CLAIMS, fakeJwt, startFakeSigstore } from '../helpers/fake-sigstore.js';
import { tempDir } from '../helpers/shared.js';

const data = Buffer.from('supplier SBOM bytes');
const past = '2020-01-01T00:00:00Z';
const future = '2999-01-01T00:00:00Z';

async function fixture(): Promise<{ dir: string; cleanup: () => void; keyBundle: SerializedBundle; offlineBundle: SerializedBundle; keylessBundle: SerializedBundle; root: Awaited<ReturnType<typeof parseTrustedRoot>> }> {
  const { dir, cleanup } = tempDir();
  const fake = await startFakeSigstore();
  try {
    const pair = generateSigningKeyPair({ password: 'pw' });
    writeFileSync(join(dir, 'acme.key'), pair.privateKeyPem);
    writeFileSync(join(dir, 'acme.pub'), pair.publicKeyPem);
    writeFileSync(join(dir, 'other.pub'), generateSigningKeyPair({ unencrypted: true }).publicKeyPem);
    const env = { CHAINWARDEN_KEY_PASSWORD: 'pw' };
    const urls = { rekorUrl: fake.url, tsaUrl: fake.url, fulcioUrl: fake.url, timeoutMs: 5000 };
    const keyBundle = await signArtifact(data, { key: join(dir, 'acme.key'), env, tlogUpload: true, ...urls });
    const offlineBundle = await signArtifact(data, { key: join(dir, 'acme.key'), env });
    const keylessBundle = await signArtifact(data, { keyless: true, identityToken: fakeJwt(GITHUB_CLAIMS), env: {}, ...urls });
    const root = await parseTrustedRoot(JSON.stringify(fake.trustedRoot), 'root.json');
    return { dir, cleanup, keyBundle, offlineBundle, keylessBundle, root };
  } finally {
    await fake.close();
  }
}

test('trust policy: keys with validity windows and revocation; identities with GitHub claims; every verdict names its check', async () => {
  const f = await fixture();
  try {
    const trustedRoot = { root: f.root, source: 'root.json' };
    const verdict = async (yaml: string, bundle: SerializedBundle, supplier = 'acme'): Promise<string> => {
      const policy = await parseTrustPolicy(yaml, 'trust.yaml', f.dir);
      const r = await verifyWithTrustPolicy({ bundle: await parseBundleValue(bundle, 'b.json'), artifact: { data }, trustedRoot, policy, supplier });
      return r.verified ? `verified(${r.matched ?? ''})` : `${r.failure?.name ?? '?'}`;
    };
    const keys = (extra = ''): string => `suppliers:\n  acme:\n    keys:\n      - key: other.pub\n      - key: acme.pub\n${extra}`;
    assert.equal(await verdict(keys(), f.keyBundle), 'verified(suppliers.acme.keys[1])');
    assert.equal(await verdict(keys(`        valid_from: ${past}\n        valid_until: ${future}\n`), f.keyBundle), 'verified(suppliers.acme.keys[1])');
    assert.equal(await verdict(keys(`        valid_from: ${future}\n`), f.keyBundle), 'validity-window');
    assert.equal(await verdict(keys(`        valid_until: ${past}\n`), f.keyBundle), 'validity-window');
    // A window needs a trusted time: the offline bundle has none.
    assert.equal(await verdict(keys(`        valid_from: ${past}\n`), f.offlineBundle), 'validity-window');
    assert.equal(await verdict(keys(), f.offlineBundle), 'verified(suppliers.acme.keys[1])');
    assert.equal(await verdict(`${keys()}    revoked:\n      - key: acme.pub\n        reason: leaked\n`, f.keyBundle), 'revocation');
    assert.equal(await verdict(`${keys()}    revoked:\n      - key: acme.pub\n        since: ${future}\n`, f.keyBundle), 'verified(suppliers.acme.keys[1])');
    assert.equal(await verdict(`${keys()}    revoked:\n      - key: acme.pub\n        since: ${past}\n`, f.keyBundle), 'revocation');
    assert.equal(await verdict('suppliers:\n  acme:\n    keys:\n      - key: other.pub\n', f.keyBundle), 'signature');

    const ids = (extra = ''): string =>
      `suppliers:\n  acme:\n    identities:\n      - issuer: https://accounts.google.com\n        subject: someone@example.com\n      - issuer: ${GITHUB_CLAIMS.iss}\n        subject_regexp: https://github\\.com/acme/widget/.*\n        repository: acme/widget\n${extra}`;
    assert.equal(await verdict(ids(), f.keylessBundle), 'verified(suppliers.acme.identities[1])');
    assert.equal(await verdict(ids(`        valid_until: ${past}\n`), f.keylessBundle), 'validity-window');
    assert.equal(await verdict(`${ids()}    revoked:\n      - subject: ${GITHUB_CLAIMS.sub}\n        issuer: ${GITHUB_CLAIMS.iss}\n`, f.keylessBundle), 'revocation');
    assert.equal(await verdict(ids().replace('repository: acme/widget', 'repository: acme/fork'), f.keylessBundle), 'identity', 'the first candidate\'s failure is reported');
    assert.equal(await verdict(ids(), f.keyBundle), 'key', 'a key bundle against a supplier with identities only');
  } finally {
    f.cleanup();
  }
});

test('trust policy: malformed policies are rejected naming the file and key path', async () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'a.pub'), generateSigningKeyPair({ unencrypted: true }).publicKeyPem);
    const error = async (yaml: string): Promise<string> => {
      try {
        await parseTrustPolicy(yaml, 'trust.yaml', dir);
        return 'accepted';
      } catch (e) {
        assert.ok(e instanceof ChainwardenError);
        return `${e.code} ${e.message}`;
      }
    };
    assert.match(await error('suppliers:\n  acme:\n    keys:\n      - key: a.pub\n        valid_form: 2024-01-01\n'), /^TRUST_POLICY_INVALID trust\.yaml \(at suppliers\.acme\.keys\[0\]\.valid_form\): .*unknown key "valid_form"/);
    assert.match(await error('suppliers:\n  acme:\n    identities:\n      - issuer: x\n'), /suppliers\.acme\.identities\[0\].*`subject` or `subject_regexp`/);
    assert.match(await error('suppliers:\n  acme:\n    keys:\n      - key: a.pub\n        valid_from: tomorrow\n'), /valid_from.*RFC 3339/);
    assert.match(await error('suppliers:\n  acme:\n    keys:\n      - key: a.pub\n        valid_from: 2025-01-01T00:00:00Z\n        valid_until: 2024-01-01T00:00:00Z\n'), /valid_until is before valid_from/);
    assert.match(await error('suppliers:\n  acme: {}\n'), /at least one identity or key/);
    assert.match(await error('suppliers: [\n'), /^TRUST_POLICY_INVALID trust\.yaml:\d+:\d+: invalid YAML/);
    assert.match(await error('suppliers:\n  acme:\n    keys:\n      - key: missing.pub\n'), /^IO trust\.yaml \(at suppliers\.acme\.keys\[0\]\.key\): cannot read missing\.pub/);
    assert.match(await error('suppliers:\n  acme:\n    identities:\n      - issuer: x\n        subject_regexp: "("\n'), /subject_regexp.*invalid regular expression/);
  } finally {
    cleanup();
  }
});
