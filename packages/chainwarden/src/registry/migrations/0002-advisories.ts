/** Advisories (issue 8): OSV records, the packages they name and their aliases. */
import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';
import type { RegistryMigration } from './migration.js';

async function up(db: Kysely<unknown>, _t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('advisories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('modified', 'text', (c) => c.notNull())
    .addColumn('withdrawn', 'integer', (c) => c.notNull())
    .addColumn('malicious', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('advisory_packages')
    .addColumn('advisory_id', 'text', (c) => c.notNull().references('advisories.id').onDelete('cascade'))
    .addColumn('package_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('advisory_packages_pk', ['advisory_id', 'package_key'])
    .execute();
  await db.schema.createIndex('advisory_packages_key').on('advisory_packages').column('package_key').execute();
  await db.schema
    .createTable('advisory_aliases')
    .addColumn('advisory_id', 'text', (c) => c.notNull().references('advisories.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('advisory_aliases_pk', ['advisory_id', 'alias'])
    .execute();
  await db.schema.createIndex('advisory_aliases_alias').on('advisory_aliases').column('alias').execute();
}

export const advisoriesMigration: RegistryMigration = { name: '0002-advisories', up };
