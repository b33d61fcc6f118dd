/** Opens the project's registry for a command: --database-url, CHAINWARDEN_DATABASE_URL, chainwarden.yaml, the SQLite default. */
import { resolve } from 'node:path';
import type { ChainwardenConfig } from '../../config-schema.js';
import { loadConfig } from '../../core/config.js';
import type { Registry } from '../../registry/database.js';
import type { CliIo } from '../io.js';

export interface RegistryFlags {
  readonly databaseUrl?: string;
  readonly projectDir?: string;
}

export interface OpenedRegistry {
  readonly registry: Registry;
  readonly projectDir: string;
  readonly config: ChainwardenConfig;
}

export async function openCliRegistry(flags: RegistryFlags, io: CliIo): Promise<OpenedRegistry> {
  const projectDir = resolve(io.cwd, flags.projectDir ?? '.');
  const { config } = await loadConfig(projectDir);
  const [{ openRegistry }, { registryUrl }] = await Promise.all([import('../../registry/database.js'), import('../../registry/location.js')]);
  const url = registryUrl({ projectDir, env: io.env, ...(flags.databaseUrl !== undefined ? { flag: flags.databaseUrl } : {}), ...(config.registry?.['database-url'] !== undefined ? { config: config.registry['database-url'] } : {}) });
  return { registry: await openRegistry({ url }), projectDir, config };
}

/** Runs `work` with the registry open, and closes it whatever happens. */
export async function withRegistry<T>(flags: RegistryFlags, io: CliIo, work: (opened: OpenedRegistry) => Promise<T>): Promise<T> {
  const opened = await openCliRegistry(flags, io);
  try {
    return await work(opened);
  } finally {
    await opened.registry.close();
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
