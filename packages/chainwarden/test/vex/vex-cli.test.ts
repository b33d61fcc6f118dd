import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateSigningKeyPair } from '../../src/attest/keys.js';
import { runCli } from '../helpers/cli.js';
import type { FreshRegistry } from '../helpers/registry.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { cycloneDxJsonErrors, openVexErrors } from '../helpers/schemas.js';
import { corpus, shared, tempDir } from '../helpers/shared.js';

interface Finding {
  vulnerability: string;
  component: { purl?: string };
  vex?: { status: string; suppressed: boolean; justification?: string };
}
interface Rematch {
  product: string;
  version: string;
  open: number;
  previous?: { scan: number };
  gained: { vulnerability: string; component: string }[];
  lost: { vulnerability: string; component: string }[];
}

const PRODUCT = 'legacy';
const TRIAGE = {
  '@context': 'https://openvex.dev/ns/v0.2.0',
  '@id': 'https://example.com/vex/legacy-triage',
  author: 'Platform security',
  timestamp: '2026-05-01T00:00:00Z',
  version: 1,
  statements: [
    { vulnerability: { name: 'PYSEC-2024-24' }, products: [{ '@id': 'pkg:pypi/aiohttp' }], status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' },
    { vulnerability: { name: 'CVE-2023-32681' }, products: [{ '@id': 'pkg:pypi/requests@2.28.1' }], status: 'affected', action_statement: 'upgrade requests to 2.31.0' },
    { vulnerability: { name: 'CVE-2023-43804' }, products: [{ '@id': 'pkg:pypi/urllib3' }], status: 'fixed', timestamp: '2026-05-02T00:00:00Z' },
    { vulnerability: { name: 'CVE-2099-0001' }, products: [{ '@id': 'pkg:pypi/left-pad' }], status: 'not_affected', justification: 'component_not_present' },
  ],
};

const json = <T>(text: string): T => JSON.parse(text) as T;

for (const backend of BACKENDS) {
  describe(`vex, scan and advisories through the CLI (${backend})`, () => {
    const { dir, cleanup } = tempDir();
    let fresh: FreshRegistry;
    const cli = (args: string[]): ReturnType<typeof runCli> => runCli([...args, '--database-url', fresh.url], { cwd: dir });
    const scanCount = async (): Promise<number> => {
      const r = await fresh.open();
      try {
        return Number((await r.db.selectFrom('scans').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      } finally {
        await r.close();
      }
    };

    before(() => {
      fresh = freshRegistry(backend);
      cpSync(corpus('python-poetry', 'cdxgen-poetry1-legacy'), join(dir, 'legacy'), { recursive: true });
      const sbom = runCli(['sbom', 'legacy', '--output', '../legacy.cdx.json'], { cwd: dir });
      assert.equal(sbom.status, 0, sbom.stderr);
      const ingest = cli(['ingest', 'legacy.cdx.json']);
      assert.equal(ingest.status, 0, ingest.stderr);
      writeFileSync(join(dir, 'triage.openvex.json'), JSON.stringify(TRIAGE, null, 2));
    });
    after(async () => {
      await fresh.cleanup();
      cleanup();
    });

    it('advisories import re-matches every product: the first import is a first scan, the next one reports the findings gained (ids per product)', async () => {
      const first = cli(['advisories', 'import', shared('advisories', 'rustsec', 'crates', 'RUSTSEC-2016-0004.json'), '--json']);
      assert.equal(first.status, 0, first.stderr);
      const r1 = json<{ rematch: Rematch[]; store: { registry: string } }>(first.stdout);
      assert.deepEqual(r1.rematch.map((c) => [c.product, c.open, c.gained.length, c.previous]), [[PRODUCT, 0, 0, undefined]]);
      const second = cli(['advisories', 'import', shared('advisories', 'pypa', 'vulns', 'aiohttp'), shared('advisories', 'pypa', 'vulns', 'requests'), shared('advisories', 'pypa', 'vulns', 'urllib3'), '--json']);
      assert.equal(second.status, 0, second.stderr);
      const change = json<{ rematch: Rematch[] }>(second.stdout).rematch[0];
      assert.equal(change?.product, PRODUCT);
      assert.ok(change?.previous !== undefined, 'compared with the scan of the first import');
      assert.deepEqual(change.lost, []);
      const gained = change.gained.map((g) => `${g.vulnerability} ${g.component}`);
      for (const expected of ['CVE-2024-23334 pkg:pypi/aiohttp@3.8.3', 'CVE-2023-32681 pkg:pypi/requests@2.28.1', 'CVE-2023-43804 pkg:pypi/urllib3@1.26.13']) assert.ok(gained.includes(expected), `${expected} in ${gained.join(', ')}`);
      assert.equal(change.open, change.gained.length);
      assert.equal(await scanCount(), 2);
      const human = cli(['advisories', 'import', shared('advisories', 'pypa', 'vulns', 'aiohttp')]);
      assert.equal(human.status, 0, human.stderr);
      assert.match(human.stdout, /stored +0 new, 0 updated, \d+ unchanged/u);
      assert.match(human.stdout, new RegExp(`re-matched 1 product\\(s\\) \\(latest versions, scans recorded\\): 0 changed\\n  ${PRODUCT}@\\S+: ${change.open} open, 0 gained, 0 lost since scan \\d+`, 'u'));
    });

    it('vex import: internal VEX matched against the registry products, the same bytes again a no-op; scan --product applies the ledger and records the scan', async () => {
      const imp = cli(['vex', 'import', 'triage.openvex.json', '--json']);
      assert.equal(imp.status, 0, imp.stderr);
      const report = json<{ status: string; origin: string; signature: string; matched: { at: string; products: string[] }[]; unmatched: { at: string; reason: string }[] }>(imp.stdout);
      assert.deepEqual([report.status, report.origin, report.signature], ['imported', 'internal', 'internal']);
      assert.deepEqual(report.matched.map((m) => m.at), ['statements[0]', 'statements[1]', 'statements[2]']);
      assert.match(report.matched[0]?.products[0] ?? '', new RegExp(`^${PRODUCT}@\\S+ \\(1 component\\)$`, 'u'));
      assert.deepEqual(report.unmatched.map((u) => u.at), ['statements[3]']);
      assert.match(report.unmatched[0]?.reason ?? '', /no component pkg:pypi\/left-pad/u);
      const again = cli(['vex', 'import', 'triage.openvex.json']);
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout, /^already in the ledger \(nothing changed\) triage\.openvex\.json: openvex 0\.2\.0/u);

      const scans = await scanCount();
      const scan = cli(['scan', '--product', PRODUCT, '--json']);
      assert.equal(scan.status, 0, scan.stderr);
      const findings = json<{ findings: Finding[]; counts: { suppressed: number } }>(scan.stdout).findings;
      const verdict = (id: string): unknown[] => {
        const f = findings.find((x) => x.vulnerability === id);
        return [f?.vex?.status, f?.vex?.suppressed];
      };
      assert.deepEqual(verdict('CVE-2024-23334'), ['not_affected', true]);
      assert.deepEqual(verdict('CVE-2023-32681'), ['affected', false]);
      assert.deepEqual(verdict('CVE-2023-43804'), ['fixed', true]);
      assert.match(scan.stderr, new RegExp(`recorded as scan \\d+ of ${PRODUCT}@`, 'u'));
      assert.equal(await scanCount(), scans + 1);
      const dry = cli(['scan', '--product', PRODUCT, '--no-record']);
      assert.equal(dry.status, 0, dry.stderr);
      assert.match(dry.stderr, /not recorded \(--no-record\)/u);
      assert.equal(await scanCount(), scans + 1);
      const file = cli(['scan', 'legacy.cdx.json', '--fail-on', 'critical']);
      assert.equal(file.status, 0, file.stderr);
      assert.match(file.stderr, new RegExp(`recorded as scan \\d+ of ${PRODUCT}`, 'u'));
      assert.match(file.stdout, /suppressed: not_affected \(vulnerable_code_not_in_execute_path\)/u);
      assert.equal(await scanCount(), scans + 2);
      const list = cli(['vex', 'list']);
      assert.equal(list.status, 0, list.stderr);
      assert.match(list.stdout, /triage\.openvex\.json +openvex 0\.2\.0 +https:\/\/example\.com\/vex\/legacy-triage +1 +Platform security +internal +\(any\) +internal +4/u);
    });

    it('bad input: a malformed VEX, an unknown product, a supplier VEX without bundle all exit 2 and store nothing', () => {
      const listBefore = cli(['vex', 'list', '--json']).stdout;
      const text = JSON.stringify(TRIAGE, null, 2);
      writeFileSync(join(dir, 'broken.openvex.json'), text.slice(0, text.indexOf('"statements"') + 20));
      writeFileSync(join(dir, 'no-id.openvex.json'), JSON.stringify({ ...TRIAGE, '@id': undefined }));
      writeFileSync(join(dir, 'acme.pub'), generateSigningKeyPair({ unencrypted: true }).publicKeyPem);
      const broken = cli(['vex', 'import', 'broken.openvex.json']);
      assert.equal(broken.status, 2);
      assert.match(broken.stderr, /broken\.openvex\.json:\d+:\d+: invalid JSON/u);
      const noId = cli(['vex', 'import', 'no-id.openvex.json']);
      assert.equal(noId.status, 2);
      assert.match(noId.stderr, /no-id\.openvex\.json \(at @id\): an OpenVEX document needs an "@id"/u);
      const notVex = cli(['vex', 'import', 'legacy.cdx.json']);
      assert.equal(notVex.status, 2);
      assert.match(notVex.stderr, /legacy\.cdx\.json \(at vulnerabilities\): a cyclonedx 1\.6 document without any VEX statement/u);
      const product = cli(['vex', 'import', 'triage.openvex.json', '--product', 'no-such-product']);
      assert.equal(product.status, 2);
      assert.match(product.stderr, /no product "no-such-product" in the registry/u);
      const unknown = cli(['vex', 'import', shared('vex/openvex/vexctl/examples/openvex/document1.vex.json'), '--supplier', 'nobody']);
      assert.equal(unknown.status, 2);
      const supplier = cli(['supplier', 'add', 'acme', '--key', 'acme.pub']);
      assert.equal(supplier.status, 0, supplier.stderr);
      const unsigned = cli(['vex', 'import', shared('vex/openvex/vexctl/examples/openvex/document1.vex.json'), '--supplier', 'acme']);
      assert.equal(unsigned.status, 2);
      assert.match(unsigned.stderr, /document1\.vex\.json: supplier documents must be signed: pass --bundle <doc\.sigstore\.json> \(or --allow-unsigned/u);
      const listAfter = json<unknown[]>(cli(['vex', 'list', '--json']).stdout);
      assert.equal(listAfter.length, json<unknown[]>(listBefore).length);
    });

    it('vex export: OpenVEX and CycloneDX, valid against their schemas, the same bytes twice; export then import elsewhere gives the same verdicts', async () => {
      const ov = cli(['vex', 'export', '--product', PRODUCT, '--format', 'openvex']);
      assert.equal(ov.status, 0, ov.stderr);
      assert.equal(openVexErrors(ov.stdout), null);
      assert.equal(cli(['vex', 'export', '--product', PRODUCT, '--format', 'openvex']).stdout, ov.stdout, 'deterministic');
      const doc = json<{ statements: { vulnerability: { name: string }; status: string; status_notes: string }[] }>(ov.stdout);
      assert.deepEqual(doc.statements.map((s) => [s.vulnerability.name, s.status]), [['CVE-2023-32681', 'affected'], ['CVE-2023-43804', 'fixed'], ['PYSEC-2024-24', 'not_affected']]);
      assert.match(doc.statements[0]?.status_notes ?? '', /^from triage\.openvex\.json statements\[1\]/u);
      const cdx = cli(['vex', 'export', '--product', PRODUCT, '--format', 'cyclonedx', '--output', 'legacy.vex.cdx.json']);
      assert.equal(cdx.status, 0, cdx.stderr);
      const cdxText = readFileSync(join(dir, 'legacy.vex.cdx.json'), 'utf8');
      assert.equal(await cycloneDxJsonErrors(cdxText, '1.6'), null);
      writeFileSync(join(dir, 'legacy.openvex.json'), ov.stdout);

      const verdicts = (out: string): string[] =>
        json<{ findings: Finding[] }>(out)
          .findings.filter((f) => f.vex !== undefined)
          .map((f) => `${f.vulnerability} ${f.component.purl ?? ''} ${f.vex?.status ?? ''} ${String(f.vex?.suppressed)}`)
          .sort();
      const original = verdicts(cli(['scan', '--product', PRODUCT, '--json', '--no-record']).stdout);
      assert.equal(original.length, 3);
      for (const exported of ['legacy.openvex.json', 'legacy.vex.cdx.json']) {
        const other = freshRegistry(backend);
        try {
          const o = (args: string[]): ReturnType<typeof runCli> => runCli([...args, '--database-url', other.url], { cwd: dir });
          assert.equal(o(['ingest', 'legacy.cdx.json']).status, 0);
          assert.equal(o(['advisories', 'import', shared('advisories', 'pypa', 'vulns', 'aiohttp'), shared('advisories', 'pypa', 'vulns', 'requests'), shared('advisories', 'pypa', 'vulns', 'urllib3')]).status, 0);
          const imp = o(['vex', 'import', exported, '--product', PRODUCT, '--json']);
          assert.equal(imp.status, 0, imp.stderr);
          assert.equal(json<{ matched: unknown[] }>(imp.stdout).matched.length, 3);
          assert.deepEqual(verdicts(o(['scan', '--product', PRODUCT, '--json', '--no-record']).stdout), original, exported);
        } finally {
          await other.cleanup();
        }
      }
    });
  });
}
