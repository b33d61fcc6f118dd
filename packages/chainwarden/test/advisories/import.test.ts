import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ArchiveError } from '../../src/advisories/errors.js';
import { FileAdvisoryStore } from '../../src/advisories/file-store.js';
import { importAdvisories } from '../../src/advisories/import.js';
import { MemoryAdvisoryStore } from '../../src/advisories/memory-store.js';
import { shared, tempDir } from '../helpers/shared.js';
import { buildZip } from './zip-builder.js';

const rust = (id: string): Buffer => readFileSync(shared('advisories', 'rustsec', 'crates', `${id}.json`));

test('an all.zip export imports; bad records are rejected one by one with file and reason, the rest stored', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const zip = join(dir, 'all.zip');
    writeFileSync(zip, buildZip([
      { name: 'RUSTSEC-2016-0004.json', data: rust('RUSTSEC-2016-0004') },
      { name: 'RUSTSEC-2016-0001.json', data: rust('RUSTSEC-2016-0001') },
      { name: 'broken.json', data: Buffer.from('{"id": "X-1", "modified": 7}') },
    ]));
    const store = new MemoryAdvisoryStore();
    const report = await importAdvisories([zip], store, { baseDir: dir });
    assert.equal(report.files, 3);
    assert.deepEqual(report.stored, ['RUSTSEC-2016-0001', 'RUSTSEC-2016-0004']);
    assert.deepEqual(report.rejected, [{ file: 'all.zip!broken.json', reason: '(at modified): expected a non-empty string, got number 7' }]);
  } finally {
    cleanup();
  }
});

test('zip-slip and zip bombs are refused before anything is stored', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const cases: [string, Buffer, RegExp][] = [
      ['slip.zip', buildZip([{ name: '../../evil.json', data: rust('RUSTSEC-2016-0004') }]), /zip-slip/],
      ['abs.zip', buildZip([{ name: '/etc/evil.json', data: rust('RUSTSEC-2016-0004') }]), /zip-slip/],
      ['bomb.zip', buildZip([{ name: 'a.json', data: Buffer.alloc(8 * 2 ** 20, 0x20) }]), /zip bomb/],
      ['huge.zip', buildZip([{ name: 'a.json', data: Buffer.from('{}'), declaredSize: 2 ** 31 }]), /zip bomb/],
      ['liar.zip', buildZip([{ name: 'a.json', data: Buffer.alloc(100_000, 0x20), declaredSize: 10 }]), /expands past its declared size/],
    ];
    for (const [name, bytes, pattern] of cases) {
      writeFileSync(join(dir, name), bytes);
      const store = new MemoryAdvisoryStore();
      await assert.rejects(importAdvisories([join(dir, name)], store, { baseDir: dir }), (e: unknown) => e instanceof ArchiveError && e.code === 'ARCHIVE_INVALID' && pattern.test(e.message) && e.message.startsWith(name), name);
      assert.equal((await store.stats()).records, 0);
    }
  } finally {
    cleanup();
  }
});

test('the file cache is versioned, survives reopening, and imports incrementally by modified', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const cache = join(dir, 'data', 'advisories', 'advisories.ndjson');
    const first = await importAdvisories([shared('advisories', 'rustsec')], await FileAdvisoryStore.open(cache), { baseDir: shared() });
    assert.equal(first.added, 1206);
    assert.match(readFileSync(cache, 'utf8').split('\n')[0] ?? '', /^\{"format":"chainwarden-advisory-cache","version":1,"records":1206\}$/);
    const reopened = await FileAdvisoryStore.open(cache);
    assert.equal((await reopened.stats()).records, 1206);
    const again = await importAdvisories([shared('advisories', 'rustsec')], reopened, { baseDir: shared() });
    assert.deepEqual([again.added, again.updated, again.unchanged], [0, 0, 1206]);
    writeFileSync(cache, '{"format":"chainwarden-advisory-cache","version":99,"records":0}\n');
    await assert.rejects(FileAdvisoryStore.open(cache), /version 99 is not supported/);
  } finally {
    cleanup();
  }
});
