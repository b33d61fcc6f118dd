import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { ingestSbom } from '../../src/registry/ingest/ingest.js';
import { generateSbom } from '../../src/sbom/generate.js';
import type { SbomFormat } from '../../src/sbom/formats.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { corpus, shared, tempDir } from '../helpers/shared.js';

interface Cdx {
  components?: Cdx[];
  metadata?: { component?: Cdx };
}

/** Components in a CycloneDX JSON file, counted independently of the reader: nested ones and the root's members too. */
function cdxCount(doc: Cdx): number {
  const flat = (list: Cdx[] | undefined): number => (list ?? []).reduce((n, c) => n + 1 + flat(c.components), 0);
  return flat(doc.components) + flat(doc.metadata?.component?.components);
}

/** SPDX packages, less the one the document DESCRIBES (the product itself). */
function spdxCount(doc: { packages?: unknown[]; relationships?: { relationshipType: string; spdxElementId: string }[] }): number {
  const describes = (doc.relationships ?? []).some((r) => r.relationshipType === 'DESCRIBES' && r.spdxElementId === 'SPDXRef-DOCUMENT');
  return (doc.packages ?? []).length - (describes ? 1 : 0);
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return name.endsWith('.json') ? [path] : [];
    });
}

function corpusProjects(): string[] {
  const root = corpus();
  return readdirSync(root)
    .sort()
    .filter((eco) => statSync(join(root, eco)).isDirectory())
    .flatMap((eco) => readdirSync(join(root, eco)).sort().map((p) => join(root, eco, p)));
}

const SUPPLIER_SBOMS = [...files(shared('vex', 'cyclonedx-bom-examples', 'SBOM')), ...files(shared('corpus', 'anchor-sboms'))];

for (const backend of BACKENDS) {
  describe(`registry real data (${backend})`, () => {
    it('every SBOM of cyclonedx-bom-examples and anchor-sboms: stored + quarantined components = the file', async () => {
      assert.equal(SUPPLIER_SBOMS.length, 41);
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        for (const file of SUPPLIER_SBOMS) {
          const name = relative(shared(), file);
          const result = await ingestSbom(r, { file, display: name, product: name, actor: 'test' });
          const expected = cdxCount(JSON.parse(readFileSync(file, 'utf8')) as Cdx);
          assert.equal(result.quality.components.total, expected, name);
          const row = await r.db.selectFrom('versions').select(['component_count', 'quarantined_count', 'id']).where('document_sha256', '=', result.sha256).executeTakeFirstOrThrow();
          const stored = await r.db.selectFrom('components').select((eb) => eb.fn.countAll().as('n')).where('version_id', '=', row.id).executeTakeFirstOrThrow();
          const quarantined = await r.db.selectFrom('quarantine').select((eb) => eb.fn.countAll().as('n')).where('version_id', '=', row.id).executeTakeFirstOrThrow();
          assert.equal(Number(stored.n) + Number(quarantined.n), expected, name);
          assert.equal(Number(stored.n), Number(row.component_count), name);
        }
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });

    it("chainwarden's own SBOMs of the lockfile corpus (CycloneDX JSON and XML, SPDX): counts match, versions link", async () => {
      const fresh = freshRegistry(backend);
      const tmp = tempDir();
      const r = await fresh.open();
      try {
        const projects = corpusProjects();
        assert.equal(projects.length, 23);
        const formats: [SbomFormat, (text: string) => number][] = [
          ['cyclonedx-json', (t) => cdxCount(JSON.parse(t) as Cdx)],
          // The XML is written from the same model as the JSON: the same components.
          ['cyclonedx-xml', () => -1],
          ['spdx-json', (t) => spdxCount(JSON.parse(t) as Parameters<typeof spdxCount>[0])],
        ];
        for (const dir of projects) {
          const name = relative(corpus(), dir);
          for (const [format, count] of formats) {
            const sbom = await generateSbom({ projectDir: dir, format, env: { SOURCE_DATE_EPOCH: '1700000000' } });
            const file = join(tmp.dir, `${name.replace('/', '__')}.${format}`);
            writeFileSync(file, sbom.content);
            const result = await ingestSbom(r, { file, display: `${name} (${format})`, product: `${name} ${format}`, version: '1', actor: 'test' });
            const expected = format === 'cyclonedx-xml' ? cdxCount(JSON.parse((await generateSbom({ projectDir: dir, env: { SOURCE_DATE_EPOCH: '1700000000' } })).content) as Cdx) : count(sbom.content);
            assert.equal(result.quality.components.total, expected, `${name} ${format}`);
            assert.equal(result.quality.components.kept + result.quality.components.quarantined, result.quality.components.total);
            // chainwarden's own CycloneDX is schema-valid and its graph complete: nothing dangles.
            assert.equal(result.quality.dependencies.dangling, 0, `${name} ${format}: dangling edges`);
          }
        }
        const products = await r.db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
        assert.equal(Number(products.n), 69);
      } finally {
        await r.close();
        await fresh.cleanup();
        tmp.cleanup();
      }
    });
  });
}
