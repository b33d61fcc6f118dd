import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Registry } from '../../src/registry/database.js';
import { openRegistry } from '../../src/registry/database.js';
import { tempDir } from './shared.js';

/** Every registry test runs against both backends. */
export const BACKENDS = ['sqlite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

/** The machine's PostgreSQL (CI starts it: .ci/run). Override with CHAINWARDEN_TEST_PG. */
export const TEST_PG_URL = process.env['CHAINWARDEN_TEST_PG'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface FreshRegistry {
  /** What to pass as --database-url / CHAINWARDEN_DATABASE_URL (a file path, or a URL with `?schema=`). */
  readonly url: string;
  open(): Promise<Registry>;
  cleanup(): Promise<void>;
}

/** An empty registry of its own: a temp SQLite file, or a PostgreSQL schema dropped on cleanup. */
export function freshRegistry(backend: Backend): FreshRegistry {
  if (backend === 'sqlite') {
    const { dir, cleanup } = tempDir('chainwarden-registry-');
    const url = join(dir, 'registry.sqlite');
    return { url, open: () => openRegistry({ url }), cleanup: () => Promise.resolve(cleanup()) };
  }
  const schema = `cw_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = `${TEST_PG_URL}${TEST_PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;
  return {
    url,
    open: () => openRegistry({ url }),
    cleanup: async () => {
      const pg = await import('pg');
      const client = new pg.default.Client({ connectionString: TEST_PG_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
