/** What differs between the two backends, as data (column types), not branches spread over the code. */
import type { ColumnDataType } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export interface DialectTypes {
  /** An auto-incrementing integer primary key. */
  readonly serial: ColumnDataType;
  readonly bytes: ColumnDataType;
  readonly autoIncrement: boolean;
}

export const DIALECT_TYPES: Readonly<Record<DialectName, DialectTypes>> = {
  sqlite: { serial: 'integer', bytes: 'blob', autoIncrement: true },
  postgres: { serial: 'serial', bytes: 'bytea', autoIncrement: false },
};
