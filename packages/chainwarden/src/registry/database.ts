/**
 * Opens the registry: an SQLite file (the default, nothing to start) or PostgreSQL (`postgres://…`), both through
 * Kysely, and brings the schema up to date. The one place that knows which driver is behind the handle.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import { RegistryError } from '../core/errors.js';
import type { DialectName, DialectTypes } from './dialect.js';
import { DIALECT_TYPES } from './dialect.js';
import { migrateToLatest } from './migrate.js';
import type { RegistrySchema } from './schema.js';

export type RegistryDb = Kysely<RegistrySchema>;
export type RegistryTx = Transaction<RegistrySchema>;

export interface OpenRegistryOptions {
  /** `postgres://…` / `postgresql://…`, or a path to an SQLite file, or `:memory:`. */
  readonly url: string;
  /** PostgreSQL only: the schema (namespace) to use, created when missing (or `?schema=` in the URL). Tests use one each. */
  readonly schema?: string;
  /** Bring the schema up to date on open (default true). */
  readonly migrate?: boolean;
}

export interface Registry {
  readonly db: RegistryDb;
  readonly dialect: DialectName;
  readonly types: DialectTypes;
  /** Where it is, without a password (for messages). */
  readonly location: string;
  /** Runs `work` in one transaction: all of it is stored, or none of it. */
  transaction<T>(work: (tx: RegistryTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//u.test(url);
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparsable url)';
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/u;

async function openPostgres(options: OpenRegistryOptions): Promise<{ db: RegistryDb; location: string; schema: string }> {
  const [{ Kysely, PostgresDialect }, pg] = await Promise.all([import('kysely'), import('pg')]);
  const url = new URL(options.url);
  const schema = options.schema ?? url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  const location = redactUrl(url.toString());
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new RegistryError('REGISTRY_UNAVAILABLE', `invalid PostgreSQL schema name "${schema}"`);
  // With a schema of its own, parallel query workers are turned off: a worker re-resolves search_path on start and was
  // seen failing with "schema … does not exist (parallel worker)" right after the schema was created, on a busy server.
  // Registry queries are small and indexed; they gain nothing from parallel plans.
  const pool = new pg.default.Pool({ connectionString: url.toString(), max: 4, ...(schema !== undefined ? { options: `-c search_path=${schema} -c max_parallel_workers_per_gather=0` } : {}) });
  try {
    const client = await pool.connect();
    try {
      if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new RegistryError('REGISTRY_UNAVAILABLE', `cannot connect to the registry database ${location}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { db: new Kysely<RegistrySchema>({ dialect: new PostgresDialect({ pool }) }), location, schema: schema ?? 'public' };
}

async function openSqlite(options: OpenRegistryOptions): Promise<{ db: RegistryDb; location: string }> {
  const [{ Kysely, SqliteDialect }, { default: Database }] = await Promise.all([import('kysely'), import('better-sqlite3')]);
  let database;
  try {
    if (options.url !== ':memory:') await mkdir(dirname(options.url), { recursive: true });
    database = new Database(options.url);
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 10000');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    throw new RegistryError('REGISTRY_UNAVAILABLE', `cannot open the registry database ${options.url}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { db: new Kysely<RegistrySchema>({ dialect: new SqliteDialect({ database }) }), location: options.url };
}

export async function openRegistry(options: OpenRegistryOptions): Promise<Registry> {
  const dialect: DialectName = isPostgresUrl(options.url) ? 'postgres' : 'sqlite';
  const opened: { db: RegistryDb; location: string; schema?: string } = dialect === 'postgres' ? await openPostgres(options) : await openSqlite(options);
  const { db, location } = opened;
  const types = DIALECT_TYPES[dialect];
  if (options.migrate !== false) {
    try {
      await migrateToLatest(db, types, opened.schema);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return {
    db,
    dialect,
    types,
    location,
    transaction: (work) => db.transaction().execute(work),
    close: () => db.destroy(),
  };
}
