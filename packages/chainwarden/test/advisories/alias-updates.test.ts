import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { AliasIndex } from '../../src/advisories/alias-groups.js';
import { DbAdvisoryStore } from '../../src/advisories/db-store.js';
import { FileAdvisoryStore } from '../../src/advisories/file-store.js';
import { MemoryAdvisoryStore } from '../../src/advisories/memory-store.js';
import { parseOsvText } from '../../src/advisories/osv-parse.js';
import type { AdvisoryStore, StoredAdvisory } from '../../src/advisories/store.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { shared, tempDir } from '../helpers/shared.js';

/**
 * Two real PyPA records joined by a shared alias: PYSEC-2013-32 (suds: CVE-2013-2217, GHSA-vpqp-hx68-p2wx) and
 * PYSEC-2013-33 (suds-py3: CVE-2013-2217). When a newer version of a record drops an alias, groups no longer join
 * through it; an older copy imported again changes nothing.
 */
const FILES = ['suds/PYSEC-2013-32.yaml', 'suds-py3/PYSEC-2013-33.yaml'];

async function originals(): Promise<StoredAdvisory[]> {
  return Promise.all(
    FILES.map(async (f) => {
      const path = shared('advisories', 'pypa', 'vulns', f);
      return { source: f, record: await parseOsvText(await readFile(path, 'utf8'), f) };
    }),
  );
}

/** A newer version of `advisory` stating only `aliases`. */
function updated(advisory: StoredAdvisory, aliases: string[]): StoredAdvisory {
  return { source: `${advisory.source} (update)`, record: { ...advisory.record, modified: '2025-01-01T00:00:00Z', aliases } };
}

async function members(store: AdvisoryStore, id: string): Promise<readonly string[]> {
  return (await store.groupOf(id)).members;
}

async function exercise(store: AdvisoryStore, reopen: () => Promise<AdvisoryStore> = () => Promise.resolve(store)): Promise<void> {
  const [suds, sudsPy3] = await originals();
  assert.ok(suds !== undefined && sudsPy3 !== undefined);
  await store.put([suds, sudsPy3]);
  const joined = ['CVE-2013-2217', 'GHSA-vpqp-hx68-p2wx', 'PYSEC-2013-32', 'PYSEC-2013-33'];
  assert.deepEqual(await members(store, 'PYSEC-2013-33'), joined);
  assert.equal((await store.stats()).groups, 1);

  // suds-py3's record drops the CVE: it stands alone, the other three stay together.
  assert.deepEqual((await store.put([updated(sudsPy3, [])])).updated, ['PYSEC-2013-33']);
  let current = await reopen();
  assert.deepEqual(await members(current, 'PYSEC-2013-33'), ['PYSEC-2013-33']);
  assert.deepEqual(await members(current, 'CVE-2013-2217'), ['CVE-2013-2217', 'GHSA-vpqp-hx68-p2wx', 'PYSEC-2013-32']);
  assert.equal((await current.groupOf('PYSEC-2013-32')).id, 'CVE-2013-2217');
  assert.equal((await current.stats()).groups, 2);

  // The original (older `modified`) imported again changes nothing: the alias stays dropped.
  assert.deepEqual((await current.put([suds, sudsPy3])).unchanged, 2);
  assert.deepEqual(await members(current, 'PYSEC-2013-33'), ['PYSEC-2013-33']);

  // suds's record drops the CVE but keeps the GHSA: the CVE is now nobody's alias.
  await current.put([updated(suds, ['GHSA-vpqp-hx68-p2wx'])]);
  current = await reopen();
  assert.deepEqual(await members(current, 'CVE-2013-2217'), ['CVE-2013-2217']);
  assert.deepEqual(await members(current, 'PYSEC-2013-32'), ['GHSA-vpqp-hx68-p2wx', 'PYSEC-2013-32']);
  assert.equal((await current.groupOf('PYSEC-2013-32')).id, 'GHSA-vpqp-hx68-p2wx');
}

test('alias index: a record restated without an alias stops joining through it; a link two records state survives one dropping it', () => {
  const index = new AliasIndex();
  index.set('PYSEC-1', ['CVE-2020-1', 'GHSA-a']);
  index.set('GHSA-b', ['CVE-2020-1']);
  index.set('OSV-1', ['GHSA-a']);
  assert.deepEqual(index.group('GHSA-b').members, ['CVE-2020-1', 'GHSA-a', 'GHSA-b', 'OSV-1', 'PYSEC-1']);
  index.set('PYSEC-1', ['GHSA-a']);
  assert.deepEqual(index.group('GHSA-b').members, ['CVE-2020-1', 'GHSA-b']);
  assert.deepEqual(index.group('PYSEC-1').members, ['GHSA-a', 'OSV-1', 'PYSEC-1']);
  index.set('OSV-1', []);
  assert.deepEqual(index.group('GHSA-a').members, ['GHSA-a', 'PYSEC-1']);
  assert.equal(index.groupCount(), 3);
});

test('memory store: an updated record that drops an alias leaves its group', async () => {
  await exercise(new MemoryAdvisoryStore());
});

test('file store: an updated record that drops an alias leaves its group, also after reopening the cache', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'advisories.ndjson');
    await exercise(await FileAdvisoryStore.open(path), () => FileAdvisoryStore.open(path));
  } finally {
    cleanup();
  }
});

for (const backend of BACKENDS) {
  test(`registry database (${backend}): an updated record that drops an alias leaves its group, also for a new store`, async () => {
    const fresh = freshRegistry(backend);
    const registry = await fresh.open();
    try {
      await exercise(new DbAdvisoryStore(registry), () => Promise.resolve(new DbAdvisoryStore(registry)));
    } finally {
      await registry.close();
      await fresh.cleanup();
    }
  });
}
