/** Which registry a command uses: --database-url, then CHAINWARDEN_DATABASE_URL, then chainwarden.yaml, then the SQLite default. */
import { isAbsolute, resolve } from 'node:path';
import { isPostgresUrl } from './database.js';

export const DEFAULT_REGISTRY_FILE = 'data/registry/chainwarden.sqlite';
export const DATABASE_URL_ENV = 'CHAINWARDEN_DATABASE_URL';

export interface RegistryLocationInput {
  readonly projectDir: string;
  readonly flag?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** chainwarden.yaml `registry.database-url`. */
  readonly config?: string;
}

/** A PostgreSQL URL as given, or an absolute SQLite path (relative ones are relative to the project). */
export function registryUrl(input: RegistryLocationInput): string {
  const given = input.flag ?? input.env?.[DATABASE_URL_ENV] ?? input.config;
  const value = given === undefined || given === '' ? DEFAULT_REGISTRY_FILE : given;
  if (isPostgresUrl(value) || value === ':memory:') return value;
  const path = value.startsWith('sqlite:') ? value.slice('sqlite:'.length).replace(/^\/\//u, '') : value;
  return isAbsolute(path) ? path : resolve(input.projectDir, path);
}
