import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SbomFormat } from '../../src/sbom/formats.js';
import { generateSbom } from '../../src/sbom/generate.js';
import { corpus, REPO_ROOT } from '../helpers/shared.js';

/**
 * Golden files: the exact bytes chainwarden writes for a few small inputs. A change in output shows up as a diff to
 * review; refresh deliberately with `UPDATE_GOLDEN=1 npm run test:unit -- golden`.
 */
const GOLDEN_DIR = join(REPO_ROOT, 'packages/chainwarden/test/golden');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const CASES: readonly { name: string; dir: () => string; format: SbomFormat }[] = [
  { name: 'example-hotpass-like.cdx.json', dir: () => join(REPO_ROOT, 'examples/hotpass-like'), format: 'cyclonedx-json' },
  { name: 'uv-workspace.cdx.json', dir: () => corpus('python-uv', 'cdxgen-uv-workspace'), format: 'cyclonedx-json' },
  { name: 'uv-workspace.cdx.xml', dir: () => corpus('python-uv', 'cdxgen-uv-workspace'), format: 'cyclonedx-xml' },
  { name: 'uv-workspace.spdx.json', dir: () => corpus('python-uv', 'cdxgen-uv-workspace'), format: 'spdx-json' },
  { name: 'requirements-unpinned.cdx.json', dir: () => corpus('python-requirements', 'hotpass-unpinned'), format: 'cyclonedx-json' },
];

for (const c of CASES) {
  test(`golden: ${c.name}`, async () => {
    const result = await generateSbom({ projectDir: c.dir(), format: c.format, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    const path = join(GOLDEN_DIR, c.name);
    if (UPDATE || !existsSync(path)) {
      assert.ok(UPDATE, `${c.name} is missing: run with UPDATE_GOLDEN=1 to create it`);
      writeFileSync(path, result.content);
    }
    assert.equal(result.content, readFileSync(path, 'utf8'), `${c.name} differs from the golden file (UPDATE_GOLDEN=1 to refresh after review)`);
  });
}
