import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sha256Hex } from '../../src/core/digest.js';
import type { ChainwardenError } from '../../src/core/errors.js';
import { exportRelease } from '../../src/store/export.js';
import type { StoreError } from '../../src/store/errors.js';
import { StoreIndexError } from '../../src/store/errors.js';
import { blobKey, indexKey, releaseIdProblem } from '../../src/store/keys.js';
import { inferKind } from '../../src/store/kinds.js';
import { LocalFolderStorage } from '../../src/store/local-folder-storage.js';
import { serializeIndex } from '../../src/store/store-index.js';
import { verifyStore } from '../../src/store/verify.js';
import { tempDir } from '../helpers/shared.js';
import { exampleFile, testStore } from './helpers.js';

const UV_LOCK = exampleFile('uv.lock');
const NPM_LOCK = exampleFile('apps/web-ui/package-lock.json');

describe('store: put, get, index', () => {
  it('stores content-addressed blobs and a deterministic, versioned index per release', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store } = testStore(dir);
      const result = await store.put('v0.3.0', [
        { name: 'uv.lock', content: UV_LOCK, kind: 'other' },
        { name: 'dist/sbom/hotpass-like-sbom.json', content: NPM_LOCK },
      ]);
      assert.deepEqual(result.entries.map((e) => [e.name, e.kind, e.status]), [['dist/sbom/hotpass-like-sbom.json', 'sbom', 'new'], ['uv.lock', 'other', 'new']]);
      const digest = `sha256:${sha256Hex(UV_LOCK)}`;
      const blob = join(dir, 'store', ...(blobKey(digest) ?? '').split('/'));
      assert.deepEqual(readFileSync(blob), UV_LOCK);
      const indexText = readFileSync(join(dir, 'store/releases/v0.3.0.json'), 'utf8');
      const index = JSON.parse(indexText) as { format: string; version: number; release: string; entries: { name: string; created: string; expires: string; size: number }[] };
      assert.equal(index.format, 'chainwarden-store-index');
      assert.equal(index.version, 2);
      assert.equal(index.entries[1]?.created, '2026-01-01T00:00:00Z');
      assert.equal(index.entries[1]?.expires, '2027-01-01T00:00:00Z', 'created + 365 days');
      assert.equal(index.entries[1]?.size, UV_LOCK.byteLength);
      // Same entries, same bytes: the serializer sorts and orders keys itself.
      const read = await store.requireIndex('v0.3.0');
      assert.equal(serializeIndex({ release: 'v0.3.0', entries: [...read.index.entries].reverse() }), indexText);
      // Idempotent: the same content again changes nothing (created stays).
      const again = await store.put('v0.3.0', [{ name: 'uv.lock', content: UV_LOCK }]);
      assert.equal(again.entries[0]?.status, 'unchanged');
      assert.equal(readFileSync(join(dir, 'store/releases/v0.3.0.json'), 'utf8'), indexText);
      // get checks the digest
      const entry = store.findEntry(read.index, 'hotpass-like-sbom.json');
      assert.deepEqual(Buffer.from(await store.read(entry, 'v0.3.0')), NPM_LOCK);
      assert.deepEqual(await store.releases(), ['v0.3.0']);
    } finally {
      cleanup();
    }
  });

  it('refuses different content under an existing name unless replace; never replaces what is on hold', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store, clock } = testStore(dir);
      await store.put('v1', [{ name: 'sbom.json', content: UV_LOCK }]);
      const before = readFileSync(join(dir, 'store/releases/v1.json'), 'utf8');
      await assert.rejects(store.put('v1', [{ name: 'sbom.json', content: NPM_LOCK }]), (e: StoreError) => e.code === 'STORE_CONFLICT' && e.exitCode === 2 && /pass --replace/.test(e.message));
      assert.equal(readFileSync(join(dir, 'store/releases/v1.json'), 'utf8'), before, 'nothing changed');
      clock.now = new Date('2026-02-01T00:00:00Z');
      const replaced = await store.put('v1', [{ name: 'sbom.json', content: NPM_LOCK }], { replace: true });
      assert.equal(replaced.entries[0]?.status, 'replaced');
      assert.equal(replaced.entries[0]?.created, '2026-02-01T00:00:00Z');
      await store.setHold('v1', [], { reason: 'INC-42', since: '2026-02-02T00:00:00Z', by: 'alice' });
      await assert.rejects(store.put('v1', [{ name: 'sbom.json', content: UV_LOCK }], { replace: true }), (e: StoreError) => e.code === 'STORE_CONFLICT' && /legal hold \(INC-42\)/.test(e.message));
      const held = await store.requireIndex('v1');
      assert.deepEqual(held.index.entries[0]?.hold, { reason: 'INC-42', since: '2026-02-02T00:00:00Z', by: 'alice' });
      assert.equal((await store.setHold('v1', ['sbom.json'], undefined)).length, 1);
      assert.equal((await store.requireIndex('v1')).index.entries[0]?.hold, undefined);
    } finally {
      cleanup();
    }
  });

  it('refuses release ids and entry names that would escape the store root; nothing is written', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store } = testStore(dir);
      for (const id of ['../../etc', '/abs', 'a/../b', '.hidden', 'a\\b', '']) {
        await assert.rejects(store.put(id, [{ name: 'x.json', content: UV_LOCK }]), (e: StoreError) => e.code === 'STORE_INVALID' && e.exitCode === 2 && e.message.includes(JSON.stringify(id)), id);
      }
      for (const name of ['../x.json', '/etc/passwd', 'a/./b', 'a\\..\\b', 'C:/x']) {
        await assert.rejects(store.put('v1', [{ name, content: UV_LOCK }]), (e: StoreError) => e.code === 'STORE_INVALID' && e.message.includes(JSON.stringify(name)), name);
      }
      assert.equal(existsSync(join(dir, 'store')), false);
      assert.equal(releaseIdProblem('release/2024.1'), undefined, 'git tags with / are fine');
      assert.equal(indexKey('release/2024.1'), 'releases/release%2F2024.1.json');
      const storage = new LocalFolderStorage(join(dir, 'store'), 'store');
      await assert.rejects(storage.put('blobs/../../../x', UV_LOCK), (e: StoreError) => e.code === 'STORE_INVALID' && /escapes the store root/.test(e.message));
      await assert.rejects(storage.get('../outside'), (e: StoreError) => e.code === 'STORE_INVALID');
    } finally {
      cleanup();
    }
  });

  it('infers kinds from names', () => {
    const cases: [string, string][] = [
      ['dist/sbom/hotpass-like-sbom.json', 'sbom'],
      ['bom.cdx.json', 'sbom'],
      ['dist/provenance/provenance.json', 'provenance'],
      ['attestation.intoto.jsonl', 'provenance'],
      ['dist/sbom/hotpass-like-sbom.json.sigstore.json', 'bundle'],
      ['dist/checksums.txt', 'checksums'],
      ['SHA256SUMS', 'checksums'],
      ['reports/policy-report.json', 'policy-report'],
      ['results.sarif', 'scan'],
      ['supplier.openvex.json', 'vex'],
      ['dist/hotpass_like-0.3.0-py3-none-any.whl', 'other'],
    ];
    assert.deepEqual(cases.map(([n]) => [n, inferKind(n)]), cases);
  });
});

describe('store: a hostile index is refused, naming the file and the entry', () => {
  const hostile: [string, (e: Record<string, unknown>) => void, RegExp][] = [
    ['blob outside the store', (e) => (e['blob'] = '../../../../etc/passwd'), /releases\/v1\.json \(at entries\[0\]\.blob\): "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" points outside the store's blobs/],
    ['blob not the digest\'s address', (e) => (e['blob'] = `blobs/sha256/00/${'0'.repeat(64)}`), /\(at entries\[0\]\.blob\): .* is not the content address of sha256:/],
    ['name escaping', (e) => (e['name'] = '../../.bashrc'), /\(at entries\[0\]\.name\): "\.\.\/\.\.\/\.bashrc" may not hold an empty, "\." or "\.\." part/],
    ['absolute name', (e) => (e['name'] = '/etc/cron.d/x'), /\(at entries\[0\]\.name\): "\/etc\/cron\.d\/x" must be a relative path/],
    ['digest not sha256', (e) => (e['digest'] = 'md5:abc'), /\(at entries\[0\]\.digest\)/],
    ['unknown kind', (e) => (e['kind'] = 'malware'), /\(at entries\[0\]\.kind\): "malware" is not one of/],
  ];
  for (const [what, mutate, message] of hostile) {
    it(what, async () => {
      const { dir, cleanup } = tempDir();
      try {
        const { store } = testStore(dir);
        await store.put('v1', [{ name: 'sbom.json', content: UV_LOCK }]);
        const file = join(dir, 'store/releases/v1.json');
        const index = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown>[] };
        mutate(index.entries[0] as Record<string, unknown>);
        writeFileSync(file, JSON.stringify(index));
        const check = (e: unknown): boolean => e instanceof StoreIndexError && e.exitCode === 2 && e.code === 'STORE_INVALID' && message.test(e.message) && e.message.startsWith('store/releases/v1.json');
        await assert.rejects(store.readAll(), check);
        await assert.rejects(verifyStore(store), check);
        await assert.rejects(exportRelease(store, 'v1', join(dir, 'out')), check);
        assert.equal(existsSync(join(dir, 'out')), false);
      } finally {
        cleanup();
      }
    });
  }

  it('a truncated index names the file and line', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store } = testStore(dir);
      await store.put('v1', [{ name: 'sbom.json', content: UV_LOCK }]);
      const file = join(dir, 'store/releases/v1.json');
      writeFileSync(file, readFileSync(file, 'utf8').slice(0, 120));
      await assert.rejects(store.readAll(), (e: StoreIndexError) => /^store\/releases\/v1\.json:\d+:\d+: invalid JSON/.test(e.message));
    } finally {
      cleanup();
    }
  });
});

describe('store: tampering, missing blobs, interrupted writes', () => {
  it('verify re-hashes every blob: tampered and missing evidence are problems; get and export refuse them', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store } = testStore(dir);
      await store.put('v1', [{ name: 'uv.lock', content: UV_LOCK }, { name: 'package-lock.json', content: NPM_LOCK }]);
      await store.put('v2', [{ name: 'uv.lock', content: UV_LOCK }]);
      assert.equal((await verifyStore(store)).ok, true);
      const uvBlob = join(dir, 'store', ...(blobKey(`sha256:${sha256Hex(UV_LOCK)}`) ?? '').split('/'));
      writeFileSync(uvBlob, Buffer.concat([UV_LOCK, Buffer.from('\n# injected\n')]));
      const npmBlob = join(dir, 'store', ...(blobKey(`sha256:${sha256Hex(NPM_LOCK)}`) ?? '').split('/'));
      writeFileSync(npmBlob, '');
      const { rmSync } = await import('node:fs');
      rmSync(npmBlob);
      const result = await verifyStore(store);
      assert.equal(result.ok, false);
      assert.deepEqual(result.problems.map((p) => [p.problem, p.entries]).sort(), [
        ['missing', ['v1/package-lock.json']],
        ['tampered', ['v1/uv.lock', 'v2/uv.lock']],
      ]);
      assert.equal(result.problems.find((p) => p.problem === 'tampered')?.actual, `sha256:${sha256Hex(readFileSync(uvBlob))}`);
      const v2 = await verifyStore(store, 'v2');
      assert.deepEqual(v2.problems.map((p) => p.problem), ['tampered']);
      const { index } = await store.requireIndex('v2');
      await assert.rejects(store.read(store.findEntry(index, 'uv.lock'), 'v2'), (e: ChainwardenError) => e.code === 'STORE_TAMPERED' && e.exitCode === 1 && /was altered/.test(e.message));
      await assert.rejects(exportRelease(store, 'v2', join(dir, 'out')), (e: ChainwardenError) => e.code === 'STORE_TAMPERED');
      assert.equal(existsSync(join(dir, 'out')), false);
      assert.deepEqual(readdirSync(dir).filter((n) => n.includes('out')), [], 'no temporary export left behind');
    } finally {
      cleanup();
    }
  });

  it('a symbolic link planted as a blob is refused, not followed', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store } = testStore(dir);
      await store.put('v1', [{ name: 'uv.lock', content: UV_LOCK }]);
      const blob = join(dir, 'store', ...(blobKey(`sha256:${sha256Hex(UV_LOCK)}`) ?? '').split('/'));
      const { rmSync } = await import('node:fs');
      rmSync(blob);
      writeFileSync(join(dir, 'secret'), UV_LOCK);
      symlinkSync(join(dir, 'secret'), blob);
      const result = await verifyStore(store);
      assert.deepEqual(result.problems.map((p) => p.problem), ['unreadable']);
      assert.match(result.problems[0]?.detail ?? '', /is a symbolic link/);
    } finally {
      cleanup();
    }
  });

  it('a crash mid-write (temporary file, partial blob, stale lock) leaves the store readable and consistent', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store } = testStore(dir);
      await store.put('v1', [{ name: 'uv.lock', content: UV_LOCK }]);
      const indexBefore = readFileSync(join(dir, 'store/releases/v1.json'), 'utf8');
      // What a process killed during a put leaves: a half-written temporary index and blob, and its lock.
      writeFileSync(join(dir, 'store/releases/.v1.json.4242.abcdef.tmp'), indexBefore.slice(0, 50));
      const npmKey = blobKey(`sha256:${sha256Hex(NPM_LOCK)}`) ?? '';
      const npmDir = join(dir, 'store', ...npmKey.split('/').slice(0, -1));
      mkdirSync(npmDir, { recursive: true });
      writeFileSync(join(npmDir, `.${npmKey.split('/').pop() ?? ''}.4242.abcdef.tmp`), NPM_LOCK.subarray(0, 100));
      writeFileSync(join(dir, 'store/releases/.v1.json.lock'), JSON.stringify({ pid: 999_999_999, host: (await import('node:os')).hostname(), at: 0, nonce: 'x' }));
      assert.deepEqual(await store.releases(), ['v1']);
      const verified = await verifyStore(store);
      assert.equal(verified.ok, true);
      assert.equal(verified.leftovers.length, 3);
      // The next put breaks the dead process's lock and completes.
      const put = await store.put('v1', [{ name: 'package-lock.json', content: NPM_LOCK }]);
      assert.equal(put.entries[0]?.status, 'new');
      assert.deepEqual((await store.requireIndex('v1')).index.entries.map((e) => e.name), ['package-lock.json', 'uv.lock']);
      // A partial blob at the final path (e.g. a disk fault) is rewritten by the next put of that content.
      const uvKey = blobKey(`sha256:${sha256Hex(UV_LOCK)}`) ?? '';
      writeFileSync(join(dir, 'store', ...uvKey.split('/')), UV_LOCK.subarray(0, 10));
      assert.equal((await verifyStore(store)).ok, false);
      await store.put('v2', [{ name: 'uv.lock', content: UV_LOCK }]);
      assert.equal((await verifyStore(store)).ok, true);
    } finally {
      cleanup();
    }
  });
});
