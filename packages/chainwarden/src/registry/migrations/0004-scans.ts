/**
 * Scans and the VEX ledger (issue 8). `scans`: every recorded scan with its full report (the remediation backlog
 * and re-matching read them). `vex_ledger`: VEX documents imported on their own (`vex import`), supplier or
 * internal, content-addressed, with signature status; `vex_ledger_statements`: their normalised statements.
 * VEX ingested with an SBOM (0003 `vex_documents`) is part of the same ledger when statements are applied.
 */
import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';
import type { RegistryMigration } from './migration.js';

async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('scans')
    .addColumn('id', t.serial, (c) => (t.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('product_version', 'text')
    .addColumn('sbom', 'text', (c) => c.notNull())
    .addColumn('sbom_sha256', 'text')
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .addColumn('scanned_by', 'text', (c) => c.notNull())
    .addColumn('advisory_records', 'integer', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scans_product_time').on('scans').columns(['product', 'scanned_at']).execute();
  await db.schema
    .createTable('vex_ledger')
    .addColumn('id', t.serial, (c) => (t.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('content', t.bytes, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('format_version', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('document_version', 'integer')
    .addColumn('document_timestamp', 'text')
    .addColumn('issuer', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('supplier_id', 'integer', (c) => c.references('suppliers.id'))
    .addColumn('product_id', 'integer', (c) => c.references('products.id'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('verification', 'text')
    .addColumn('bundle', 'text')
    .addColumn('signer_issuer', 'text')
    .addColumn('signer_subject', 'text')
    .addColumn('signer_repository', 'text')
    .addColumn('signer_key', 'text')
    .addColumn('report', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vex_ledger_document').on('vex_ledger').column('document_id').execute();
  await db.schema
    .createTable('vex_ledger_statements')
    .addColumn('ledger_id', 'integer', (c) => c.notNull().references('vex_ledger.id'))
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
    .addPrimaryKeyConstraint('vex_ledger_statements_pk', ['ledger_id', 'seq'])
    .execute();
  await db.schema.createIndex('vex_ledger_statements_vulnerability').on('vex_ledger_statements').column('vulnerability').execute();
}

export const scansMigration: RegistryMigration = { name: '0004-scans', up };
