import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { parseDsseEnvelope } from '../../src/attest/dsse.js';
import { verifyDsseEnvelope } from '../../src/attest/dsse-verify.js';
import { parsePublicKey } from '../../src/attest/keys.js';
import { parseTrustPolicy } from '../../src/attest/trust-policy.js';
import { verifyWithTrustPolicy } from '../../src/attest/trust-policy-verify.js';
import { embeddedPublicGoodRoot } from '../../src/attest/trusted-root.js';
import { verifyBundle } from '../../src/attest/verify.js';
import { ChainwardenError } from '../../src/core/errors.js';
import { A_TXT, BEACON, GITHUB_ISSUER, bundleAt, bundleValue, rootAt, sig } from './fixtures.js';

const beacon = { subject: BEACON, issuer: GITHUB_ISSUER };

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChainwardenError) return error.code;
    throw error;
  }
  return 'no error';
}

test('MANIFEST conformance/: the valid bundles verify, with their named checks', async () => {
  const pg = await rootAt('common', 'public-good.trusted_root.json');
  const v03 = await verifyBundle({ bundle: await bundleAt('conformance', 'happy-path-v0.3.sigstore.json'), artifact: { data: A_TXT() }, trustedRoot: pg, identity: beacon });
  assert.equal(v03.verified, true, JSON.stringify(v03.failure));
  assert.deepEqual(
    v03.checks.map((c) => `${c.name}:${c.status}`),
    ['trusted-root:pass', 'timestamp:pass', 'certificate-chain:pass', 'log:pass', 'signature:pass', 'subject-digest:pass', 'identity:pass', 'issuer:pass'],
  );
  assert.equal(v03.identity?.repository, 'sigstore-conformance/extremely-dangerous-public-oidc-beacon');
  assert.equal(v03.identity?.ref, 'refs/heads/main');
  assert.equal(v03.signedAt.length, 1);

  const dsse = await bundleAt('conformance', 'happy-path-intoto-in-dsse-v3.sigstore.json');
  const ok = await verifyBundle({ bundle: dsse, artifact: { data: A_TXT() }, trustedRoot: pg, identity: beacon });
  assert.equal(ok.verified, true, JSON.stringify(ok.failure));
  assert.match(ok.checks.find((c) => c.name === 'subject-digest')?.detail ?? '', /sha256:a0cfc712/);
  const otherSan = await verifyBundle({ bundle: dsse, artifact: { data: A_TXT() }, trustedRoot: pg, identity: { ...beacon, subject: 'https://github.com/acme/x/.github/workflows/y.yml@refs/heads/main' } });
  assert.equal(otherSan.verified, false);
  assert.equal(otherSan.failure?.name, 'identity');
  const otherIssuer = await verifyBundle({ bundle: dsse, artifact: { data: A_TXT() }, trustedRoot: pg, identity: { ...beacon, issuer: 'https://accounts.google.com' } });
  assert.equal(otherIssuer.failure?.name, 'issuer');

  const managed = await bundleAt('conformance', 'managed-key-happy-path.sigstore.json');
  const key = parsePublicKey(readFileSync(sig('conformance', 'managed-key-happy-path.key.pub'), 'utf8'), 'key.pub');
  const keyed = await verifyBundle({ bundle: managed, artifact: { data: A_TXT() }, trustedRoot: pg, key });
  assert.equal(keyed.verified, true, JSON.stringify(keyed.failure));
  assert.equal((await verifyBundle({ bundle: managed, artifact: { data: A_TXT() }, trustedRoot: pg, key, requireTlog: true })).verified, true, 'it has a Rekor entry');

  const custom = await verifyBundle({
    bundle: await bundleAt('conformance', 'intoto-with-custom-trust-root.sigstore.json'),
    artifact: { data: readFileSync(sig('conformance', 'intoto-with-custom-trust-root.artifact')) },
    trustedRoot: await rootAt('conformance', 'intoto-with-custom-trust-root.trusted_root.json'),
    identity: { subjectRegexp: '.+', issuerRegexp: '.+' },
  });
  assert.equal(custom.verified, true, JSON.stringify(custom.failure));
});

test('MANIFEST conformance/: Rekor v2 DSSE verifies with its own root and not with the public-good root', async () => {
  const bundle = await bundleAt('conformance', 'rekor2-dsse-happy-path.sigstore.json');
  const own = await verifyBundle({ bundle, artifact: { data: A_TXT() }, trustedRoot: await rootAt('conformance', 'rekor2-dsse-happy-path.trusted_root.json'), identity: { subjectRegexp: '.+', issuerRegexp: '.+' } });
  assert.equal(own.verified, true, JSON.stringify(own.failure));
  const pg = await verifyBundle({ bundle, artifact: { data: A_TXT() }, trustedRoot: await rootAt('common', 'public-good.trusted_root.json'), identity: { subjectRegexp: '.+', issuerRegexp: '.+' } });
  assert.equal(pg.verified, false);
  assert.equal(pg.failure?.name, 'timestamp');
});

test('MANIFEST conformance/: every _fail bundle is rejected, each for its own reason', async () => {
  const pg = await rootAt('common', 'public-good.trusted_root.json');
  const run = async (name: string, identity = beacon, artifact = A_TXT()): Promise<string> => {
    try {
      const r = await verifyBundle({ bundle: await bundleAt('conformance', name), artifact: { data: artifact }, trustedRoot: pg, identity });
      return r.verified ? 'verified' : (r.failure?.name ?? '?');
    } catch (error) {
      if (error instanceof ChainwardenError) return error.code;
      throw error;
    }
  };
  assert.equal(await run('dsse-mismatch-envelope_fail.sigstore.json'), 'log');
  assert.equal(await run('message-digest-mismatch_fail.sigstore.json'), 'log');
  assert.equal(await run('bundle-unknown-version_fail.sigstore.json'), 'BUNDLE_INVALID');
  assert.equal(await run('integrated-time-in-future_fail.sigstore.json', { subject: 'untrusted-sa@sigstore-conformance.iam.gserviceaccount.com', issuer: 'https://accounts.google.com' }), 'certificate-chain');
  assert.equal(await run('wrong-material_fail.sigstore.json', beacon, readFileSync(sig('conformance', 'wrong-material_fail.artifact'))), 'signature');
  const rootCert = await verifyBundle({ bundle: await bundleAt('conformance', 'bundle-with-root-cert_fail.sigstore.json'), artifact: { data: A_TXT() }, trustedRoot: pg, identity: beacon });
  assert.equal(rootCert.failure?.name, 'certificate-chain');
  assert.match(rootCert.failure?.detail ?? '', /includes a root certificate \(O=sigstore\.dev, CN=sigstore\)/, 'rejected explicitly, not by accident');
  assert.equal(await rejection(Promise.resolve().then(() => parsePublicKey(readFileSync(sig('conformance', 'managed-key-wrong-key_fail.key.pub'), 'utf8'), 'key.pub'))), 'KEY_INVALID');
});

test('MANIFEST npm/: publish attestations verify with the npm registry key (its window), provenance with its identity; tampered ones fail', async () => {
  const pg = await rootAt('common', 'public-good.trusted_root.json');
  const npmKeys = JSON.parse(readFileSync(sig('common', 'npm-registry.keys.json'), 'utf8')) as { keys: { keyId: string; keyUsage: string; publicKey: { rawBytes: string; validFor: { start: string; end?: string } } }[] };
  const policyYaml = [
    'suppliers:',
    '  npm:',
    '    keys:',
    ...npmKeys.keys
      .filter((k) => k.keyUsage === 'npm:attestations')
      .flatMap((k) => {
        const pem = createPublicKey({ key: Buffer.from(k.publicKey.rawBytes, 'base64'), format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }).toString();
        return [
          `      - key_id: "${k.keyId}"`,
          `        valid_from: ${k.publicKey.validFor.start}`,
          ...(k.publicKey.validFor.end !== undefined ? [`        valid_until: ${k.publicKey.validFor.end}`] : []),
          '        pem: |',
          ...pem.trim().split('\n').map((l) => `          ${l}`),
        ];
      }),
    '    identities:',
    '      - issuer: https://token.actions.githubusercontent.com',
    '        subject: https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main',
    '        repository: sigstore/sigstore-js',
  ].join('\n');
  const policy = await parseTrustPolicy(policyYaml, 'npm-trust.yaml', '/nonexistent');
  const digest = { algorithm: 'sha512' as const, hex: 'f06fbf5c353cc0db093904b9cac0d53b412d83dff6b80e6047d9786708a38e5c3105cad4e913dfc22dbe8c999b3fe029d47969fe75406843b8163db6fd22f681' };
  const verdicts = async (file: string): Promise<string[]> => {
    const doc = JSON.parse(readFileSync(sig('npm', file), 'utf8')) as { attestations: { predicateType: string; bundle: unknown }[] };
    const out: string[] = [];
    for (const a of doc.attestations) {
      const r = await verifyWithTrustPolicy({ bundle: await bundleValue(a.bundle, file), artifact: { digest }, trustedRoot: pg, policy, supplier: 'npm' });
      out.push(`${a.predicateType.includes('publish') ? 'publish' : 'provenance'}:${r.verified ? 'valid' : `invalid(${r.failure?.name ?? '?'})`}`);
    }
    return out.sort();
  };
  assert.deepEqual(await verdicts('provenance-npm-test-cli-v1-prega.tgz.json'), ['provenance:valid', 'publish:valid']);
  assert.deepEqual(await verdicts('provenance-npm-test-cli-v1-prega-invalidsigprov.tgz.json'), ['provenance:invalid(log)', 'publish:valid']);
  assert.deepEqual(await verdicts('provenance-npm-test-cli-v1-prega-invalidsigpub.tgz.json'), ['provenance:valid', 'publish:invalid(log)']);
  // The wrong subject digest fails the subject check even though the signatures are good.
  const doc = JSON.parse(readFileSync(sig('npm', 'provenance-npm-test-cli-v1-prega.tgz.json'), 'utf8')) as { attestations: { bundle: unknown }[] };
  const wrong = await verifyWithTrustPolicy({ bundle: await bundleValue(doc.attestations[0]?.bundle, 'npm'), artifact: { digest: { ...digest, hex: '0'.repeat(128) } }, trustedRoot: pg, policy, supplier: 'npm' });
  assert.equal(wrong.failure?.name, 'subject-digest');
});

test('MANIFEST slsa-github-generator/: a v0.3 bundle with a Statement v0.1 and SLSA v0.2 verifies with the public-good root', async () => {
  const text = readFileSync(sig('slsa-github-generator', 'gha_generic-v2.1.0-binary-linux-amd64-workflow_dispatch.intoto.jsonl'), 'utf8').split('\n')[0] ?? '';
  const bundle = await bundleValue(JSON.parse(text), 'gha_generic.intoto.jsonl');
  const identity = { subject: 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.1.0', issuer: GITHUB_ISSUER };
  const artifact = { digest: { algorithm: 'sha256' as const, hex: '376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa' } };
  const r = await verifyBundle({ bundle, artifact, trustedRoot: await embeddedPublicGoodRoot(), identity });
  assert.equal(r.verified, true, JSON.stringify(r.failure));
  // The GitHub claims are the calling workflow's (the SAN is the reusable generator's).
  assert.equal(r.identity?.repository, 'slsa-framework/example-package');
  assert.equal(r.identity?.ref, 'refs/heads/main');
  assert.equal(r.identity?.workflow, '.github/workflows/verifier-e2e.all.workflow_dispatch.main.all.slsa3.yml');
  assert.deepEqual(r.signedAt, ['2025-02-25T21:58:50.000Z']);
  const claims = { repository: 'slsa-framework/example-package', ref: 'refs/heads/main', workflow: '.github/workflows/verifier-e2e.all.workflow_dispatch.main.all.slsa3.yml' };
  assert.equal((await verifyBundle({ bundle, artifact, trustedRoot: await embeddedPublicGoodRoot(), identity: { ...identity, ...claims } })).verified, true);
  const wrongRef = await verifyBundle({ bundle, artifact, trustedRoot: await embeddedPublicGoodRoot(), identity: { ...identity, ...claims, ref: 'refs/tags/v2.1.0' } });
  assert.equal(wrongRef.failure?.name, 'github-ref');
  const wrongRepo = await verifyBundle({ bundle, artifact, trustedRoot: await embeddedPublicGoodRoot(), identity: { ...identity, repository: 'acme/fork' } });
  assert.equal(wrongRepo.failure?.name, 'github-repository');
});

test('MANIFEST dsse/: the VSA with an IEEE-P1363 ECDSA signature verifies; every DSSE test vector gives its verdict', () => {
  const vsa = parseDsseEnvelope(JSON.parse(readFileSync(sig('dsse', 'gke-gce-pre.bcid-vsa.jsonl'), 'utf8').split('\n')[0] ?? ''), { file: 'vsa.jsonl' });
  const key = parsePublicKey(readFileSync(sig('dsse', 'vsa_signing_public_key.pem'), 'utf8'), 'vsa.pem');
  assert.equal(verifyDsseEnvelope(vsa, { keys: [{ id: 'vsa', key }] }).verified, true);
  const tampered = { ...vsa, payload: Buffer.from(`${Buffer.from(vsa.payload, 'base64').toString()} `).toString('base64') };
  assert.equal(verifyDsseEnvelope(tampered, { keys: [{ id: 'vsa', key }] }).verified, false);

  const doc = JSON.parse(readFileSync(sig('dsse', 'dsse-testvectors.vectors.json'), 'utf8')) as {
    keys: Record<string, { public: string }>;
    vectors: { id: string; envelope: unknown; trustedKeys: string[]; threshold: number; supportedPayloadTypes: string[]; pae: string; expect: 'accept' | 'reject' }[];
  };
  const ed25519 = (hex: string) => createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
  const results: string[] = [];
  for (const v of doc.vectors) {
    const envelope = parseDsseEnvelope(v.envelope, { file: v.id });
    const keys = v.trustedKeys.map((id) => ({ id, key: ed25519(doc.keys[id]?.public ?? '') }));
    const r = verifyDsseEnvelope(envelope, { keys, threshold: v.threshold, supportedPayloadTypes: v.supportedPayloadTypes });
    results.push(`${v.id}:${r.verified ? 'accept' : 'reject'}`);
  }
  assert.equal(doc.vectors.length, 9);
  assert.deepEqual(results, doc.vectors.map((v) => `${v.id}:${v.expect}`));
});

test('the public-good root shipped inside @sigstore/tuf is the one in ../shared, loaded offline', async () => {
  const embedded = await embeddedPublicGoodRoot();
  const file = await rootAt('common', 'public-good.trusted_root.json');
  assert.match(embedded.source, /^embedded: Sigstore public-good \(@sigstore\/tuf \d+\.\d+\.\d+\)$/);
  assert.deepEqual(embedded.root, file.root);
});

test('trusted roots: a validity window without a start is rejected naming the place (sigstore-js reads it as "forever")', async () => {
  const { readFileSync: read } = await import('node:fs');
  const { parseTrustedRoot } = await import('../../src/attest/trusted-root.js');
  const { shared } = await import('../helpers/shared.js');
  const text = read(shared('conformance', 'sigstore-conformance', 'bundle-verify', 'trust-root-tlog-missing-validity-start_fail', 'trusted_root.json'), 'utf8');
  await assert.rejects(parseTrustedRoot(text, 'trusted_root.json'), (e: unknown) => e instanceof ChainwardenError && e.code === 'TRUST_ROOT_INVALID' && e.exitCode === 2 && e.message.startsWith('trusted_root.json (at tlogs[1].publicKey.validFor.start): invalid trusted root: a validity window has no start'));
  const ok = read(sig('common', 'public-good.trusted_root.json'), 'utf8');
  await assert.rejects(parseTrustedRoot(ok.replace('"mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1"', '"mediaType": "x"'), 'r.json'), /unknown media type "x"/);
  await assert.rejects(parseTrustedRoot(ok.slice(0, 500), 'r.json'), /r\.json:\d+:\d+: invalid JSON/);
});
