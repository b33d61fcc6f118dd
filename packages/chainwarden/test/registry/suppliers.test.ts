import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateSigningKeyPair, keyHint, parsePublicKey } from '../../src/attest/keys.js';
import { RegistryError } from '../../src/core/errors.js';
import { addSupplier, importSuppliers, listSuppliers, removeSupplier, showSupplier, supplierTrust } from '../../src/registry/suppliers.js';
import { copyExample, runCli } from '../helpers/cli.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { tempDir } from '../helpers/shared.js';

const NOW = new Date('2025-06-01T00:00:00Z');

for (const backend of BACKENDS) {
  describe(`suppliers (${backend})`, () => {
    it('add keys and keyless identities (exact subject or regexp), import a trust policy with key files inlined, remove', async () => {
      const fresh = freshRegistry(backend);
      const tmp = tempDir();
      const r = await fresh.open();
      try {
        const a = generateSigningKeyPair({ unencrypted: true });
        const b = generateSigningKeyPair({ unencrypted: true });
        await addSupplier(r, { name: 'acme', keys: [a.publicKeyPem], identities: [{ subject: 'https://github\\.com/acme/.*', issuer: 'https://token.actions.githubusercontent.com' }] }, 't', NOW);
        const added = await addSupplier(r, { name: 'acme', identities: [{ subject: 'release@acme.example', issuer: 'https://accounts.google.com' }] }, 't', NOW);
        assert.deepEqual([added.keys, added.identities], [1, 2]);
        assert.deepEqual(added.trust['identities'], [
          { issuer: 'https://token.actions.githubusercontent.com', subject_regexp: 'https://github\\.com/acme/.*' },
          { issuer: 'https://accounts.google.com', subject: 'release@acme.example' },
        ]);
        const { supplier } = await supplierTrust(r, 'acme');
        assert.equal(keyHint(supplier.keys[0]?.key ?? parsePublicKey(b.publicKeyPem, 'x')), a.hint);
        assert.equal(supplier.identities[0]?.policy.subjectRegexp, 'https://github\\.com/acme/.*');

        writeFileSync(join(tmp.dir, 'b.pub'), b.publicKeyPem);
        writeFileSync(join(tmp.dir, 'trust.yaml'), 'suppliers:\n  globex:\n    keys:\n      - key: b.pub\n        valid_until: 2030-01-01T00:00:00Z\n');
        const imported = await importSuppliers(r, join(tmp.dir, 'trust.yaml'), 'trust.yaml', 't', NOW);
        assert.deepEqual(imported.map((s) => [s.name, s.keys]), [['globex', 1]]);
        const globex = await showSupplier(r, 'globex');
        assert.deepEqual(globex.trust['keys'], [{ pem: b.publicKeyPem, valid_until: '2030-01-01T00:00:00Z' }]);
        assert.deepEqual((await listSuppliers(r)).map((s) => s.name), ['acme', 'globex']);

        await assert.rejects(addSupplier(r, { name: 'bad name!', keys: [a.publicKeyPem] }, 't', NOW), /invalid supplier name/u);
        await assert.rejects(addSupplier(r, { name: 'x', keys: ['not a pem'] }, 't', NOW), (e: unknown) => e instanceof Error && 'code' in e && e.code === 'KEY_INVALID');
        await removeSupplier(r, 'globex', 't', NOW);
        await assert.rejects(showSupplier(r, 'globex'), (e: unknown) => e instanceof RegistryError && e.code === 'REGISTRY_NOT_FOUND');
        const actions = await r.db.selectFrom('audit_log').select('action').orderBy('seq').execute();
        assert.deepEqual(actions.map((x) => x.action), ['supplier-add', 'supplier-add', 'supplier-import', 'supplier-remove']);
      } finally {
        await r.close();
        await fresh.cleanup();
        tmp.cleanup();
      }
    });
  });
}

describe('chainwarden run: the registry stage', () => {
  it("ingests the project's own SBOM first party, and a second run finds it already there", () => {
    const tmp = tempDir();
    try {
      const project = copyExample(tmp.dir);
      const first = runCli(['run', project, '--json']);
      const stage = (out: string) => (JSON.parse(out) as { stages: { stage: string; status: string; detail: string }[] }).stages.find((s) => s.stage === 'registry');
      assert.match(stage(first.stdout)?.detail ?? '', /^hotpass-like@0\.3\.0 ingested \(\d+ components\)$/u);
      const second = runCli(['run', project, '--json']);
      assert.equal(stage(second.stdout)?.detail, 'hotpass-like@0.3.0 already in the registry');
      const products = runCli(['registry', 'products', '--json', '--project-dir', project]);
      assert.deepEqual((JSON.parse(products.stdout) as { name: string; supplier: string | null }[]).map((p) => [p.name, p.supplier]), [['hotpass-like', null]]);
    } finally {
      tmp.cleanup();
    }
  });
});
