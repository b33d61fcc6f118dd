import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateSbom } from '../../src/sbom/generate.js';
import { readLockfile } from '../../src/sbom/read-lockfile.js';
import { cycloneDxJsonErrors, spdxErrors } from '../helpers/schemas.js';
import { corpus } from '../helpers/shared.js';

interface CdxComponent {
  'bom-ref': string;
  type: string;
  components?: CdxComponent[];
  properties?: { name: string; value: string }[];
}
interface CdxDoc {
  metadata: { component: CdxComponent };
  components: CdxComponent[];
  dependencies: { ref: string; dependsOn: string[] }[];
}

/** Every project folder of the corpus (a folder holding at least one file directly, or a requirements/ folder). */
function corpusProjects(): string[] {
  const root = corpus();
  const out: string[] = [];
  for (const eco of readdirSync(root).sort()) {
    const ecoDir = join(root, eco);
    if (!statSync(ecoDir).isDirectory()) continue;
    for (const project of readdirSync(ecoDir).sort()) out.push(join(ecoDir, project));
  }
  return out;
}

const PROJECTS = corpusProjects();

test('corpus: the corpus has the 23 projects MANIFEST.md lists', () => {
  assert.equal(PROJECTS.length, 23);
});

for (const dir of PROJECTS) {
  const name = relative(corpus(), dir);
  test(`corpus ${name}: schema-valid CycloneDX and SPDX, every locked component present, complete graph`, async () => {
    const cdx = await generateSbom({ projectDir: dir, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    assert.equal(await cycloneDxJsonErrors(cdx.content, '1.6'), null, `${name}: CycloneDX 1.6 JSON schema`);

    // Independent of the assembler: the union of what each lockfile yields, by component key.
    const keys = new Set<string>();
    for (const lock of cdx.summary.lockfiles) for (const key of (await readLockfile(dir, lock.path)).components.keys()) keys.add(key);
    const doc = JSON.parse(cdx.content) as CdxDoc;
    const nested = doc.metadata.component.components ?? [];
    // Nested under the root: workspace members (locked components) and sub-projects (other lockfiles' roots).
    const members = nested.length - cdx.bom.subProjects.length;
    assert.equal(doc.components.length + members, keys.size, `${name}: one component per locked (name, version, source)`);

    const refs = new Set([doc.metadata.component['bom-ref'], ...nested.map((c) => c['bom-ref']), ...doc.components.map((c) => c['bom-ref'])]);
    assert.equal(refs.size, 1 + nested.length + doc.components.length, 'bom-refs are unique');
    const deps = new Map(doc.dependencies.map((d) => [d.ref, d.dependsOn]));
    for (const ref of refs) assert.ok(deps.has(ref), `${name}: ${ref} has a dependencies entry`);
    for (const [ref, on] of deps) {
      assert.deepEqual(on, [...new Set(on)].sort(), `${ref}: sorted, unique`);
      for (const target of on) assert.ok(refs.has(target), `${name}: ${ref} → ${target} exists`);
    }
    assert.ok((deps.get(doc.metadata.component['bom-ref']) ?? []).length > 0, 'the root lists its direct dependencies');

    const spdx = await generateSbom({ projectDir: dir, format: 'spdx-json', env: { SOURCE_DATE_EPOCH: '1700000000' } });
    assert.equal(spdxErrors(spdx.content), null, `${name}: SPDX 2.3 schema`);
    const spdxDoc = JSON.parse(spdx.content) as { packages: unknown[] };
    assert.equal(spdxDoc.packages.length, 1 + nested.length + doc.components.length, 'SPDX carries the same packages');
  });
}
