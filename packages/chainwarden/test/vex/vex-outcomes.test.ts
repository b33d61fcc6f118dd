import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { VexError } from '../../src/vex/errors.js';
import type { VexTarget } from '../../src/vex/ledger.js';
import { VexLedger } from '../../src/vex/ledger.js';
import { parseVexText } from '../../src/vex/read.js';
import type { VexDocument } from '../../src/vex/statement.js';
import { shared } from '../helpers/shared.js';

/** The expected outcomes of ../shared/vex/MANIFEST.md, as tests. */
const vex = (...p: string[]): VexDocument => parseVexText(readFileSync(shared('vex', ...p), 'utf8'), p.at(-1) ?? '');
const ledgerOf = (...docs: VexDocument[]): VexLedger => {
  const l = new VexLedger();
  docs.forEach((d) => l.add(d));
  return l;
};
const pkg = (purl: string, product: VexTarget['product'] = {}): VexTarget => ({ component: { purl }, product });

const ALPINE = 'pkg:oci/alpine@sha256%3A124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126';
const GRYPE = ['grype-testdata', 'grype', 'vex', 'testdata', 'vex-docs'];

test('vexctl document1 (under_investigation) + document2 (fixed): the newest statement wins → fixed, suppressed', () => {
  const d1 = vex('openvex', 'vexctl', 'examples', 'openvex', 'document1.vex.json');
  const d2 = vex('openvex', 'vexctl', 'examples', 'openvex', 'document2.vex.json');
  for (const ledger of [ledgerOf(d1, d2), ledgerOf(d2, d1)]) {
    const v = ledger.verdictFor(['CVE-1234-5678'], pkg('pkg:apk/wolfi/bash@1.0.0'));
    assert.equal(v?.status, 'fixed');
    assert.equal(v?.suppressed, true);
    assert.equal(v?.statement.file, 'document2.vex.json');
  }
  assert.equal(ledgerOf(d1).verdictFor(['CVE-1234-5678'], pkg('pkg:apk/wolfi/bash@1.0.0'))?.suppressed, false, 'under_investigation keeps it open');
  assert.equal(ledgerOf(d1, d2).verdictFor(['CVE-1234-5678'], pkg('pkg:apk/wolfi/bash@2.0.0')), undefined, 'another version');
});

test('legacy OpenVEX 0.0.1 (v001-1/-2) is accepted; the later statement → fixed', () => {
  const a = vex('openvex', 'vexctl', 'pkg', 'ctl', 'testdata', 'v001-1.vex.json');
  const b = vex('openvex', 'vexctl', 'pkg', 'ctl', 'testdata', 'v001-2.vex.json');
  assert.equal(a.info.formatVersion, 'openvex 0.0.1 (legacy)');
  assert.equal(ledgerOf(a, b).verdictFor(['CVE-1234-5678'], pkg('pkg:apk/wolfi/bash@1.0.0'))?.status, 'fixed');
});

test('statements without products are skipped with "needs a product", never applied to everything', () => {
  const d = vex('openvex', 'vexctl', 'pkg', 'ctl', 'testdata', 'test.vex.json');
  assert.equal(d.statements.length, 0);
  assert.deepEqual(d.skipped.map((s) => s.at), ['statements[0]', 'statements[1]']);
  assert.match(d.skipped[0]?.reason ?? '', /needs a product/);
});

test('grype demo1: subcomponents apply only inside that image; image-only and package products', () => {
  const demo1 = ledgerOf(vex(...GRYPE, 'openvex-demo1.json'));
  assert.equal(demo1.verdictFor(['CVE-2023-1255'], pkg('pkg:apk/alpine/libcrypto3@3.0.8-r3', { purl: ALPINE }))?.status, 'fixed');
  assert.equal(demo1.verdictFor(['CVE-2023-1255'], pkg('pkg:apk/alpine/libcrypto3@3.0.8-r3', { purl: 'pkg:oci/other@sha256%3Aabc' })), undefined);
  const imageOnly = ledgerOf(vex(...GRYPE, 'openvex-image-no-subcomponents.json'));
  assert.equal(imageOnly.verdictFor(['CVE-2023-1255'], pkg('pkg:apk/alpine/anything@1', { purl: ALPINE }))?.status, 'fixed');
  const packageProduct = ledgerOf(vex(...GRYPE, 'openvex-package-product.json'));
  assert.equal(packageProduct.verdictFor(['CVE-2023-1255'], pkg('pkg:apk/alpine/libcrypto3@3.0.8-r3?arch=x86_64', {}))?.status, 'fixed');
});

test('grype demo1 and demo2 share an @id with different content: both kept, not de-duplicated', () => {
  const d1 = vex(...GRYPE, 'openvex-demo1.json');
  const d2 = vex(...GRYPE, 'openvex-demo2.json');
  assert.equal(d1.info.id, d2.info.id);
  const ledger = ledgerOf(d1, d2);
  assert.equal(ledger.all().length, d1.statements.length + d2.statements.length);
});

test('qualifiers: the VEX purl\'s qualifiers must be a subset of the component\'s (openvex-debian)', () => {
  const ledger = ledgerOf(vex(...GRYPE, 'openvex-debian.json'));
  const image = 'pkg:oci/debian@sha256%3A124c7d2707904eea7431fffe91522a01e5a861a624ee31d03372cc1d138a3126';
  assert.equal(ledger.verdictFor(['CVE-2014-fake-1'], pkg(`${image}?repository_url=index.docker.io/library&tag=latest`))?.status, 'fixed');
  assert.equal(ledger.verdictFor(['CVE-2014-fake-1'], pkg(image)), undefined);
});

test('affected and under_investigation never suppress (grype integration documents, OpenVEX and CSAF)', () => {
  const dir = ['grype-testdata', 'test', 'integration', 'testdata', 'vex'];
  for (const file of [['openvex', 'affected.openvex.json'], ['openvex', 'under_investigation.openvex.json'], ['csaf', 'affected.csaf.json'], ['csaf', 'under_investigation.csaf.json']]) {
    const d = vex(...dir, ...file);
    assert.ok(d.statements.length > 0, file.join('/'));
    assert.ok(d.statements.every((s) => s.status === 'affected' || s.status === 'under_investigation'), file.join('/'));
  }
});

test('CycloneDX vex.json + bom.json: the BOM-Link names another serial → not applied by strict matching, and says why', () => {
  const d = vex('cyclonedx-bom-examples', 'VEX', 'vex.json');
  const bom = JSON.parse(readFileSync(shared('vex', 'cyclonedx-bom-examples', 'VEX', 'bom.json'), 'utf8')) as { serialNumber: string };
  const misses: string[] = [];
  const target: VexTarget = {
    component: { purl: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar', bomRef: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar' },
    product: { serial: bom.serialNumber.replace('urn:uuid:', '') },
  };
  assert.equal(ledgerOf(d).verdictFor(['CVE-2020-25649'], target, (_s, reason) => misses.push(reason)), undefined);
  assert.match(misses[0] ?? '', /BOM-Link urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79\/1 names another BOM \(the scanned BOM's serial is urn:uuid:5f0f0da9-c03d-47d8-b38d-009e6df67094\); strict matching does not apply it/);
  const same = { ...target, product: { serial: '3e671687-395b-41f5-a30f-a58921a69b79' } };
  const v = ledgerOf(d).verdictFor(['CVE-2020-25649'], same);
  assert.equal(v?.status, 'not_affected');
  assert.equal(v?.justification, 'code_not_reachable');
});

test('CycloneDX states map to the model: false_positive → not_affected, resolved → fixed, exploitable → affected, in_triage → under_investigation', () => {
  const cases: [string, string][] = [['false_positive', 'not_affected'], ['resolved', 'fixed'], ['exploitable', 'affected'], ['in_triage', 'under_investigation']];
  for (const [state, status] of cases) {
    const doc = parseVexText(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, vulnerabilities: [{ id: 'CVE-1', analysis: { state }, affects: [{ ref: 'pkg:npm/a@1.0.0' }] }] }), 'x.json');
    assert.equal(doc.statements[0]?.status, status);
  }
});

test('CycloneDX vers: ranges are evaluated with the ecosystem scheme', () => {
  const doc = parseVexText(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, vulnerabilities: [{ id: 'CVE-1', analysis: { state: 'not_affected', justification: 'code_not_present' }, affects: [{ ref: 'pkg:npm/a', versions: [{ range: 'vers:npm/>=2.2.0|<=2.4.0', status: 'affected' }] }] }] }), 'x.json');
  const ledger = ledgerOf(doc);
  assert.equal(ledger.verdictFor(['CVE-1'], pkg('pkg:npm/a@2.3.9'))?.status, 'not_affected');
  assert.equal(ledger.verdictFor(['CVE-1'], pkg('pkg:npm/a@2.10.0')), undefined, '2.10.0 is above 2.4.0 by semver (not by string)');
});

test('CSAF: uc-01 one status per document, recommended (uc-08) means fixed, purl helpers match (grype csaf-demo1), flags give the justification', () => {
  const base = ['csaf', 'csaf_2.0', 'examples', 'csaf', 'csaf_vex'];
  const expected: Record<string, string> = { a: 'affected', f: 'fixed', na: 'not_affected', ui: 'under_investigation' };
  for (const [suffix, status] of Object.entries(expected)) {
    const d = vex(...base, `2022-evd-uc-01-${suffix}-001.json`);
    assert.deepEqual([...new Set(d.statements.map((s) => s.status))], [status], suffix);
    assert.equal(d.statements[0]?.vulnerability, 'CVE-2021-44228');
  }
  const uc08 = vex(...base, '2022-evd-uc-08-001.json');
  const recommended = uc08.statements.filter((s) => s.sourceStatus === 'recommended');
  assert.ok(recommended.length > 0 && recommended.every((s) => s.status === 'fixed'));
  const demo = ledgerOf(vex(...GRYPE, 'csaf-demo1.json'));
  assert.equal(demo.verdictFor(['CVE-2023-1255'], pkg('pkg:apk/alpine/libcrypto3@3.0.8-r3?arch=x86_64&upstream=openssl&distro=alpine-3.17.3'))?.status, 'fixed');
  const sec = vex(...base, 'sec-vex-2022-0001.json');
  assert.ok(sec.statements.some((s) => s.status === 'not_affected' && s.justification === 'component_not_present'));
  const v21 = vex('csaf', 'csaf_2.1', 'examples', 'csaf', 'csaf_vex', '2022-evd-uc-01-f-001.json');
  assert.match(v21.info.formatVersion, /^csaf 2\.1/);
});

test('Node.js security WG VEX: 183 statements (172 fixed, 11 not_affected); v-prefixed versions match', () => {
  const d = vex('openvex', 'nodejs-security-wg', 'node.openvex.json');
  assert.equal(d.statements.length, 183);
  assert.equal(d.statements.filter((s) => s.status === 'fixed').length, 172);
  assert.equal(d.statements.filter((s) => s.status === 'not_affected').length, 11);
});

test('malformed VEX is rejected with the file and reason', () => {
  assert.throws(() => parseVexText('{"@context": "https://openvex.dev/ns/v0.2.0", "statements": []}', 'a.json'), (e: unknown) => e instanceof VexError && /^a\.json \(at @id\): an OpenVEX document needs an "@id"$/.test(e.message));
  assert.throws(() => parseVexText('{"hello": 1}', 'b.json'), (e: unknown) => e instanceof VexError && e.code === 'VEX_INVALID' && /not a VEX document/.test(e.message));
  assert.throws(() => parseVexText('{', 'c.json'), (e: unknown) => e instanceof VexError && /^c\.json:1:\d+: invalid JSON/.test(e.message));
});
