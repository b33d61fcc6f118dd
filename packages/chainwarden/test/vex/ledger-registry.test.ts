import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { importAdvisories } from '../../src/advisories/import.js';
import { MemoryAdvisoryStore } from '../../src/advisories/memory-store.js';
import { generateSigningKeyPair } from '../../src/attest/keys.js';
import { signArtifact } from '../../src/attest/sign.js';
import { ChainwardenError } from '../../src/core/errors.js';
import { scanInRegistry } from '../../src/findings/registry-scan.js';
import type { Registry } from '../../src/registry/database.js';
import { ingestSbom } from '../../src/registry/ingest/ingest.js';
import { addSupplier } from '../../src/registry/suppliers.js';
import { importVex } from '../../src/registry/vex/import-vex.js';
import { listLedger, loadLedger } from '../../src/registry/vex/ledger-store.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { shared, tempDir } from '../helpers/shared.js';

const NOW = new Date('2026-06-01T12:00:00Z');
const DOC1 = shared('vex/openvex/vexctl/examples/openvex/document1.vex.json');
const DOC2 = shared('vex/openvex/vexctl/examples/openvex/document2.vex.json');
const GRYPE = (f: string): string => shared('vex/grype-testdata/grype/vex/testdata/vex-docs', f);
const CDX_BOM = shared('vex/cyclonedx-bom-examples/VEX/bom.json');
const CDX_VEX = shared('vex/cyclonedx-bom-examples/VEX/vex.json');
const CSAF_NA = shared('vex/csaf/csaf_2.0/examples/csaf/csaf_vex/2022-evd-uc-01-na-001.json');

const TABLES = ['vex_ledger', 'vex_ledger_statements', 'vex_documents', 'scans'] as const;
async function counts(r: Registry): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await r.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return out;
}

/** A first-party SBOM of real PyPI packages at versions the PyPA advisories name. */
function writeSbom(dir: string): string {
  const file = join(dir, 'shop.cdx.json');
  writeFileSync(
    file,
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      serialNumber: 'urn:uuid:0b6a1c59-3f43-4c36-9f43-5d8e0c1a2b3c',
      version: 1,
      metadata: { component: { type: 'application', name: 'shop', version: '1.0.0', 'bom-ref': 'root', purl: 'pkg:generic/shop@1.0.0' } },
      components: [
        { type: 'library', name: 'aiohttp', version: '3.8.3', purl: 'pkg:pypi/aiohttp@3.8.3', 'bom-ref': 'aiohttp' },
        { type: 'library', name: 'urllib3', version: '1.26.13', purl: 'pkg:pypi/urllib3@1.26.13', 'bom-ref': 'urllib3' },
      ],
      dependencies: [{ ref: 'root', dependsOn: ['aiohttp', 'urllib3'] }],
    }),
  );
  return file;
}

for (const backend of BACKENDS) {
  describe(`VEX ledger in the registry (${backend})`, () => {
    it('internal VEX: vexctl document1 + document2 → fixed (newest wins); importer recorded; the same bytes again are a no-op', async () => {
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        const a = await importVex(r, { file: DOC1, display: 'document1.vex.json', actor: 'alice', now: NOW });
        assert.deepEqual([a.status, a.origin, a.signature, a.statements, a.matched.length, a.unmatched.length], ['imported', 'internal', 'internal', 1, 0, 1]);
        assert.match(a.unmatched[0]?.reason ?? '', /no product in the registry yet \(kept: it applies when one appears\)/u);
        const b = await importVex(r, { file: DOC2, display: 'document2.vex.json', actor: 'bob', now: NOW });
        assert.equal(b.status, 'imported');
        const ledger = await loadLedger(r);
        const v = ledger.verdictFor(['CVE-1234-5678'], { component: { purl: 'pkg:apk/wolfi/bash@1.0.0' }, product: {} });
        assert.deepEqual([v?.status, v?.suppressed, v?.statement.file], ['fixed', true, 'document2.vex.json']);
        const before = await counts(r);
        const again = await importVex(r, { file: DOC2, display: 'again.json', actor: 'carol', now: NOW });
        assert.equal(again.status, 'already-in-ledger');
        assert.deepEqual(await counts(r), before);
        const list = await listLedger(r);
        assert.deepEqual(list.map((e) => [e.file, e.origin, e.signature, e.importedBy, e.statements]), [
          ['document1.vex.json', 'internal', 'internal', 'alice', 1],
          ['document2.vex.json', 'internal', 'internal', 'bob', 1],
        ]);
        const audit = await r.db.selectFrom('audit_log').select(['action', 'actor']).orderBy('seq').execute();
        assert.deepEqual(audit.map((x) => [x.action, x.actor]), [['vex-import', 'alice'], ['vex-import', 'bob']]);
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });

    it('grype demo1 and demo2 share an @id: both stored side by side (history of two versions), not de-duplicated', async () => {
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        await importVex(r, { file: GRYPE('openvex-demo1.json'), display: 'openvex-demo1.json', actor: 't', now: NOW });
        const second = await importVex(r, { file: GRYPE('openvex-demo2.json'), display: 'openvex-demo2.json', actor: 't', now: NOW });
        assert.equal(second.status, 'imported');
        assert.equal(second.history.length, 2);
        assert.equal(second.history[0]?.sha256 !== second.history[1]?.sha256, true);
        assert.equal((await counts(r))['vex_ledger'], 2);
        assert.equal((await loadLedger(r)).all().length, (await counts(r))['vex_ledger_statements']);
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });

    it('statements apply to findings that appear later: VEX first, then the product and the advisories; scans record it', async () => {
      const fresh = freshRegistry(backend);
      const tmp = tempDir();
      const r = await fresh.open();
      try {
        const vexFile = join(tmp.dir, 'triage.openvex.json');
        writeFileSync(
          vexFile,
          JSON.stringify({
            '@context': 'https://openvex.dev/ns/v0.2.0',
            '@id': 'https://example.com/vex/shop-1',
            author: 'shop security',
            timestamp: '2026-05-01T00:00:00Z',
            version: 1,
            statements: [
              { vulnerability: { name: 'PYSEC-2024-24' }, products: [{ '@id': 'pkg:generic/shop@1.0.0', subcomponents: [{ '@id': 'pkg:pypi/aiohttp' }] }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' },
              { vulnerability: { name: 'CVE-2023-43804' }, products: [{ '@id': 'pkg:pypi/urllib3@1.26.13' }], status: 'under_investigation' },
            ],
          }),
        );
        const imported = await importVex(r, { file: vexFile, display: 'triage.openvex.json', actor: 'alice', now: NOW });
        assert.deepEqual([imported.matched.length, imported.unmatched.length], [0, 2]);
        await ingestSbom(r, { file: writeSbom(tmp.dir), display: 'shop.cdx.json', actor: 'alice', now: NOW });
        const store = new MemoryAdvisoryStore();
        await importAdvisories([shared('advisories/pypa/vulns/aiohttp'), shared('advisories/pypa/vulns/urllib3')], store, { baseDir: tmp.dir });
        const scan = await scanInRegistry({ registry: r, store, target: { kind: 'product', product: 'shop' }, record: { actor: 'alice', now: NOW } });
        const aio = scan.report.findings.find((f) => f.vulnerability === 'CVE-2024-23334');
        assert.deepEqual([aio?.vex?.status, aio?.vex?.suppressed, aio?.vex?.justification], ['not_affected', true, 'vulnerable_code_not_in_execute_path']);
        const urllib = scan.report.findings.find((f) => f.vulnerability === 'CVE-2023-43804');
        assert.deepEqual([urllib?.vex?.status, urllib?.vex?.suppressed], ['under_investigation', false]);
        assert.equal(scan.report.counts.suppressed, 1);
        assert.equal(scan.report.sbom, 'registry:shop@1.0.0');
        assert.ok(scan.scanId !== undefined);
        const row = await r.db.selectFrom('scans').selectAll().executeTakeFirstOrThrow();
        assert.deepEqual([row.product, row.product_version, row.sbom, row.scanned_by], ['shop', '1.0.0', 'registry:shop@1.0.0', 'alice']);
        // The same import now reports what it names in the registry.
        const again = await importVex(r, { file: vexFile, display: 'triage.openvex.json', actor: 'alice', now: NOW });
        assert.deepEqual([again.status, again.matched.map((m) => [m.vulnerability, m.products])], ['already-in-ledger', [['PYSEC-2024-24', ['shop@1.0.0 (1 component)']], ['CVE-2023-43804', ['shop@1.0.0 (1 component)']]]]);
        // Scoped to a product (--product), a document applies to that product's scans only.
        const scoped = await importVex(r, { file: DOC1, display: 'document1.vex.json', product: 'shop', actor: 'alice', now: NOW });
        assert.equal(scoped.product, 'shop');
        const mine = (await loadLedger(r, 'shop')).documents.map((d) => d.info.file);
        const theirs = (await loadLedger(r, 'another-product')).documents.map((d) => d.info.file);
        assert.deepEqual([mine, theirs], [['triage.openvex.json', 'document1.vex.json'], ['triage.openvex.json']]);
        await assert.rejects(importVex(r, { file: DOC2, display: 'document2.vex.json', product: 'nope', actor: 'alice', now: NOW }), /no product "nope" in the registry/u);
      } finally {
        await r.close();
        await fresh.cleanup();
        tmp.cleanup();
      }
    });

    it('supplier VEX: verified against the trust policy; unsigned needs allowUnsigned and is recorded unsigned; a bad signature or document stores nothing', async () => {
      const fresh = freshRegistry(backend);
      const tmp = tempDir();
      const r = await fresh.open();
      try {
        const pair = generateSigningKeyPair({ unencrypted: true });
        const key = join(tmp.dir, 'acme.key');
        writeFileSync(key, pair.privateKeyPem);
        await addSupplier(r, { name: 'acme', keys: [pair.publicKeyPem] }, 'tester', NOW);
        const bundle = join(tmp.dir, 'vex.sigstore.json');
        writeFileSync(bundle, JSON.stringify(await signArtifact(readFileSync(CDX_VEX), { key })));
        const wrong = join(tmp.dir, 'other.sigstore.json');
        writeFileSync(wrong, JSON.stringify(await signArtifact(readFileSync(CDX_BOM), { key })));
        const broken = join(tmp.dir, 'broken.json');
        writeFileSync(broken, readFileSync(CSAF_NA, 'utf8').slice(0, 300));
        const before = await counts(r);
        await assert.rejects(importVex(r, { file: CDX_VEX, display: 'vex.json', supplier: 'acme', actor: 't', now: NOW }), /vex\.json: supplier documents must be signed: pass --bundle <doc\.sigstore\.json>/u);
        await assert.rejects(importVex(r, { file: CDX_VEX, display: 'vex.json', supplier: 'acme', bundle: { file: wrong, display: 'other.sigstore.json' }, actor: 't', now: NOW }), (e: unknown) => e instanceof ChainwardenError && e.code === 'SIGNATURE_REJECTED' && e.exitCode === 1);
        await assert.rejects(importVex(r, { file: broken, display: 'broken.json', actor: 't', now: NOW }), (e: unknown) => e instanceof ChainwardenError && e.code === 'VEX_INVALID' && e.exitCode === 2 && /^broken\.json:\d+:\d+: /u.test(e.message));
        assert.deepEqual(await counts(r), before);

        const signed = await importVex(r, { file: CDX_VEX, display: 'vex.json', supplier: 'acme', bundle: { file: bundle, display: 'vex.sigstore.json' }, actor: 't', now: NOW });
        assert.deepEqual([signed.status, signed.origin, signed.signature, signed.signer], ['imported', 'supplier acme', 'verified', pair.hint]);
        const unsigned = await importVex(r, { file: CSAF_NA, display: 'csaf-na.json', supplier: 'acme', allowUnsigned: true, actor: 't', now: NOW });
        assert.deepEqual([unsigned.signature, unsigned.format, unsigned.id], ['unsigned', 'csaf 2.0 (csaf_vex)', '2022-EVD-UC-01-NA-001']);
        assert.match(unsigned.unmatched[0]?.reason ?? '', /no product in the registry yet/u);
        const stored = await r.db.selectFrom('vex_ledger').select(['signature', 'signer_key', 'origin', 'supplier_id']).orderBy('id').execute();
        assert.deepEqual(stored.map((s) => [s.signature, s.signer_key, s.origin, s.supplier_id === null]), [['verified', pair.hint, 'supplier', false], ['unsigned', null, 'supplier', false]]);
        const audit = await r.db.selectFrom('audit_log').select(['action', 'subject']).orderBy('seq').execute();
        assert.deepEqual(audit.map((a) => a.action), ['supplier-add', 'vex-reject', 'vex-reject', 'vex-reject', 'vex-import', 'vex-import']);
      } finally {
        await r.close();
        await fresh.cleanup();
        tmp.cleanup();
      }
    });

    it('a CycloneDX BOM-Link whose serial is not the product SBOM\'s is not applied and says why', async () => {
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        await ingestSbom(r, { file: CDX_BOM, display: 'bom.json', actor: 't', now: NOW });
        const report = await importVex(r, { file: CDX_VEX, display: 'vex.json', actor: 't', now: NOW });
        assert.equal(report.matched.length, 0);
        assert.match(report.unmatched[0]?.reason ?? '', /points into another BOM \(this SBOM's serial is urn:uuid:5f0f0da9-c03d-47d8-b38d-009e6df67094\)/u);
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });
  });
}
