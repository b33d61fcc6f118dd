import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { IoError, UsageError } from '../../core/errors.js';
import { currentActor } from '../../registry/actor.js';
import type { CliIo } from '../io.js';
import { style, table } from '../io.js';
import type { RegistryFlags } from './registry-open.js';
import { printJson, withRegistry } from './registry-open.js';

export interface SupplierAddFlags extends RegistryFlags {
  readonly key?: readonly string[];
  readonly identity?: readonly string[];
  readonly issuer?: readonly string[];
  readonly json?: boolean;
}

async function readKey(io: CliIo, path: string): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    throw new IoError(`${path}: cannot read the public key (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
}

export async function supplierAddCommand(name: string, flags: SupplierAddFlags, io: CliIo): Promise<number> {
  const identities = flags.identity ?? [];
  const issuers = flags.issuer ?? [];
  if (identities.length !== issuers.length) throw new UsageError(`supplier add: each --identity needs its --issuer (got ${identities.length} identity(ies), ${issuers.length} issuer(s))`);
  const keys = await Promise.all((flags.key ?? []).map((k) => readKey(io, k)));
  const { addSupplier } = await import('../../registry/suppliers.js');
  return withRegistry(flags, io, async ({ registry }) => {
    const detail = await addSupplier(registry, { name, keys, identities: identities.map((subject, i) => ({ subject, issuer: issuers[i] ?? '' })) }, currentActor(io.env));
    if (flags.json === true) printJson(io, detail);
    else io.stdout.write(`supplier ${detail.name}: ${detail.keys} key(s), ${detail.identities} keyless identity(ies)\n`);
    return 0;
  });
}

export async function supplierImportCommand(file: string, flags: RegistryFlags & { json?: boolean }, io: CliIo): Promise<number> {
  const { importSuppliers } = await import('../../registry/suppliers.js');
  return withRegistry(flags, io, async ({ registry }) => {
    const imported = await importSuppliers(registry, resolve(io.cwd, file), file, currentActor(io.env));
    if (flags.json === true) printJson(io, imported);
    else io.stdout.write(`imported ${imported.length} supplier(s) from ${file}\n${table(imported.map((s) => [s.name, `${s.keys} key(s)`, `${s.identities} identity(ies)`, `${s.revoked} revoked`]))}\n`);
    return 0;
  });
}

export async function supplierListCommand(flags: RegistryFlags & { json?: boolean }, io: CliIo): Promise<number> {
  const { listSuppliers } = await import('../../registry/suppliers.js');
  return withRegistry(flags, io, async ({ registry }) => {
    const list = await listSuppliers(registry);
    if (flags.json === true) printJson(io, list);
    else if (list.length === 0) io.stdout.write('no suppliers (add one: chainwarden supplier add <name> --key <public.pem>)\n');
    else io.stdout.write(`${table([['SUPPLIER', 'KEYS', 'IDENTITIES', 'REVOKED', 'ADDED'], ...list.map((s) => [s.name, String(s.keys), String(s.identities), String(s.revoked), s.createdAt])])}\n`);
    return 0;
  });
}

export async function supplierShowCommand(name: string, flags: RegistryFlags & { json?: boolean }, io: CliIo): Promise<number> {
  const { showSupplier } = await import('../../registry/suppliers.js');
  return withRegistry(flags, io, async ({ registry }) => {
    const detail = await showSupplier(registry, name);
    if (flags.json === true) {
      printJson(io, detail);
      return 0;
    }
    const s = style(io.stdout, io.env);
    const { stringify } = await import('yaml');
    io.stdout.write(`${s.bold(`supplier ${detail.name}`)} (added ${detail.createdAt})\n${stringify({ suppliers: { [detail.name]: detail.trust } })}`);
    return 0;
  });
}

export async function supplierRemoveCommand(name: string, flags: RegistryFlags & { json?: boolean }, io: CliIo): Promise<number> {
  const { removeSupplier } = await import('../../registry/suppliers.js');
  return withRegistry(flags, io, async ({ registry }) => {
    await removeSupplier(registry, name, currentActor(io.env));
    if (flags.json === true) printJson(io, { removed: name });
    else io.stdout.write(`removed supplier ${name}\n`);
    return 0;
  });
}
