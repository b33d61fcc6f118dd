/** The first schema: suppliers, products and versions, documents, components and dependencies, quarantine, audit. */
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';
import type { RegistryMigration } from './migration.js';

async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  const id = (c: ColumnDefinitionBuilder): ColumnDefinitionBuilder => (t.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey());
  await db.schema
    .createTable('suppliers')
    .addColumn('id', t.serial, id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('trust', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('products')
    .addColumn('id', t.serial, id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('supplier_id', 'integer', (c) => c.references('suppliers.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('documents')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('content', t.bytes, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('spec_version', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('versions')
    .addColumn('id', t.serial, id)
    .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('document_sha256', 'text', (c) => c.notNull().unique().references('documents.sha256'))
    .addColumn('previous_version_id', 'integer', (c) => c.references('versions.id'))
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('ingested_by', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('verification', 'text')
    .addColumn('bundle', 'text')
    .addColumn('signer_issuer', 'text')
    .addColumn('signer_subject', 'text')
    .addColumn('signer_repository', 'text')
    .addColumn('signer_key', 'text')
    .addColumn('quality', 'text', (c) => c.notNull())
    .addColumn('component_count', 'integer', (c) => c.notNull())
    .addColumn('quarantined_count', 'integer', (c) => c.notNull())
    .addColumn('reverify_status', 'text')
    .addColumn('reverify_detail', 'text')
    .addUniqueConstraint('versions_product_version', ['product_id', 'version'])
    .execute();
  await db.schema
    .createTable('components')
    .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id'))
    .addColumn('bom_ref', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text')
    .addColumn('version', 'text')
    .addColumn('purl', 'text')
    .addColumn('purl_base', 'text')
    .addColumn('licenses', 'text')
    .execute();
  await db.schema.createIndex('components_version').on('components').column('version_id').execute();
  await db.schema.createIndex('components_purl').on('components').column('purl').execute();
  await db.schema.createIndex('components_purl_base').on('components').column('purl_base').execute();
  await db.schema
    .createTable('dependencies')
    .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('depends_on', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dependencies_version').on('dependencies').column('version_id').execute();
  await db.schema
    .createTable('quarantine')
    .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id'))
    .addColumn('bom_ref', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('component', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quarantine_version').on('quarantine').column('version_id').execute();
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_seals')
    .addColumn('id', t.serial, id)
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('head_hash', 'text', (c) => c.notNull())
    .addColumn('sealed_at', 'text', (c) => c.notNull())
    .addColumn('bundle', 'text', (c) => c.notNull())
    .execute();
}

export const initialMigration: RegistryMigration = { name: '0001-initial', up };
