import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sha256Hex } from '../../src/core/digest.js';
import { StoreIndexError } from '../../src/store/errors.js';
import { blobKey } from '../../src/store/keys.js';
import { pruneStore } from '../../src/store/retention.js';
import { verifyStore } from '../../src/store/verify.js';
import { copyExample, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/shared.js';
import { exampleFile, testStore } from './helpers.js';

const UV_LOCK = exampleFile('uv.lock');
const NPM_LOCK = exampleFile('apps/web-ui/package-lock.json');
const digest = (content: Uint8Array): string => `sha256:${sha256Hex(content)}`;
const key = (content: Uint8Array): string => blobKey(digest(content)) ?? '';

describe('store: superseded entries (replaced evidence is kept until its own expiry)', () => {
  it('replace keeps the old entry as superseded; retention treats its blob as referenced until it expires; verify checks it', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store, clock } = testStore(dir, '2026-01-01T00:00:00Z', 30);
      await store.put('v1', [{ name: 'sbom.json', content: UV_LOCK }]);
      clock.now = new Date('2026-01-20T00:00:00Z');
      await store.put('v1', [{ name: 'sbom.json', content: NPM_LOCK }], { replace: true });
      const { index } = await store.requireIndex('v1');
      assert.deepEqual(index.entries.map((e) => e.digest), [digest(NPM_LOCK)]);
      assert.deepEqual(index.superseded?.map((e) => [e.name, e.digest, e.created, e.expires, e.supersededAt, e.supersededBy]), [
        ['sbom.json', digest(UV_LOCK), '2026-01-01T00:00:00Z', '2026-01-31T00:00:00Z', '2026-01-20T00:00:00Z', digest(NPM_LOCK)],
      ]);
      const text = readFileSync(join(dir, 'store/releases/v1.json'), 'utf8');
      assert.match(text, /"version": 2/u);
      assert.match(text, /"supersededAt": "2026-01-20T00:00:00Z"/u);

      // Before its expiry: a prune (grace 0) keeps the old blob, verify re-hashes and names it.
      const early = await pruneStore(store, { graceMinutes: 0 });
      assert.deepEqual(early.deleted, []);
      assert.ok(existsSync(join(dir, 'store', key(UV_LOCK))));
      writeFileSync(join(dir, 'store', key(UV_LOCK)), 'tampered');
      const verified = await verifyStore(store);
      assert.equal(verified.ok, false);
      assert.deepEqual(verified.problems.map((p) => [p.problem, p.entries]), [['tampered', ['v1/sbom.json (superseded 2026-01-20T00:00:00Z)']]]);
      writeFileSync(join(dir, 'store', key(UV_LOCK)), UV_LOCK);
      assert.equal((await verifyStore(store)).ok, true);

      // After its own expiry (the new entry is still young): the superseded entry and its blob go.
      clock.now = new Date('2026-02-05T00:00:00Z');
      const later = await pruneStore(store, { graceMinutes: 0 });
      assert.deepEqual(later.deleted.map((d) => (d.what === 'entry' ? ['entry', d.name, d.supersededAt] : [d.what, d.what === 'blob' ? d.blob : d.key])), [
        ['entry', 'sbom.json', '2026-01-20T00:00:00Z'],
        ['blob', key(UV_LOCK)],
      ]);
      const after = await store.requireIndex('v1');
      assert.deepEqual(after.index.superseded, []);
      assert.deepEqual(after.index.entries.map((e) => e.digest), [digest(NPM_LOCK)]);
      assert.ok(existsSync(join(dir, 'store', key(NPM_LOCK))));
    } finally {
      cleanup();
    }
  });

  it('still reads a version 1 index (no superseded), and refuses a hostile superseded entry naming the place', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store, clock } = testStore(dir);
      await store.put('v1', [{ name: 'sbom.json', content: UV_LOCK }]);
      const file = join(dir, 'store/releases/v1.json');
      const v1 = readFileSync(file, 'utf8').replace('"version": 2', '"version": 1').replace(/,\n {2}"superseded": \[\]/u, '');
      assert.doesNotMatch(v1, /superseded/u);
      writeFileSync(file, v1);
      assert.deepEqual((await store.requireIndex('v1')).index.entries.map((e) => e.name), ['sbom.json']);
      clock.now = new Date('2026-01-02T00:00:00Z');
      await store.put('v1', [{ name: 'sbom.json', content: NPM_LOCK }], { replace: true });
      assert.equal((await store.requireIndex('v1')).index.superseded?.length, 1, 'a version 1 index is rewritten as version 2 with the replaced entry');
      const hostile = readFileSync(file, 'utf8').replace(/("superseded": \[\s*\{[^}]*?"blob": )"[^"]+"/u, '$1"../../../etc/passwd"');
      assert.notEqual(hostile, readFileSync(file, 'utf8'));
      writeFileSync(file, hostile);
      await assert.rejects(store.requireIndex('v1'), (e: StoreIndexError) => e instanceof StoreIndexError && e.exitCode === 2 && /superseded\[0\]\.blob/u.test(e.message) && /points outside/u.test(e.message));
    } finally {
      cleanup();
    }
  });

  it('store show lists superseded entries separately (CLI)', () => {
    const { dir, cleanup } = tempDir();
    try {
      const example = copyExample(dir);
      writeFileSync(join(example, 'notes.txt'), 'first\n');
      assert.equal(runCli(['store', 'put', 'notes.txt', '--release', 'v0.3.0'], { cwd: example, env: { CHAINWARDEN_NOW: '2026-01-01T00:00:00Z' } }).status, 0);
      writeFileSync(join(example, 'notes.txt'), 'second\n');
      const put = runCli(['store', 'put', 'notes.txt', '--release', 'v0.3.0', '--replace'], { cwd: example, env: { CHAINWARDEN_NOW: '2026-01-02T00:00:00Z' } });
      assert.equal(put.status, 0, put.stderr);
      const show = runCli(['store', 'show', 'v0.3.0'], { cwd: example });
      assert.equal(show.status, 0, show.stderr);
      assert.match(show.stdout, /release v0\.3\.0 1 entry/u);
      assert.match(show.stdout, /superseded \(replaced, kept until they expire\): 1\n.*\n\s+other\s+notes\.txt\s+6 B\s+sha256:[0-9a-f]{12}…\s+2026-01-01\s+2026-01-02T00:00:00Z\s+sha256:[0-9a-f]{12}…\s+2027-01-01/u);
      const json = JSON.parse(runCli(['store', 'show', 'v0.3.0', '--json'], { cwd: example }).stdout) as { entries: unknown[]; superseded: { supersededBy: string }[] };
      assert.equal(json.entries.length, 1);
      assert.equal(json.superseded[0]?.supersededBy, digest(Buffer.from('second\n')));
    } finally {
      cleanup();
    }
  });
});
