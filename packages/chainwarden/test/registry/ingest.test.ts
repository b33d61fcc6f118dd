import assert from 'node:assert/strict';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateSigningKeyPair } from '../../src/attest/keys.js';
import { signArtifact } from '../../src/attest/sign.js';
import { ChainwardenError } from '../../src/core/errors.js';
import { checkChain } from '../../src/registry/audit-log.js';
import type { Registry } from '../../src/registry/database.js';
import { ingestSbom } from '../../src/registry/ingest/ingest.js';
import { listComponents, listVersions, showVersion, whereComponent } from '../../src/registry/queries.js';
import { addSupplier, removeSupplier } from '../../src/registry/suppliers.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { shared, tempDir } from '../helpers/shared.js';

const NOW = new Date('2025-06-01T12:00:00Z');

function bom(version: string, components: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, metadata: { timestamp: '2025-01-01T00:00:00Z', component: { type: 'application', name: 'widget', version, 'bom-ref': 'root' } }, components, ...extra });
}

const lib = (name: string, version: string | undefined, ref = `${name}@${version ?? ''}`): Record<string, unknown> => ({
  type: 'library',
  'bom-ref': ref,
  name,
  ...(version !== undefined ? { version, purl: `pkg:npm/${name}@${version}` } : {}),
});

async function counts(r: Registry): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['products', 'versions', 'documents', 'components', 'dependencies', 'quarantine'] as const) {
    const row = await r.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}

for (const backend of BACKENDS) {
  describe(`ingest (${backend})`, () => {
    it('verifies the signature, quarantines bad components, keeps the rest, is idempotent and links versions', async () => {
      const fresh = freshRegistry(backend);
      const tmp = tempDir();
      const r = await fresh.open();
      try {
        const pair = generateSigningKeyPair({ unencrypted: true });
        writeFileSync(join(tmp.dir, 'acme.key'), pair.privateKeyPem);
        await addSupplier(r, { name: 'acme', keys: [pair.publicKeyPem] }, 'tester', NOW);
        const v1 = join(tmp.dir, 'v1.json');
        writeFileSync(
          v1,
          bom('1.0.0', [lib('left-pad', '1.3.0'), lib('nover', undefined), lib('dup', '1.0.0', 'same'), lib('dup2', '2.0.0', 'same'), { ...lib('badpurl', '1.0.0'), purl: 'npm:badpurl' }, { type: 'not-a-type', name: 'weird', version: '1', 'bom-ref': 'weird' }], {
            dependencies: [{ ref: 'root', dependsOn: ['left-pad@1.3.0', 'ghost'] }],
          }),
        );
        const bundle = await signArtifact(Buffer.from((await import('node:fs')).readFileSync(v1)), { key: join(tmp.dir, 'acme.key') });
        writeFileSync(join(tmp.dir, 'v1.sigstore.json'), JSON.stringify(bundle));
        const first = await ingestSbom(r, { file: v1, display: 'v1.json', supplier: 'acme', bundle: { file: join(tmp.dir, 'v1.sigstore.json'), display: 'v1.sigstore.json' }, actor: 'tester', now: NOW });
        assert.equal(first.status, 'ingested');
        assert.equal(first.signature, 'verified');
        assert.equal(first.signer?.key, pair.hint);
        assert.deepEqual([first.product, first.version], ['widget', '1.0.0']);
        assert.deepEqual(first.quality.components, { total: 6, kept: 2, quarantined: 4 });
        assert.deepEqual(first.quality.reasons, { 'missing-version': 1, 'duplicate-bom-ref': 1, 'invalid-purl': 1, schema: 1 });
        assert.deepEqual(first.quality.dependencies, { edges: 1, dangling: 1 });
        const again = await ingestSbom(r, { file: v1, display: 'v1.json', supplier: 'acme', actor: 'tester', now: NOW });
        assert.equal(again.status, 'already-ingested');
        assert.deepEqual(await counts(r), { products: 1, versions: 1, documents: 1, components: 2, dependencies: 1, quarantine: 4 });

        const v2 = join(tmp.dir, 'v2.json');
        writeFileSync(v2, bom('1.1.0', [lib('left-pad', '1.3.1')]));
        const second = await ingestSbom(r, { file: v2, display: 'v2.json', supplier: 'acme', allowUnsigned: true, actor: 'tester', now: NOW });
        assert.equal(second.signature, 'unsigned');
        assert.equal(second.previousVersion, '1.0.0');
        const versions = await listVersions(r, 'widget');
        assert.deepEqual(versions.map((v) => [v.version, v.previous, v.signature, v.components, v.quarantined]), [
          ['1.0.0', null, 'verified', 2, 4],
          ['1.1.0', '1.0.0', 'unsigned', 1, 0],
        ]);
        assert.deepEqual((await listComponents(r, 'widget')).components.map((c) => c.purl), ['pkg:npm/left-pad@1.3.1']);
        const detail = await showVersion(r, 'widget', '1.0.0');
        assert.equal(detail.signer.key, pair.hint);
        assert.equal(detail.quarantine.length, 4);
        assert.deepEqual((await whereComponent(r, 'pkg:npm/left-pad')).map((w) => `${w.product}@${w.version}:${w.componentVersion ?? ''}`), ['widget@1.0.0:1.3.0', 'widget@1.1.0:1.3.1']);
        assert.deepEqual((await whereComponent(r, 'pkg:npm/left-pad@1.3.1')).map((w) => w.version), ['1.1.0']);
        const chain = await checkChain(r);
        assert.equal(chain.broken, undefined);
        assert.deepEqual((await r.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((a) => a.action), ['supplier-add', 'ingest', 'ingest']);
        await assert.rejects(removeSupplier(r, 'acme', 'tester', NOW), /has ingested products/u);
      } finally {
        await r.close();
        await fresh.cleanup();
        tmp.cleanup();
      }
    });

    it('rejections store nothing but an audit entry: bad signature (exit 1), unsigned, truncated, XXE, wrong spec version, deep nesting, not an SBOM', async () => {
      const fresh = freshRegistry(backend);
      const tmp = tempDir();
      const r = await fresh.open();
      try {
        const pair = generateSigningKeyPair({ unencrypted: true });
        writeFileSync(join(tmp.dir, 'k.key'), pair.privateKeyPem);
        await addSupplier(r, { name: 'acme', keys: [pair.publicKeyPem] }, 'tester', NOW);
        const other = join(tmp.dir, 'other.json');
        writeFileSync(other, bom('9', []));
        writeFileSync(join(tmp.dir, 'other.sigstore.json'), JSON.stringify(await signArtifact(Buffer.from(bom('9', [])), { key: join(tmp.dir, 'k.key') })));
        const good = join(tmp.dir, 'good.json');
        writeFileSync(good, bom('1', [lib('a', '1')]));
        const before = await counts(r);
        const cases: [string, string, string | undefined, string][] = [
          ['bundle for another file', good, join(tmp.dir, 'other.sigstore.json'), 'SIGNATURE_REJECTED:1'],
          ['unsigned without --allow-unsigned', good, undefined, 'USAGE:2'],
          ['truncated JSON', 'truncated.json', undefined, 'SBOM_INVALID:2'],
          ['XXE', 'xxe.xml', undefined, 'SBOM_INVALID:2'],
          ['wrong spec version', 'wrong.json', undefined, 'SBOM_INVALID:2'],
          ['deep nesting', 'deep.json', undefined, 'SBOM_INVALID:2'],
          ['not an SBOM', 'package.json', undefined, 'SBOM_INVALID:2'],
          ['a 200 MB file', 'huge.json', undefined, 'SBOM_INVALID:2'],
        ];
        // Sparse: 200 MB on paper, refused by its size before anything reads it.
        writeFileSync(join(tmp.dir, 'huge.json'), '{');
        truncateSync(join(tmp.dir, 'huge.json'), 200 * 1024 * 1024);
        writeFileSync(join(tmp.dir, 'truncated.json'), bom('1', [lib('a', '1')]).slice(0, 80));
        writeFileSync(join(tmp.dir, 'xxe.xml'), '<?xml version="1.0"?>\n<!DOCTYPE bom [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components><component type="library"><name>&xxe;</name><version>1</version></component></components></bom>');
        writeFileSync(join(tmp.dir, 'wrong.json'), JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '9.9', version: 1, components: [] }));
        writeFileSync(join(tmp.dir, 'deep.json'), `{"bomFormat":"CycloneDX","specVersion":"1.6","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
        writeFileSync(join(tmp.dir, 'package.json'), '{"name":"x","version":"1.0.0"}');
        for (const [what, file, bundle, expected] of cases) {
          const path = file.startsWith('/') ? file : join(tmp.dir, file);
          await assert.rejects(
            ingestSbom(r, { file: path, display: what, supplier: 'acme', ...(bundle !== undefined ? { bundle: { file: bundle, display: 'b.json' } } : { allowUnsigned: what !== 'unsigned without --allow-unsigned' }), actor: 'tester', now: NOW }),
            (error: unknown) => {
              assert.ok(error instanceof ChainwardenError, what);
              assert.equal(`${error.code}:${error.exitCode}`, expected, `${what}: ${error.message}`);
              return true;
            },
          );
        }
        assert.deepEqual(await counts(r), before);
        const audit = await r.db.selectFrom('audit_log').select(['action', 'subject']).orderBy('seq').execute();
        assert.deepEqual(audit.map((a) => a.action), ['supplier-add', ...cases.map(() => 'reject')]);
        assert.equal((await checkChain(r)).broken, undefined);
        // Tampering with a stored entry is found, and named.
        await r.db.updateTable('audit_log').set({ subject: 'rewritten' }).where('seq', '=', 3).execute();
        const chain = await checkChain(r);
        assert.equal(chain.broken?.seq, 3);
        assert.match(chain.broken?.reason ?? '', /altered/u);
      } finally {
        await r.close();
        await fresh.cleanup();
        tmp.cleanup();
      }
    });

    it('real supplier SBOMs: stored component counts match the files (kept + quarantined = components in the file)', async () => {
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        const files = ['vex/cyclonedx-bom-examples/SBOM/keycloak-10.0.2/bom.json', 'vex/cyclonedx-bom-examples/SBOM/juice-shop/via_npm/flat/bom.1.4.json', 'corpus/anchor-sboms/cdxgen-12.8.4/python-uv-hotpass.json'];
        for (const f of files) {
          const result = await ingestSbom(r, { file: shared(...f.split('/')), display: f, actor: 'tester', now: NOW, product: f });
          const doc = JSON.parse((await import('node:fs')).readFileSync(shared(...f.split('/')), 'utf8')) as { components?: { components?: unknown[] }[] };
          const flat = (list: { components?: unknown[] }[] | undefined): number => (list ?? []).reduce((n, c) => n + 1 + flat(c.components as { components?: unknown[] }[] | undefined), 0);
          assert.equal(result.quality.components.total, flat(doc.components), f);
          const stored = await r.db.selectFrom('versions').select(['component_count', 'quarantined_count']).where('document_sha256', '=', result.sha256).executeTakeFirstOrThrow();
          assert.equal(Number(stored.component_count) + Number(stored.quarantined_count), flat(doc.components), f);
          assert.ok(Number(stored.component_count) > 0, f);
        }
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });
  });
}
