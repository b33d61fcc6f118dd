import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegistryError } from '../../src/core/errors.js';
import { openRegistry } from '../../src/registry/database.js';
import { MIGRATIONS } from '../../src/registry/migrations/index.js';
import { BACKENDS, freshRegistry } from '../helpers/registry.js';

for (const backend of BACKENDS) {
  describe(`registry database (${backend})`, () => {
    it('creates the schema with every migration, and reopening changes nothing', async () => {
      const fresh = freshRegistry(backend);
      try {
        const r = await fresh.open();
        assert.equal(r.dialect, backend);
        const applied = await r.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
        assert.deepEqual(applied.map((row) => (row as { name: string }).name), MIGRATIONS.map((m) => m.name));
        await r.close();
        const again = await fresh.open();
        const rows = await again.db.selectFrom('suppliers').selectAll().execute();
        assert.deepEqual(rows, []);
        await again.close();
      } finally {
        await fresh.cleanup();
      }
    });

    it('a transaction stores all of its work or none of it', async () => {
      const fresh = freshRegistry(backend);
      const r = await fresh.open();
      try {
        await assert.rejects(
          r.transaction(async (tx) => {
            await tx.insertInto('suppliers').values({ name: 'acme', trust: '{}', created_at: '2025-01-01T00:00:00Z' }).execute();
            throw new Error('boom');
          }),
          /boom/u,
        );
        assert.equal((await r.db.selectFrom('suppliers').selectAll().execute()).length, 0);
        const id = await r.transaction(async (tx) => {
          const row = await tx.insertInto('suppliers').values({ name: 'acme', trust: '{}', created_at: '2025-01-01T00:00:00Z' }).returning('id').executeTakeFirstOrThrow();
          return row.id;
        });
        assert.equal(typeof id, 'number');
        assert.deepEqual((await r.db.selectFrom('suppliers').select('name').execute()).map((s) => s.name), ['acme']);
      } finally {
        await r.close();
        await fresh.cleanup();
      }
    });
  });
}

describe('registry database errors', () => {
  it('an unreachable PostgreSQL server is a RegistryError naming the database without its password', async () => {
    await assert.rejects(openRegistry({ url: 'postgres://u:secret@127.0.0.1:1/none' }), (error: unknown) => {
      assert.ok(error instanceof RegistryError);
      assert.equal(error.code, 'REGISTRY_UNAVAILABLE');
      assert.match(error.message, /127\.0\.0\.1:1/u);
      assert.doesNotMatch(error.message, /secret/u);
      return true;
    });
  });
});
