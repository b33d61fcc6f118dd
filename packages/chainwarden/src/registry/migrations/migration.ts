import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/** One schema change. `up` gets the dialect's column types so one migration serves SQLite and PostgreSQL. */
export interface RegistryMigration {
  /** Sortable and unique: `NNNN-what`. Never rename or edit one that has shipped: add a new one. */
  readonly name: string;
  up(db: Kysely<unknown>, types: DialectTypes): Promise<void>;
}
