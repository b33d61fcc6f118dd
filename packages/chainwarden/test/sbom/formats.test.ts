import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as CycloneDX from '@cyclonedx/cyclonedx-library';
import type { Ajv as AjvClass } from 'ajv';
import type { FormatsPlugin } from 'ajv-formats';
import type * as XmlLint from 'xmllint-wasm';
import { TOOL_VERSION } from '../../src/core/version.js';
import { assembleBom } from '../../src/sbom/assemble.js';
import type { Bom } from '../../src/sbom/bom.js';
import { hashesFromIntegrity, licenseFromString, makeComponent } from '../../src/sbom/component-builder.js';
import { buildCycloneDx } from '../../src/sbom/cyclonedx/document.js';
import { writeCycloneDxJson } from '../../src/sbom/cyclonedx/json-writer.js';
import { CYCLONEDX_SPECS } from '../../src/sbom/cyclonedx/spec.js';
import type { CycloneDxSpec } from '../../src/sbom/cyclonedx/spec.js';
import { writeCycloneDxXml } from '../../src/sbom/cyclonedx/xml-writer.js';
import type { SbomFormat } from '../../src/sbom/formats.js';
import { generateSbom } from '../../src/sbom/generate.js';
import type { SbomResult } from '../../src/sbom/generate.js';
import type { Component, LockfileResult } from '../../src/sbom/model.js';
import { packageIds } from '../../src/sbom/spdx/spdx-ids.js';
import { writeSpdxJson } from '../../src/sbom/spdx/spdx-json-writer.js';
import { REPO_ROOT, corpus } from '../helpers/shared.js';

// The validators are CommonJS packages (devDependencies): loaded through require, typed through type-only imports.
const require = createRequire(import.meta.url);
const { Validation } = require('@cyclonedx/cyclonedx-library') as typeof CycloneDX;
const { validateXML, memoryPages } = require('xmllint-wasm') as typeof XmlLint;
const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
const addFormats = require('ajv-formats') as FormatsPlugin;

const CDX_SCHEMAS = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
const SPDX_SCHEMA = join(REPO_ROOT, 'packages/chainwarden/test/schemas/spdx-2.3.schema.json');

const SPEC_VERSIONS = Object.keys(CYCLONEDX_SPECS) as CycloneDxSpec['version'][];
const EPOCH = '1700000000';
const EPOCH_ISO = '2023-11-14T22:13:20Z';

interface Project {
  readonly id: string;
  readonly dir: string;
  /** A purl, one of its sha256 hashes and one dependency edge (bom-refs) that every format must carry. */
  readonly purl: string;
  readonly sha256: string;
  readonly edge: readonly [from: string, to: string];
}

const PROJECTS: readonly Project[] = [
  {
    id: 'hotpass',
    dir: corpus('python-uv', 'hotpass'),
    purl: 'pkg:pypi/pandas@2.3.3',
    sha256: 'e05e1af93b977f7eafa636d043f9f94c7ee3ac81af99c13508215942e64c993b',
    edge: ['pkg:pypi/pandas@2.3.3', 'pkg:pypi/numpy@2.3.4'],
  },
  {
    id: 'pydantic-ai',
    dir: corpus('python-uv', 'pydantic-ai-workspace'),
    purl: 'pkg:pypi/pydantic@2.13.4',
    sha256: 'c40756b57adaa8b1efeeced5c196f3f3b7c435f90e84ea7f443901bec8099ef6',
    edge: ['pypi:pydantic-ai', 'pypi:pydantic-graph:workspace:pydantic_graph'],
  },
];

/** One output per project, format and spec version, generated once for the whole file. */
const generated = new Map<string, Promise<SbomResult>>();
function generate(project: Project, format: SbomFormat, specVersion: CycloneDxSpec['version'] = '1.6'): Promise<SbomResult> {
  const key = `${project.id} ${format} ${specVersion}`;
  let result = generated.get(key);
  if (result === undefined) {
    result = generateSbom({ projectDir: project.dir, format, specVersion, env: { SOURCE_DATE_EPOCH: EPOCH } });
    generated.set(key, result);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// A BOM built in code for what the corpus lacks: licence names and expressions, npm scopes and integrity hashes,
// git and path sources, characters XML must escape or cannot carry, and bom-refs whose SPDX ids collide.

const INVALID_XML = '\u0001';

function fixtureBom(): Bom {
  const integrity = `sha512-${createHash('sha512').update('widget').digest('base64')}`;
  const widget = makeComponent({
    ecosystem: 'npm',
    name: '@acme/widget',
    version: '1.2.3',
    source: { kind: 'registry' },
    hashes: hashesFromIntegrity(integrity),
    licenses: [licenseFromString('MIT'), licenseFromString('Acme Community Licence')],
    description: `Widgets & <gadgets> "quoted" 'single' ]]> ${INVALID_XML} control`,
    properties: [['fixture:note', 'tab\there\nnew line\r']],
  });
  const a = makeComponent({ ecosystem: 'npm', name: 'a', version: '1.0.0', source: { kind: 'registry' }, scope: 'excluded', licenses: [licenseFromString('(mit OR apache-2.0)')] });
  const aDash = makeComponent({ ecosystem: 'npm', name: 'a-1.0.0', source: { kind: 'registry' }, scope: 'optional' });
  const git = makeComponent({ ecosystem: 'pypi', name: 'gitpkg', version: '0.1', source: { kind: 'git', url: 'https://example.com/org/gitpkg.git', commit: 'abcdef1234567' } });
  const local = makeComponent({ ecosystem: 'pypi', name: 'local-lib', version: '0.0.1', source: { kind: 'path', path: 'libs/a&b "x"' } });
  widget.dependsOn.add(a.key);
  git.dependsOn.add(local.key);
  const components = new Map<string, Component>([widget, a, aDash, git, local].map((c) => [c.key, c]));
  const result: LockfileResult = {
    format: 'fixture',
    lockfile: 'fixture.lock',
    root: { name: 'fixture-app', version: '1.0.0', licenses: [licenseFromString('LicenseRef-Internal')], ecosystem: 'npm', manifest: 'package.json' },
    components,
    rootDependsOn: new Set([widget.key, aDash.key, git.key]),
    workspaceMembers: new Set(),
    warnings: [],
    carriesLicenses: true,
  };
  return assembleBom([result], { timestamp: new Date(Number(EPOCH) * 1000) });
}

const FIXTURE = fixtureBom();

// ---------------------------------------------------------------------------------------------------------------
// Validators

const jsonValidators = new Map<string, CycloneDX.Validation.JsonStrictValidator>();
async function validateCdxJson(content: string, version: CycloneDxSpec['version']): Promise<void> {
  let validator = jsonValidators.get(version);
  if (validator === undefined) {
    validator = new Validation.JsonStrictValidator(version as CycloneDX.Spec.Version);
    jsonValidators.set(version, validator);
  }
  const errors: unknown = await validator.validate(content);
  assert.equal(errors, null, `CycloneDX ${version} JSON schema errors: ${JSON.stringify(errors, null, 2)?.slice(0, 4000)}`);
}

let spdxValidate: ReturnType<AjvClass['compile']> | undefined;
function validateSpdx(content: string): void {
  if (spdxValidate === undefined) {
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    spdxValidate = ajv.compile(JSON.parse(readFileSync(SPDX_SCHEMA, 'utf8')) as object);
  }
  const ok = spdxValidate(JSON.parse(content));
  assert.ok(ok, `SPDX 2.3 schema errors: ${JSON.stringify(spdxValidate.errors, null, 2)?.slice(0, 4000)}`);
}

/**
 * Every XML document of this file in one xmllint run, so the wasm module is loaded once: a wrapper schema imports the
 * three CycloneDX XSDs (distinct namespaces), each document validates against the one its namespace names. One
 * deliberately broken document proves the validator really rejects.
 */
interface XmlRun {
  readonly validated: ReadonlySet<string>;
  readonly failed: ReadonlySet<string>;
  readonly rawOutput: string;
  readonly documents: ReadonlyMap<string, string>;
}

const BROKEN = 'broken-1.6.xml';
let xmlRun: Promise<XmlRun> | undefined;

async function runXmllint(): Promise<XmlRun> {
  const documents = new Map<string, string>();
  for (const project of PROJECTS) {
    for (const v of SPEC_VERSIONS) documents.set(`${project.id}-${v}.xml`, (await generate(project, 'cyclonedx-xml', v)).content);
  }
  for (const v of SPEC_VERSIONS) documents.set(`fixture-${v}.xml`, writeCycloneDxXml(buildCycloneDx(FIXTURE, CYCLONEDX_SPECS[v]), CYCLONEDX_SPECS[v]));
  // Metadata children out of XSD order: properties before component.
  const good = documents.get('fixture-1.6.xml') as string;
  const broken = good.replace(/(\s*<properties>\s*<property name="chainwarden:lockfile">fixture:fixture\.lock<\/property>\s*<\/properties>)/, '').replace('<component type="application" bom-ref="npm:fixture-app@1.0.0">', '<properties><property name="x">y</property></properties><component type="application" bom-ref="npm:fixture-app@1.0.0">');
  assert.notEqual(broken, good);
  const xsds = [...SPEC_VERSIONS.map((v) => `bom-${v}.SNAPSHOT.xsd`), 'spdx.SNAPSHOT.xsd'];
  const wrapper = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">',
    ...SPEC_VERSIONS.map((v) => `  <xs:import namespace="${CYCLONEDX_SPECS[v].xmlNamespace}" schemaLocation="bom-${v}.SNAPSHOT.xsd"/>`),
    '</xs:schema>',
  ].join('\n');
  const result = await validateXML({
    xml: [...[...documents].map(([fileName, contents]) => ({ fileName, contents })), { fileName: BROKEN, contents: broken }],
    schema: { fileName: 'cyclonedx-all.xsd', contents: wrapper },
    preload: xsds.map((fileName) => ({ fileName, contents: readFileSync(join(CDX_SCHEMAS, fileName), 'utf8') })),
    maxMemoryPages: 512 * memoryPages.MiB,
  });
  const validated = new Set<string>();
  const failed = new Set<string>();
  for (const line of result.rawOutput.split('\n')) {
    const ok = /^(\S+) validates$/.exec(line);
    if (ok !== null) validated.add(ok[1] as string);
    const bad = /^(\S+) fails to validate$/.exec(line);
    if (bad !== null) failed.add(bad[1] as string);
  }
  return { validated, failed, rawOutput: result.rawOutput, documents };
}

function xmllint(): Promise<XmlRun> {
  xmlRun ??= runXmllint();
  return xmlRun;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading facts back out of each format

interface Facts {
  readonly count: number;
  readonly purls: ReadonlySet<string>;
  readonly sha256: ReadonlySet<string>;
  readonly hasEdge: (from: string, to: string) => boolean;
  readonly timestamp: string | undefined;
}

interface CdxJson {
  readonly metadata: { readonly timestamp?: string; readonly component: { readonly components?: readonly unknown[] } };
  readonly components: readonly { readonly purl?: string; readonly hashes?: readonly { alg: string; content: string }[]; readonly externalReferences?: readonly { hashes?: readonly { alg: string; content: string }[] }[] }[];
  readonly dependencies: readonly { readonly ref: string; readonly dependsOn?: readonly string[] }[];
}

function cdxJsonFacts(content: string): Facts {
  const doc = JSON.parse(content) as CdxJson;
  const sha256 = new Set<string>();
  for (const c of doc.components) {
    for (const h of [...(c.hashes ?? []), ...(c.externalReferences ?? []).flatMap((r) => r.hashes ?? [])]) if (h.alg === 'SHA-256') sha256.add(h.content);
  }
  return {
    count: doc.components.length + (doc.metadata.component.components?.length ?? 0),
    purls: new Set(doc.components.flatMap((c) => (c.purl !== undefined ? [c.purl] : []))),
    sha256,
    hasEdge: (from, to) => doc.dependencies.some((d) => d.ref === from && (d.dependsOn ?? []).includes(to)),
    timestamp: doc.metadata.timestamp,
  };
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#\d+);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e as 'amp'] ?? String.fromCodePoint(Number(e.slice(1))));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cdxXmlFacts(content: string): Facts {
  const all = (re: RegExp): string[] => [...content.matchAll(re)].map((m) => unescapeXml(m[1] as string));
  return {
    // Every component with a bom-ref except the metadata component (the tool has none).
    count: all(/<component [^>]*bom-ref="([^"]*)"/g).length - 1,
    purls: new Set(all(/<purl>([^<]*)<\/purl>/g)),
    sha256: new Set(all(/<hash alg="SHA-256">([^<]*)<\/hash>/g)),
    hasEdge: (from, to) => {
      const open = `<dependency ref="${escapeXml(from)}">`;
      const start = content.indexOf(open);
      if (start < 0) return false;
      const block = content.slice(start, content.indexOf('</dependency>', start));
      return block.includes(`<dependency ref="${escapeXml(to)}"/>`);
    },
    timestamp: all(/<timestamp>([^<]*)<\/timestamp>/g)[0],
  };
}

interface SpdxJson {
  readonly documentNamespace: string;
  readonly creationInfo: { readonly created: string; readonly creators: readonly string[] };
  readonly packages: readonly {
    readonly SPDXID: string;
    readonly name: string;
    readonly primaryPackagePurpose: string;
    readonly downloadLocation: string;
    readonly licenseDeclared: string;
    readonly checksums?: readonly { algorithm: string; checksumValue: string }[];
    readonly externalRefs?: readonly { referenceType: string; referenceLocator: string }[];
    readonly comment?: string;
  }[];
  readonly relationships: readonly { readonly spdxElementId: string; readonly relationshipType: string; readonly relatedSpdxElement: string }[];
  readonly hasExtractedLicensingInfos?: readonly { readonly licenseId: string }[];
}

/** SPDX ids of packages, by purl or — for packages without one — by nothing: edges are checked through purls/root. */
function spdxFacts(content: string, refToId: (ref: string) => string | undefined): Facts {
  const doc = JSON.parse(content) as SpdxJson;
  return {
    count: doc.packages.length - 1,
    purls: new Set(doc.packages.flatMap((p) => (p.externalRefs ?? []).filter((r) => r.referenceType === 'purl').map((r) => r.referenceLocator))),
    sha256: new Set(doc.packages.flatMap((p) => (p.checksums ?? []).filter((c) => c.algorithm === 'SHA256').map((c) => c.checksumValue))),
    hasEdge: (from, to) => {
      const a = refToId(from);
      const b = refToId(to);
      return a !== undefined && b !== undefined && doc.relationships.some((r) => r.spdxElementId === a && r.relationshipType === 'DEPENDS_ON' && r.relatedSpdxElement === b);
    },
    timestamp: doc.creationInfo.created,
  };
}

/** Rules the SPDX JSON schema does not check but the specification requires. */
function assertSpdxConsistent(content: string): void {
  const doc = JSON.parse(content) as SpdxJson;
  const ids = doc.packages.map((p) => p.SPDXID);
  for (const id of ids) assert.match(id, /^SPDXRef-[A-Za-z0-9.-]+$/);
  assert.equal(new Set(ids).size, ids.length, 'SPDXIDs are unique');
  const known = new Set(['SPDXRef-DOCUMENT', ...ids]);
  for (const r of doc.relationships) {
    assert.ok(known.has(r.spdxElementId) && known.has(r.relatedSpdxElement), `relationship to an unknown element: ${JSON.stringify(r)}`);
  }
  assert.equal(doc.relationships.filter((r) => r.relationshipType === 'DESCRIBES').length, 1);
  assert.deepEqual(
    doc.relationships.find((r) => r.relationshipType === 'DESCRIBES'),
    { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: ids[0] },
  );
  const defined = new Set((doc.hasExtractedLicensingInfos ?? []).map((l) => l.licenseId));
  for (const p of doc.packages) for (const ref of p.licenseDeclared.match(/LicenseRef-[A-Za-z0-9.-]+/g) ?? []) assert.ok(defined.has(ref), `${ref} is defined in hasExtractedLicensingInfos`);
  assert.match(doc.documentNamespace, /^https:\/\/chainwarden\.dev\/spdx\/[A-Za-z0-9.-]+-[0-9a-f-]{36}$/);
  assert.deepEqual(doc.creationInfo.creators, [`Tool: chainwarden-${TOOL_VERSION}`]);
}

/** bom-ref → SPDXID: by purl where the package has one, else as the writer derives it from the bom-ref. */
function spdxIdByRef(result: SbomResult, content: string): (ref: string) => string | undefined {
  const doc = JSON.parse(content) as SpdxJson;
  const byPurl = new Map(doc.packages.flatMap((p) => (p.externalRefs ?? []).map((r) => [r.referenceLocator, p.SPDXID] as const)));
  const bom = result.bom;
  const derived = packageIds([bom.root.bomRef, ...bom.subProjects.map((s) => s.bomRef), ...bom.assemblies.map((a) => a.bomRef), ...bom.components.map((c) => c.bomRef)]);
  return (ref) => byPurl.get(ref) ?? derived.get(ref);
}

// ---------------------------------------------------------------------------------------------------------------
// Schema validation

for (const project of PROJECTS) {
  for (const v of SPEC_VERSIONS) {
    test(`${project.id}: CycloneDX ${v} JSON is valid against the official schema`, async () => {
      const { content } = await generate(project, 'cyclonedx-json', v);
      assert.match(content, new RegExp(`"specVersion": "${v.replace('.', '\\.')}"`));
      await validateCdxJson(content, v);
    });

    test(`${project.id}: CycloneDX ${v} XML is valid against the official XSD`, async () => {
      const run = await xmllint();
      const name = `${project.id}-${v}.xml`;
      assert.ok(run.validated.has(name), `${name} does not validate:\n${run.rawOutput.split('\n').filter((l) => l.startsWith(`${name}:`)).slice(0, 20).join('\n')}`);
      assert.match(run.documents.get(name) as string, new RegExp(`^<\\?xml version="1\\.0" encoding="UTF-8"\\?>\\n<bom xmlns="${CYCLONEDX_SPECS[v].xmlNamespace}" serialNumber="urn:uuid:[0-9a-f-]{36}" version="1">\\n`));
    });
  }

  test(`${project.id}: SPDX 2.3 JSON is valid against the official schema`, async () => {
    const { content } = await generate(project, 'spdx-json');
    validateSpdx(content);
    assertSpdxConsistent(content);
  });
}

test('the XML validator rejects a document whose elements are out of XSD order', async () => {
  const run = await xmllint();
  assert.ok(run.failed.has(BROKEN), run.rawOutput.slice(0, 2000));
  assert.ok(!run.validated.has(BROKEN));
});

test('the JSON validators reject invalid documents', async () => {
  const project = PROJECTS[0] as Project;
  const cdx = JSON.parse((await generate(project, 'cyclonedx-json')).content) as { components: Record<string, unknown>[] };
  (cdx.components[0] as Record<string, unknown>)['unknownProperty'] = true;
  await assert.rejects(validateCdxJson(JSON.stringify(cdx), '1.6'), /schema errors/);
  const spdx = JSON.parse((await generate(project, 'spdx-json')).content) as Record<string, unknown>;
  delete spdx['creationInfo'];
  assert.throws(() => validateSpdx(JSON.stringify(spdx)), /creationInfo/);
});

// ---------------------------------------------------------------------------------------------------------------
// The same facts in every format

for (const project of PROJECTS) {
  test(`${project.id}: all three formats carry the same components, purl, hash and edge`, async () => {
    const json = await generate(project, 'cyclonedx-json');
    const xml = await generate(project, 'cyclonedx-xml');
    const spdx = await generate(project, 'spdx-json');
    const bom = json.bom;
    const expected = bom.components.length + bom.assemblies.length + bom.subProjects.length;
    const all = [cdxJsonFacts(json.content), cdxXmlFacts(xml.content), spdxFacts(spdx.content, spdxIdByRef(spdx, spdx.content))];
    for (const [i, facts] of all.entries()) {
      const label = ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json'][i] as string;
      assert.equal(facts.count, expected, `${label}: component count`);
      assert.ok(facts.purls.has(project.purl), `${label}: ${project.purl}`);
      assert.ok(facts.sha256.has(project.sha256), `${label}: sha256 ${project.sha256}`);
      assert.ok(facts.hasEdge(...project.edge), `${label}: ${project.edge.join(' -> ')}`);
      assert.equal(facts.timestamp, EPOCH_ISO, `${label}: timestamp`);
    }
    // Purls agree exactly between the CycloneDX formats and SPDX.
    assert.deepEqual([...(all[1] as Facts).purls].sort(), [...(all[0] as Facts).purls].sort());
    assert.deepEqual([...(all[2] as Facts).purls].sort(), [...(all[0] as Facts).purls].sort());
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Determinism and SOURCE_DATE_EPOCH

const hotpass = PROJECTS[0] as Project;

for (const [format, versions] of [
  ['cyclonedx-json', SPEC_VERSIONS],
  ['cyclonedx-xml', SPEC_VERSIONS],
  ['spdx-json', ['1.6']],
] as const) {
  test(`${format}: two runs give the same bytes`, async () => {
    for (const v of versions) {
      const first = await generate(hotpass, format, v);
      const second = await generateSbom({ projectDir: hotpass.dir, format, specVersion: v, env: { SOURCE_DATE_EPOCH: EPOCH } });
      assert.equal(second.content, first.content, `${format} ${v}`);
      assert.equal(second.summary.sha256, first.summary.sha256);
      assert.ok(second.content.endsWith('\n') && !second.content.endsWith('\n\n'));
    }
  });
}

test('SOURCE_DATE_EPOCH sets the timestamp in every format; without it CycloneDX omits it and SPDX uses the epoch', async () => {
  const without = async (format: SbomFormat): Promise<string> => (await generateSbom({ projectDir: hotpass.dir, format, env: {} })).content;
  const cdx = await without('cyclonedx-json');
  assert.equal(cdxJsonFacts(cdx).timestamp, undefined);
  assert.equal(cdxJsonFacts((await generate(hotpass, 'cyclonedx-json')).content).timestamp, EPOCH_ISO);
  const xml = await without('cyclonedx-xml');
  assert.ok(!xml.includes('<timestamp>'));
  assert.ok((await generate(hotpass, 'cyclonedx-xml')).content.includes(`<timestamp>${EPOCH_ISO}</timestamp>`));
  const spdx = JSON.parse(await without('spdx-json')) as SpdxJson;
  const spdxWithEpoch = JSON.parse((await generate(hotpass, 'spdx-json')).content) as SpdxJson;
  assert.equal(spdx.creationInfo.created, '1970-01-01T00:00:00Z');
  assert.equal(spdxWithEpoch.creationInfo.created, EPOCH_ISO);
  // Identifiers are derived from the content, timestamp included.
  assert.notEqual(spdx.documentNamespace, spdxWithEpoch.documentNamespace);
  assert.notEqual(/serialNumber="([^"]+)"/.exec(xml)?.[1], /serialNumber="([^"]+)"/.exec((await generate(hotpass, 'cyclonedx-xml')).content)?.[1]);
});

// ---------------------------------------------------------------------------------------------------------------
// The in-code fixture: escaping, licences, locations, id collisions

test('fixture: CycloneDX JSON is valid in every spec version', async () => {
  for (const v of SPEC_VERSIONS) await validateCdxJson(writeCycloneDxJson(buildCycloneDx(FIXTURE, CYCLONEDX_SPECS[v]), CYCLONEDX_SPECS[v]), v);
});

test('fixture: CycloneDX XML is valid, escapes text and attributes, and replaces characters XML cannot carry', async () => {
  const run = await xmllint();
  for (const v of SPEC_VERSIONS) assert.ok(run.validated.has(`fixture-${v}.xml`), run.rawOutput.split('\n').filter((l) => l.startsWith(`fixture-${v}.xml:`)).join('\n'));
  const xml = run.documents.get('fixture-1.6.xml') as string;
  assert.ok(!xml.includes(INVALID_XML));
  assert.ok(xml.includes(`<description>Widgets &amp; &lt;gadgets&gt; "quoted" 'single' ]]&gt; \uFFFD control</description>`));
  assert.ok(xml.includes('<property name="fixture:note">tab\there\nnew line&#13;</property>'));
  assert.ok(xml.includes('bom-ref="pypi:local-lib@0.0.1:path:libs/a&amp;b &quot;x&quot;"'));
  assert.ok(xml.includes('<dependency ref="pypi:local-lib@0.0.1:path:libs/a&amp;b &quot;x&quot;"/>'));
  assert.ok(xml.includes('<group>@acme</group>'));
  assert.ok(xml.includes('<hash alg="SHA-512">'));
  assert.ok(xml.includes('<license acknowledgement="declared">\n'));
  assert.ok(xml.includes('<name>Acme Community Licence</name>'));
  assert.ok(xml.includes('<expression acknowledgement="declared">(mit OR apache-2.0)</expression>'));
  // 1.5 has no licence acknowledgement.
  assert.ok(!(run.documents.get('fixture-1.5.xml') as string).includes('acknowledgement'));
});

test('fixture: SPDX maps licences, locations, checksums, scopes and colliding ids', () => {
  const content = writeSpdxJson(FIXTURE);
  validateSpdx(content);
  assertSpdxConsistent(content);
  const doc = JSON.parse(content) as SpdxJson;
  const pkg = (name: string): SpdxJson['packages'][number] => {
    const found = doc.packages.find((p) => p.name === name);
    assert.ok(found !== undefined, name);
    return found;
  };
  const widget = pkg('@acme/widget');
  assert.equal(widget.downloadLocation, 'https://registry.npmjs.org/@acme/widget/-/widget-1.2.3.tgz');
  assert.deepEqual(widget.checksums, [{ algorithm: 'SHA512', checksumValue: createHash('sha512').update('widget').digest('hex') }]);
  assert.equal(widget.licenseDeclared, 'MIT AND LicenseRef-Acme-Community-Licence');
  assert.equal(pkg('a').licenseDeclared, 'MIT OR Apache-2.0');
  assert.equal(pkg('gitpkg').downloadLocation, 'git+https://example.com/org/gitpkg.git@abcdef1234567');
  assert.equal(pkg('local-lib').downloadLocation, 'NOASSERTION');
  assert.equal(pkg('fixture-app').licenseDeclared, 'LicenseRef-Internal');
  assert.equal(pkg('fixture-app').primaryPackagePurpose, 'APPLICATION');
  assert.equal(widget.primaryPackagePurpose, 'LIBRARY');
  assert.deepEqual(
    (doc.hasExtractedLicensingInfos ?? []).map((l) => l.licenseId),
    ['LicenseRef-Acme-Community-Licence', 'LicenseRef-Internal'],
  );
  // pkg:npm/a@1.0.0 and pkg:npm/a-1.0.0 sanitise to the same id: both get a suffix.
  const aId = pkg('a').SPDXID;
  const aDashId = pkg('a-1.0.0').SPDXID;
  assert.notEqual(aId, aDashId);
  assert.match(aId, /^SPDXRef-Package-npm-a-1\.0\.0-[0-9a-f]{8}$/);
  assert.match(aDashId, /^SPDXRef-Package-npm-a-1\.0\.0-[0-9a-f]{8}$/);
  const root = pkg('fixture-app').SPDXID;
  const rel = (from: string, type: string, to: string): boolean => doc.relationships.some((r) => r.spdxElementId === from && r.relationshipType === type && r.relatedSpdxElement === to);
  assert.ok(rel(aId, 'DEV_DEPENDENCY_OF', root));
  assert.ok(rel(aDashId, 'OPTIONAL_DEPENDENCY_OF', root));
  assert.ok(rel(widget.SPDXID, 'DEPENDS_ON', aId));
  assert.ok(rel(root, 'DEPENDS_ON', widget.SPDXID));
  assert.match(pkg('a').comment ?? '', /^scope: excluded$/m);
  assert.equal(writeSpdxJson(FIXTURE), content);
});
