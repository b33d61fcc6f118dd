import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sha256Hex } from '../../src/core/digest.js';
import { checkChain } from '../../src/registry/audit-log.js';
import { blobKey } from '../../src/store/keys.js';
import type { Deletion } from '../../src/store/retention.js';
import { pruneStore } from '../../src/store/retention.js';
import { verifyStore } from '../../src/store/verify.js';
import { copyExample, runCli } from '../helpers/cli.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';
import { tempDir } from '../helpers/shared.js';
import { exampleFile, testStore } from './helpers.js';

const UV_LOCK = exampleFile('uv.lock');
const NPM_LOCK = exampleFile('apps/web-ui/package-lock.json');
const PYPROJECT = exampleFile('pyproject.toml');
const POLICY = exampleFile('policy/sbom.rego');
const key = (content: Uint8Array): string => blobKey(`sha256:${sha256Hex(content)}`) ?? '';

describe('retention prune', () => {
  it('deletes expired entries and their blobs; keeps held entries, blobs an unexpired release references, and fresh orphans', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store, clock } = testStore(dir);
      await store.put('v1', [{ name: 'uv.lock', content: UV_LOCK }, { name: 'package-lock.json', content: NPM_LOCK }]);
      await store.put('held', [{ name: 'pyproject.toml', content: PYPROJECT }], { hold: { reason: 'litigation hold L-7', by: 'compliance' } });
      clock.now = new Date('2026-06-01T00:00:00Z');
      await store.put('v2', [{ name: 'uv.lock', content: UV_LOCK }]);
      // An unreferenced blob (a put that crashed before its index update, or one about to update it), 30 minutes old.
      await store.storage.put(key(POLICY), POLICY);
      const { utimesSync } = await import('node:fs');
      const written = new Date('2026-06-01T23:30:00Z');
      utimesSync(join(dir, 'store', ...key(POLICY).split('/')), written, written);

      // Nothing is due yet; the orphan is younger than the grace period (60 minutes).
      clock.now = new Date('2026-06-02T00:00:00Z');
      const early = await pruneStore(store);
      assert.deepEqual(early.deleted, []);

      clock.now = new Date('2027-03-01T00:00:00Z');
      const indexesBefore = ['v1', 'v2', 'held'].map((r) => readFileSync(join(dir, `store/releases/${r}.json`), 'utf8'));
      const dry = await pruneStore(store, { dryRun: true, record: () => Promise.reject(new Error('a dry run records nothing')) });
      assert.deepEqual(['v1', 'v2', 'held'].map((r) => readFileSync(join(dir, `store/releases/${r}.json`), 'utf8')), indexesBefore, 'a dry run changes nothing');

      const recorded: Deletion[] = [];
      const report = await pruneStore(store, { record: (batch) => Promise.resolve(void recorded.push(...batch)) });
      assert.deepEqual(report.deleted, dry.deleted, 'the dry run said exactly what the prune did');
      assert.deepEqual(recorded, report.deleted, 'every deletion was recorded');
      assert.deepEqual(report.deleted.map((d) => (d.what === 'entry' ? `entry ${d.release}/${d.name}` : d.what === 'blob' ? `blob ${d.blob} ${d.reason}` : `leftover ${d.key}`)).sort(), [
        `blob ${key(NPM_LOCK)} expired`,
        `blob ${key(POLICY)} unreferenced`,
        'entry v1/package-lock.json',
        'entry v1/uv.lock',
      ].sort());
      assert.deepEqual(report.held, ['held/pyproject.toml']);
      assert.deepEqual(report.stillReferenced, [key(UV_LOCK)], 'v2 (until 2027-06-01) still needs uv.lock');
      assert.equal(report.bytesFreed, NPM_LOCK.byteLength + POLICY.byteLength);
      assert.deepEqual(await store.releases(), ['held', 'v2'], "v1's index went with its last entry");
      assert.equal(existsSync(join(dir, 'store', ...key(UV_LOCK).split('/'))), true);
      assert.equal(existsSync(join(dir, 'store', ...key(NPM_LOCK).split('/'))), false);
      assert.equal((await verifyStore(store)).ok, true);

      // After v2 expires too, only the held entry is left; taking the hold off lets it go.
      clock.now = new Date('2028-01-01T00:00:00Z');
      await pruneStore(store);
      assert.deepEqual(await store.releases(), ['held']);
      await store.setHold('held', [], undefined);
      const last = await pruneStore(store);
      assert.deepEqual(last.deleted.map((d) => d.what), ['entry', 'blob']);
      assert.deepEqual(await store.releases(), []);
      assert.deepEqual(await store.storage.list('blobs/'), []);
    } finally {
      cleanup();
    }
  });

  it('a hostile index stops the prune before anything is deleted', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const { store, clock } = testStore(dir);
      await store.put('v1', [{ name: 'uv.lock', content: UV_LOCK }]);
      await store.put('v2', [{ name: 'package-lock.json', content: NPM_LOCK }]);
      const { writeFileSync } = await import('node:fs');
      const file = join(dir, 'store/releases/v2.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"blob": "[^"]+"/, '"blob": "../../../home/user/.ssh/id_rsa"'));
      clock.now = new Date('2030-01-01T00:00:00Z');
      await assert.rejects(pruneStore(store), /store\/releases\/v2\.json \(at entries\[0\]\.blob\): .* points outside/);
      assert.equal(existsSync(join(dir, 'store', ...key(UV_LOCK).split('/'))), true);
      assert.equal(existsSync(join(dir, 'store/releases/v1.json')), true);
    } finally {
      cleanup();
    }
  });
});

for (const backend of BACKENDS) {
  describe(`retention prune: the audit log (${backend})`, () => {
    it('every deletion is an audit entry in the registry, chained', async () => {
      const fresh = freshRegistry(backend);
      const { dir, cleanup } = tempDir();
      try {
        const example = copyExample(dir);
        const ok = runCli(['store', 'put', 'uv.lock', 'pyproject.toml', '--release', 'v0.3.0', '--json'], { cwd: example, env: { CHAINWARDEN_NOW: '2026-01-01T00:00:00Z' } });
        assert.equal(ok.status, 0, ok.stderr);
        const dry = runCli(['retention', 'prune', '--dry-run', '--database-url', fresh.url, '--json'], { cwd: example, env: { CHAINWARDEN_NOW: '2027-06-01T00:00:00Z' } });
        assert.equal(dry.status, 0, dry.stderr);
        assert.equal((JSON.parse(dry.stdout) as { deleted: unknown[] }).deleted.length, 4);
        const prune = runCli(['retention', 'prune', '--database-url', fresh.url, '--json'], { cwd: example, env: { CHAINWARDEN_NOW: '2027-06-01T00:00:00Z', CHAINWARDEN_ACTOR: 'retention-bot' } });
        assert.equal(prune.status, 0, prune.stderr);
        const report = JSON.parse(prune.stdout) as { deleted: unknown[]; audited: number };
        assert.equal(report.audited, 4);
        const registry = await fresh.open();
        try {
          const rows = await registry.db.selectFrom('audit_log').select(['action', 'actor', 'subject', 'detail', 'at']).orderBy('seq').execute();
          assert.deepEqual(rows.map((r) => [r.action, r.actor, r.subject]), [
            ['delete', 'retention-bot', 'store v0.3.0/pyproject.toml'],
            ['delete', 'retention-bot', 'store v0.3.0/uv.lock'],
            ...[key(PYPROJECT), key(UV_LOCK)].sort().map((b) => ['delete', 'retention-bot', `store blob ${b}`]),
          ]);
          const detail = JSON.parse(rows[1]?.detail ?? '{}') as Record<string, unknown>;
          assert.deepEqual(detail, { store: 'data/artifacts/supply-chain', what: 'entry', release: 'v0.3.0', name: 'uv.lock', kind: 'other', digest: `sha256:${sha256Hex(UV_LOCK)}`, size: UV_LOCK.byteLength, created: '2026-01-01T00:00:00Z', expires: '2027-01-01T00:00:00Z', reason: 'expired' });
          assert.equal(rows[0]?.at, '2027-06-01T00:00:00.000Z');
          assert.equal((await checkChain(registry)).broken, undefined);
        } finally {
          await registry.close();
        }
      } finally {
        cleanup();
        await fresh.cleanup();
      }
    });

    it('store hold and store release-hold are audit entries too (action hold / release-hold, the reason in the detail)', async () => {
      const fresh = freshRegistry(backend);
      const { dir, cleanup } = tempDir();
      try {
        const example = copyExample(dir);
        const env = { CHAINWARDEN_NOW: '2026-01-01T00:00:00Z', CHAINWARDEN_ACTOR: 'security-lead' };
        assert.equal(runCli(['store', 'put', 'uv.lock', 'pyproject.toml', '--release', 'v0.3.0'], { cwd: example, env }).status, 0);
        const hold = runCli(['store', 'hold', 'v0.3.0', 'uv.lock', '--reason', 'INC-2026-042', '--database-url', fresh.url, '--json'], { cwd: example, env });
        assert.equal(hold.status, 0, hold.stderr);
        assert.equal((JSON.parse(hold.stdout) as { audited: number }).audited, 1);
        // The same hold again changes nothing and logs nothing.
        assert.equal(runCli(['store', 'hold', 'v0.3.0', 'uv.lock', '--reason', 'INC-2026-042', '--database-url', fresh.url], { cwd: example, env }).status, 0);
        const release = runCli(['store', 'release-hold', 'v0.3.0', '--database-url', fresh.url], { cwd: example, env: { ...env, CHAINWARDEN_ACTOR: 'compliance' } });
        assert.equal(release.status, 0, release.stderr);
        assert.match(release.stdout, /1 entry taken off legal hold; 1 audit log entry/u);
        const registry = await fresh.open();
        try {
          const rows = await registry.db.selectFrom('audit_log').select(['action', 'actor', 'subject', 'detail']).orderBy('seq').execute();
          assert.deepEqual(rows.map((r) => [r.action, r.actor, r.subject]), [
            ['hold', 'security-lead', 'store v0.3.0/uv.lock'],
            ['release-hold', 'compliance', 'store v0.3.0/uv.lock'],
          ]);
          for (const row of rows) {
            assert.deepEqual(JSON.parse(row.detail) as unknown, { store: 'data/artifacts/supply-chain', release: 'v0.3.0', name: 'uv.lock', kind: 'other', digest: `sha256:${sha256Hex(UV_LOCK)}`, reason: 'INC-2026-042' });
          }
          assert.equal((await checkChain(registry)).broken, undefined);
        } finally {
          await registry.close();
        }
      } finally {
        cleanup();
        await fresh.cleanup();
      }
    });
  });
}
