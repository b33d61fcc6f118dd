/** Brings a registry's schema up to date with MIGRATIONS (Kysely's migrator: its own bookkeeping table and lock). */
import type { Kysely, Migration } from 'kysely';
import { RegistryError } from '../core/errors.js';
import type { DialectTypes } from './dialect.js';
import { MIGRATIONS } from './migrations/index.js';

/**
 * `schema` (PostgreSQL): where the bookkeeping tables live. Kysely looks for them in every schema unless told, so a
 * registry in one schema would otherwise see another schema's lock table and skip creating its own.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, types: DialectTypes, schema?: string): Promise<readonly string[]> {
  const { Migrator } = await import('kysely');
  const migrations: Record<string, Migration> = {};
  for (const m of MIGRATIONS) migrations[m.name] = { up: (d) => m.up(d, types) };
  const migrator = new Migrator({ db: db, provider: { getMigrations: () => Promise.resolve(migrations) }, ...(schema !== undefined ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '(unknown)';
    throw new RegistryError('REGISTRY_MIGRATION', `registry migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
