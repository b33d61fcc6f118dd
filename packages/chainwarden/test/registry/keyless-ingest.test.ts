import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { signArtifact } from '../../src/attest/sign.js';
import { ingestSbom } from '../../src/registry/ingest/ingest.js';
import { showVersion } from '../../src/registry/queries.js';
import { addSupplier } from '../../src/registry/suppliers.js';
import { GITHUB_CLAIMS, fakeJwt, startFakeSigstore } from '../helpers/fake-sigstore.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { shared, tempDir } from '../helpers/shared.js';

const SBOM = shared('vex/cyclonedx-bom-examples/SBOM/cern-lhc-vdm-editor-e564943/bom.json');

for (const backend of BACKENDS) {
  describe(`keyless ingest (${backend})`, () => {
    it('a keyless bundle (local fake Fulcio/Rekor/TSA) verified against the supplier identity; the signer is stored; another identity is refused', async () => {
      const fresh = freshRegistry(backend);
      const tmp = tempDir();
      const fake = await startFakeSigstore();
      const r = await fresh.open();
      try {
        const data = readFileSync(SBOM);
        const urls = { rekorUrl: fake.url, tsaUrl: fake.url, fulcioUrl: fake.url, timeoutMs: 5000 };
        writeFileSync(join(tmp.dir, 'bom.sigstore.json'), JSON.stringify(await signArtifact(data, { keyless: true, identityToken: fakeJwt(GITHUB_CLAIMS), env: {}, ...urls })));
        writeFileSync(join(tmp.dir, 'root.json'), JSON.stringify(fake.trustedRoot));
        const options = { file: SBOM, display: 'bom.json', bundle: { file: join(tmp.dir, 'bom.sigstore.json'), display: 'bom.sigstore.json' }, trustedRoot: join(tmp.dir, 'root.json'), actor: 't' };
        await addSupplier(r, { name: 'other', identities: [{ subject: 'https://github\\.com/someone-else/.*', issuer: GITHUB_CLAIMS.iss }] }, 't');
        await assert.rejects(ingestSbom(r, { ...options, supplier: 'other' }), (e: unknown) => e instanceof Error && 'exitCode' in e && e.exitCode === 1);
        await addSupplier(r, { name: 'acme', identities: [{ subject: 'https://github\\.com/acme/widget/.*', issuer: GITHUB_CLAIMS.iss }] }, 't');
        const result = await ingestSbom(r, { ...options, supplier: 'acme' });
        assert.equal(result.signature, 'verified');
        assert.deepEqual(result.signer, { issuer: GITHUB_CLAIMS.iss, subject: GITHUB_CLAIMS.sub, repository: 'acme/widget' });
        const detail = await showVersion(r, result.product);
        assert.deepEqual(detail.signer, { issuer: GITHUB_CLAIMS.iss, subject: GITHUB_CLAIMS.sub, repository: 'acme/widget', key: null });
        assert.equal(detail.supplier, 'acme');
      } finally {
        await r.close();
        await fake.close();
        await fresh.cleanup();
        tmp.cleanup();
      }
    });
  });
}
