import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DbAdvisoryStore } from '../../src/advisories/db-store.js';
import { importAdvisories } from '../../src/advisories/import.js';
import { matchComponents } from '../../src/findings/match.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { shared } from '../helpers/shared.js';

for (const backend of BACKENDS) {
  test(`advisories in the registry database (${backend}): import, incremental re-import, lookup, aliases, matching`, async () => {
    const fresh = freshRegistry(backend);
    const registry = await fresh.open();
    try {
      const store = new DbAdvisoryStore(registry, () => new Date('2024-06-01T00:00:00Z'));
      const paths = [shared('advisories', 'pypa', 'vulns', 'aiohttp'), shared('advisories', 'rustsec', 'crates')];
      const first = await importAdvisories(paths, store, { baseDir: shared() });
      assert.equal(first.added, first.files);
      assert.deepEqual(first.rejected, []);
      const again = await importAdvisories(paths, store, { baseDir: shared() });
      assert.deepEqual([again.added, again.updated, again.unchanged], [0, 0, first.files]);
      const stats = await store.stats();
      assert.equal(stats.records, first.files);
      assert.ok(stats.withdrawn >= 14, `withdrawn ${stats.withdrawn}`);
      const aio = await store.forPackage('PyPI', 'aiohttp');
      assert.ok(aio.some((a) => a.record.id === 'PYSEC-2024-24'));
      assert.deepEqual((await store.groupOf('PYSEC-2024-24')).id, 'CVE-2024-23334');
      assert.equal((await store.get('RUSTSEC-2016-0004'))?.record.affected[0]?.informational, 'unmaintained');
      const { findings } = await matchComponents([{ name: 'aiohttp', purl: 'pkg:pypi/aiohttp@3.8.3' }], store);
      const f = findings.find((x) => x.vulnerability === 'CVE-2024-23334');
      assert.deepEqual(f?.explanations[0]?.matched, { by: 'version', entry: '3.8.3' });
    } finally {
      await registry.close();
      await fresh.cleanup();
    }
  });
}
