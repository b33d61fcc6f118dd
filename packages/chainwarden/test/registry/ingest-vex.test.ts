import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateSigningKeyPair } from '../../src/attest/keys.js';
import { signArtifact } from '../../src/attest/sign.js';
import { ChainwardenError } from '../../src/core/errors.js';
import { checkChain } from '../../src/registry/audit-log.js';
import type { Registry } from '../../src/registry/database.js';
import { ingestSbom } from '../../src/registry/ingest/ingest.js';
import { showVersion } from '../../src/registry/queries.js';
import { addSupplier } from '../../src/registry/suppliers.js';
import { runCli } from '../helpers/cli.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { shared, tempDir } from '../helpers/shared.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const CDX_BOM = shared('vex/cyclonedx-bom-examples/VEX/bom.json');
const CDX_VEX = shared('vex/cyclonedx-bom-examples/VEX/vex.json');
const CASE_1 = shared('vex/cyclonedx-bom-examples/VEX/Use-Cases/Case-1/vex.json');
const SPDX = shared('vex/openvex/vexctl/examples/csaf/sbom.spdx.json');
const OPENVEX = shared('vex/openvex/vexctl/examples/csaf/openvex.json');
const CSAF = shared('vex/openvex/vexctl/examples/csaf/csaf.json');
/** The serial the BOM-Link in vex.json points to (`urn:cdx:<serial>/1#…`); bom.json carries another one. */
const VEX_SERIAL = 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79';

const TABLES = ['products', 'versions', 'documents', 'components', 'quarantine', 'vex_documents', 'vex_statements'] as const;

async function counts(r: Registry): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await r.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return out;
}

async function auditActions(r: Registry): Promise<string[]> {
  return (await r.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((a) => a.action);
}

for (const backend of BACKENDS) {
  describe(`ingest --vex (${backend})`, () => {
    it('CycloneDX SBOM with its signed CycloneDX VEX: verified, stored with its statements, linked, matched by BOM-Link only when the serial is this SBOM; same bytes again not duplicated', async () => {
      const fresh = freshRegistry(backend);
      const tmp = tempDir();
      const r = await fresh.open();
      try {
        const pair = generateSigningKeyPair({ unencrypted: true });
        const key = join(tmp.dir, 'acme.key');
        writeFileSync(key, pair.privateKeyPem);
        await addSupplier(r, { name: 'acme', keys: [pair.publicKeyPem] }, 'tester', NOW);
        const sign = async (file: string, name: string): Promise<{ file: string; display: string }> => {
          writeFileSync(join(tmp.dir, name), JSON.stringify(await signArtifact(readFileSync(file), { key })));
          return { file: join(tmp.dir, name), display: name };
        };
        const bomBundle = await sign(CDX_BOM, 'bom.sigstore.json');
        const vexBundle = await sign(CDX_VEX, 'vex.sigstore.json');
        const first = await ingestSbom(r, {
          file: CDX_BOM,
          display: 'bom.json',
          supplier: 'acme',
          bundle: bomBundle,
          vex: [{ file: CDX_VEX, display: 'vex.json', bundle: vexBundle }],
          allowUnsigned: false,
          actor: 'tester',
          now: NOW,
        });
        assert.equal(first.status, 'ingested');
        assert.equal(first.vex?.length, 1);
        const v = first.vex[0]!;
        assert.deepEqual([v.status, v.format, v.signature, v.statements, v.matched, v.skipped.length], ['stored', 'cyclonedx 1.4', 'verified', 1, 0, 0]);
        assert.equal(v.unmatched[0]?.vulnerability, 'CVE-2020-25649');
        assert.match(v.unmatched[0]?.reason ?? '', /points into another BOM \(this SBOM's serial is urn:uuid:5f0f0da9-c03d-47d8-b38d-009e6df67094\)/u);
        const stored = await r.db.selectFrom('vex_documents').selectAll().executeTakeFirstOrThrow();
        assert.equal(Buffer.from(stored.content).equals(readFileSync(CDX_VEX)), true);
        assert.deepEqual([stored.format, stored.signature, stored.signer_key, stored.ingested_by, stored.ingested_at], ['cyclonedx', 'verified', pair.hint, 'tester', NOW.toISOString()]);
        const stmt = await r.db.selectFrom('vex_statements').selectAll().executeTakeFirstOrThrow();
        assert.deepEqual([stmt.vulnerability, stmt.status, stmt.source_status, stmt.justification, stmt.matched], ['CVE-2020-25649', 'not_affected', 'not_affected', 'code_not_reachable', 0]);

        // The same SBOM with the serial the BOM-Link names: the statement matches jackson-databind.
        const linked = join(tmp.dir, 'bom-linked.json');
        const doc = JSON.parse(readFileSync(CDX_BOM, 'utf8')) as Record<string, unknown>;
        writeFileSync(linked, JSON.stringify({ ...doc, serialNumber: VEX_SERIAL }));
        const second = await ingestSbom(r, { file: linked, display: 'bom-linked.json', supplier: 'acme', allowUnsigned: true, version: '1.0.0-linked', vex: [{ file: CASE_1, display: 'case-1.vex.json' }], actor: 'tester', now: NOW });
        assert.deepEqual(second.vex?.map((x) => [x.signature, x.statements, x.matched]), [['unsigned', 1, 0]]);
        // vex.json again, with the linked SBOM already there: not duplicated, reported with the version it belongs to.
        const again = await ingestSbom(r, { file: linked, display: 'bom-linked.json', supplier: 'acme', allowUnsigned: true, vex: [{ file: CDX_VEX, display: 'vex.json', bundle: vexBundle }], actor: 'tester', now: NOW });
        assert.equal(again.status, 'already-ingested');
        assert.deepEqual(again.vex?.map((x) => [x.status, x.linkedTo, x.matched]), [['already-stored', 'com.example/example-app@1.0.0', 1]]);
        assert.deepEqual(await counts(r), { products: 1, versions: 2, documents: 2, components: 6, quarantine: 0, vex_documents: 2, vex_statements: 2 });

        const shown = await showVersion(r, 'com.example/example-app', '1.0.0');
        assert.deepEqual(shown.vex.map((x) => [x.file, x.format, x.statements, x.matched, x.signature, x.signer]), [['vex.json', 'cyclonedx 1.4', 1, 0, 'verified', pair.hint]]);
        assert.deepEqual(
          (await showVersion(r, 'com.example/example-app', '1.0.0-linked')).vex.map((x) => [x.file, x.signature]),
          [['case-1.vex.json', 'unsigned']],
        );
        assert.deepEqual(await auditActions(r), ['supplier-add', 'ingest', 'vex-store', 'ingest', 'vex-store']);
        assert.equal((await checkChain(r)).broken, undefined);
      } finally {
        await r.close();
        await fresh.cleanup();
        tmp.cleanup();
      }
    });

    it('OpenVEX and CSAF VEX naming components that were quarantined say so; unsigned VEX needs --allow-unsigned', async () => {
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        await addSupplier(r, { name: 'vexctl', keys: [generateSigningKeyPair({ unencrypted: true }).publicKeyPem] }, 'tester', NOW);
        const result = await ingestSbom(r, {
          file: SPDX,
          display: 'sbom.spdx.json',
          supplier: 'vexctl',
          allowUnsigned: true,
          vex: [
            { file: OPENVEX, display: 'openvex.json' },
            { file: CSAF, display: 'csaf.json' },
          ],
          actor: 'tester',
          now: NOW,
        });
        assert.deepEqual(result.quality.components, { total: 3, kept: 1, quarantined: 2 });
        assert.deepEqual(
          result.vex?.map((x) => [x.format, x.id, x.signature, x.statements, x.matched, x.unmatched.map((u) => [u.at, u.vulnerability, u.reason])]),
          [
            ['openvex 0.2.0', 'https://openvex.dev/docs/public/vex-69c8fa4a8a04ef5aec7da2b02a5a3eb77ec7a18848387ed73160230fb4cdb713', 'unsigned', 1, 0, [['statements[0]', 'CVE-2014-123456', 'names only component(s) quarantined at ingest (SPDXRef-Package-component2; see the quality report)']]],
            ['csaf 2.0 (csaf_vex)', '2022-EVD-UC-01-NA-001', 'unsigned', 1, 0, [['vulnerabilities[0].product_status.known_not_affected', 'CVE-2009-4487', 'names only component(s) quarantined at ingest (SPDXRef-Package-component1; see the quality report)']]],
          ],
        );
        assert.equal((await counts(r))['vex_statements'], 2);
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });

    it('a malformed, unsigned or wrongly signed VEX rejects the whole ingest: the registry is unchanged, only the audit log records it', async () => {
      const fresh = freshRegistry(backend);
      const tmp = tempDir();
      const r = await fresh.open();
      try {
        const pair = generateSigningKeyPair({ unencrypted: true });
        const key = join(tmp.dir, 'acme.key');
        writeFileSync(key, pair.privateKeyPem);
        await addSupplier(r, { name: 'acme', keys: [pair.publicKeyPem] }, 'tester', NOW);
        const bomBundle = join(tmp.dir, 'bom.sigstore.json');
        writeFileSync(bomBundle, JSON.stringify(await signArtifact(readFileSync(CDX_BOM), { key })));
        const vexBundle = join(tmp.dir, 'vex.sigstore.json');
        writeFileSync(vexBundle, JSON.stringify(await signArtifact(readFileSync(CDX_VEX), { key })));
        const truncated = join(tmp.dir, 'vex.json');
        const text = readFileSync(CDX_VEX, 'utf8');
        writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)));
        const before = await counts(r);
        const base = { file: CDX_BOM, display: 'bom.json', supplier: 'acme', bundle: { file: bomBundle, display: 'bom.sigstore.json' }, actor: 'tester', now: NOW };

        await assert.rejects(
          ingestSbom(r, { ...base, vex: [{ file: CDX_VEX, display: 'good.vex.json', bundle: { file: vexBundle, display: 'vex.sigstore.json' } }, { file: truncated, display: 'vex.json', bundle: { file: vexBundle, display: 'vex.sigstore.json' } }] }),
          (e: unknown) => e instanceof ChainwardenError && e.code === 'VEX_INVALID' && /^vex\.json:56:408: invalid JSON/u.test(e.message),
        );
        await assert.rejects(ingestSbom(r, { ...base, vex: [{ file: CDX_VEX, display: 'unsigned.vex.json' }] }), /unsigned\.vex\.json: supplier documents must be signed: pass --vex-bundle/u);
        await assert.rejects(ingestSbom(r, { ...base, vex: [{ file: CDX_VEX, display: 'other.vex.json', bundle: { file: bomBundle, display: 'bom.sigstore.json' } }] }), (e: unknown) => e instanceof ChainwardenError && e.code === 'SIGNATURE_REJECTED');
        assert.deepEqual(await counts(r), before);
        assert.deepEqual(before, { products: 0, versions: 0, documents: 0, components: 0, quarantine: 0, vex_documents: 0, vex_statements: 0 });
        const audit = await r.db.selectFrom('audit_log').select(['action', 'subject']).orderBy('seq').execute();
        assert.deepEqual(audit.map((a) => [a.action, a.subject]), [
          ['supplier-add', 'supplier acme'],
          ['vex-reject', 'vex.json'],
          ['vex-reject', 'unsigned.vex.json'],
          ['vex-reject', 'other.vex.json'],
        ]);
      } finally {
        await r.close();
        await fresh.cleanup();
        tmp.cleanup();
      }
    });

    it('CLI: --vex in the report and --json, exit 2 for a malformed VEX, registry show lists the VEX documents', () => {
      const fresh = freshRegistry(backend);
      const tmp = tempDir();
      const cli = (...args: string[]) => runCli([...args, '--database-url', fresh.url], { cwd: tmp.dir, env: { CHAINWARDEN_ACTOR: 'ci-bot' } });
      try {
        writeFileSync(join(tmp.dir, 'bad.vex.json'), '{"@context": "https://openvex.dev/ns/v0.2.0", "statements": [');
        const bad = cli('ingest', CDX_BOM, '--vex', 'bad.vex.json');
        assert.equal(bad.status, 2, bad.stderr);
        assert.match(bad.stderr, /bad\.vex\.json/u);
        assert.match(cli('registry', 'products', '--json').stdout, /^\[\]\s*$/u);
        const ok = cli('ingest', CDX_BOM, '--vex', CDX_VEX);
        assert.equal(ok.status, 0, ok.stderr);
        assert.match(ok.stdout, /1 statement\(s\): 0 name components of this SBOM, 1 do not, 0 skipped/u);
        assert.match(ok.stdout, /not matched vulnerabilities\[0\] CVE-2020-25649: BOM-Link .* points into another BOM/u);
        const again = cli('ingest', CDX_BOM, '--vex', CDX_VEX, '--json');
        assert.equal(again.status, 0, again.stderr);
        const parsed = JSON.parse(again.stdout) as { status: string; vex: { status: string; statements: number }[] };
        assert.deepEqual([parsed.status, parsed.vex.map((x) => [x.status, x.statements])], ['already-ingested', [['already-stored', 1]]]);
        const show = cli('registry', 'show', 'com.example/example-app', '--version', '1.0.0');
        assert.equal(show.status, 0, show.stderr);
        assert.match(show.stdout, /VEX documents \(1\):\n {4}.*vex\.json +cyclonedx 1\.4 .* 1 statement\(s\), 0 matched +signature first-party/u);
        const tooMany = cli('ingest', CDX_BOM, '--vex', CDX_VEX, '--vex-bundle', 'a', '--vex-bundle', 'b');
        assert.equal(tooMany.status, 2);
      } finally {
        void fresh.cleanup();
        tmp.cleanup();
      }
    });
  });
}
