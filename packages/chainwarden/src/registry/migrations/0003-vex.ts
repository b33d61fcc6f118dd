/** VEX documents ingested with an SBOM (issue 7): original bytes, who said it, how it was verified, and its statements. */
import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';
import type { RegistryMigration } from './migration.js';

async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('vex_documents')
    .addColumn('id', t.serial, (c) => (t.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('content', t.bytes, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('format_version', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('document_version', 'integer')
    .addColumn('document_timestamp', 'text')
    .addColumn('issuer', 'text')
    .addColumn('supplier_id', 'integer', (c) => c.references('suppliers.id'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id'))
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('ingested_by', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('verification', 'text')
    .addColumn('bundle', 'text')
    .addColumn('signer_issuer', 'text')
    .addColumn('signer_subject', 'text')
    .addColumn('signer_repository', 'text')
    .addColumn('signer_key', 'text')
    .addColumn('report', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vex_documents_version').on('vex_documents').column('version_id').execute();
  await db.schema
    .createTable('vex_statements')
    .addColumn('vex_document_id', 'integer', (c) => c.notNull().references('vex_documents.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('vulnerability', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source_status', 'text', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addColumn('impact', 'text')
    .addColumn('action_statement', 'text')
    .addColumn('timestamp', 'text')
    .addColumn('products', 'text', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('vex_statements_pk', ['vex_document_id', 'seq'])
    .execute();
  await db.schema.createIndex('vex_statements_vulnerability').on('vex_statements').column('vulnerability').execute();
}

export const vexMigration: RegistryMigration = { name: '0003-vex', up };
