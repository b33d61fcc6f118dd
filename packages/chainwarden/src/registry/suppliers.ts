/**
 * Suppliers and their trust, stored in the registry as one `suppliers.<name>` entry of a trust policy (keys inlined as
 * `pem`), so the trust-policy module (attest/trust-policy.ts) parses and applies it unchanged.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { IoError, RegistryError, UsageError } from '../core/errors.js';
import { isRecord } from '../core/parse.js';
import type { SupplierTrust, TrustPolicy } from '../attest/trust-policy.js';
import { parseTrustPolicy } from '../attest/trust-policy.js';
import { appendAudit } from './audit-log.js';
import { canonicalJson } from './canonical-json.js';
import type { Registry } from './database.js';

export interface SupplierSummary {
  readonly name: string;
  readonly keys: number;
  readonly identities: number;
  readonly revoked: number;
  readonly createdAt: string;
}

export interface SupplierDetail extends SupplierSummary {
  /** The stored trust entry (trust-policy YAML shape, keys as PEM). */
  readonly trust: Record<string, unknown>;
}

export interface SupplierAddInput {
  readonly name: string;
  /** PEM texts of public keys. */
  readonly keys?: readonly string[];
  readonly identities?: readonly { readonly subject: string; readonly issuer: string }[];
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/u;
const REGEXP_CHARS = /[*+?^$()[\]{}|\\]/u;

function checkName(name: string): void {
  if (!NAME.test(name)) throw new UsageError(`invalid supplier name "${name}" (letters, digits, . _ -; at most 128)`);
}

/** Parses one stored entry through the trust-policy module: the same checks as a trust.yaml. */
export async function trustOf(name: string, trust: Record<string, unknown>): Promise<TrustPolicy> {
  return parseTrustPolicy(JSON.stringify({ suppliers: { [name]: trust } }), `registry supplier ${name}`, '/');
}

function summary(name: string, trust: Record<string, unknown>, createdAt: string): SupplierSummary {
  const len = (k: string): number => (Array.isArray(trust[k]) ? (trust[k] as unknown[]).length : 0);
  return { name, keys: len('keys'), identities: len('identities'), revoked: len('revoked'), createdAt };
}

async function store(registry: Registry, name: string, trust: Record<string, unknown>, actor: string, action: 'supplier-add' | 'supplier-import', now: Date): Promise<void> {
  await trustOf(name, trust);
  await registry.transaction(async (tx) => {
    const existing = await tx.selectFrom('suppliers').select('id').where('name', '=', name).executeTakeFirst();
    const text = canonicalJson(trust);
    if (existing === undefined) await tx.insertInto('suppliers').values({ name, trust: text, created_at: now.toISOString() }).execute();
    else await tx.updateTable('suppliers').set({ trust: text }).where('id', '=', existing.id).execute();
    await appendAudit(tx, registry.dialect, { actor, action, subject: `supplier ${name}`, detail: summary(name, trust, now.toISOString()), at: now });
  });
}

/** Adds a supplier, or adds keys and identities to an existing one. */
export async function addSupplier(registry: Registry, input: SupplierAddInput, actor: string, now: Date = new Date()): Promise<SupplierDetail> {
  checkName(input.name);
  const keys = input.keys ?? [];
  const identities = input.identities ?? [];
  if (keys.length === 0 && identities.length === 0) throw new UsageError('supplier add: give --key <public.pem> or --identity <subject-or-regexp> --issuer <url>');
  const current = await findSupplierTrust(registry, input.name);
  const trust: Record<string, unknown> = { ...(current ?? {}) };
  const have = (k: string): unknown[] => (Array.isArray(trust[k]) ? [...(trust[k] as unknown[])] : []);
  trust['keys'] = [...have('keys'), ...keys.map((pem) => ({ pem }))];
  trust['identities'] = [
    ...have('identities'),
    ...identities.map((i) => ({ issuer: i.issuer, ...(REGEXP_CHARS.test(i.subject) ? { subject_regexp: i.subject } : { subject: i.subject }) })),
  ];
  for (const k of ['keys', 'identities']) if ((trust[k] as unknown[]).length === 0) delete trust[k];
  await store(registry, input.name, trust, actor, 'supplier-add', now);
  return showSupplier(registry, input.name);
}

/** Imports every supplier of a trust-policy file (key files inlined), replacing the stored trust of each. */
export async function importSuppliers(registry: Registry, file: string, display: string, actor: string, now: Date = new Date()): Promise<SupplierSummary[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new IoError(`${display}: cannot read the trust policy (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  await parseTrustPolicy(text, display, dirname(file));
  const { parse } = await import('yaml');
  const doc = parse(text) as { suppliers: Record<string, Record<string, unknown>> };
  const out: SupplierSummary[] = [];
  for (const name of Object.keys(doc.suppliers).sort()) {
    checkName(name);
    const trust = structuredClone(doc.suppliers[name] ?? {});
    for (const list of ['keys', 'revoked']) {
      for (const entry of Array.isArray(trust[list]) ? (trust[list] as unknown[]) : []) {
        if (!isRecord(entry) || typeof entry['key'] !== 'string') continue;
        entry['pem'] = await readFile(resolve(dirname(file), entry['key']), 'utf8');
        delete entry['key'];
      }
    }
    const dated = JSON.parse(JSON.stringify(trust)) as Record<string, unknown>;
    await store(registry, name, dated, actor, 'supplier-import', now);
    out.push(summary(name, dated, now.toISOString()));
  }
  return out;
}

async function findSupplierTrust(registry: Registry, name: string): Promise<Record<string, unknown> | undefined> {
  const row = await registry.db.selectFrom('suppliers').select('trust').where('name', '=', name).executeTakeFirst();
  return row === undefined ? undefined : (JSON.parse(row.trust) as Record<string, unknown>);
}

export async function listSuppliers(registry: Registry): Promise<SupplierSummary[]> {
  const rows = await registry.db.selectFrom('suppliers').select(['name', 'trust', 'created_at']).orderBy('name').execute();
  return rows.map((r) => summary(r.name, JSON.parse(r.trust) as Record<string, unknown>, r.created_at));
}

export async function showSupplier(registry: Registry, name: string): Promise<SupplierDetail> {
  const row = await registry.db.selectFrom('suppliers').select(['name', 'trust', 'created_at']).where('name', '=', name).executeTakeFirst();
  if (row === undefined) throw new RegistryError('REGISTRY_NOT_FOUND', `no supplier "${name}" in the registry (add it: chainwarden supplier add ${name} --key <public.pem>)`);
  const trust = JSON.parse(row.trust) as Record<string, unknown>;
  return { ...summary(row.name, trust, row.created_at), trust };
}

/** The supplier's trust, parsed by the trust-policy module, for verification. */
export async function supplierTrust(registry: Registry, name: string): Promise<{ policy: TrustPolicy; supplier: SupplierTrust; id: number }> {
  const row = await registry.db.selectFrom('suppliers').select(['id', 'trust']).where('name', '=', name).executeTakeFirst();
  if (row === undefined) throw new RegistryError('REGISTRY_NOT_FOUND', `no supplier "${name}" in the registry (add it: chainwarden supplier add ${name} --key <public.pem>)`);
  const policy = await trustOf(name, JSON.parse(row.trust) as Record<string, unknown>);
  const supplier = policy.suppliers.get(name);
  if (supplier === undefined) throw new RegistryError('REGISTRY_NOT_FOUND', `supplier "${name}" has no trust entry`);
  return { policy, supplier, id: Number(row.id) };
}

/** Removes a supplier that has no products; a supplier with ingested SBOMs stays (its evidence must remain). */
export async function removeSupplier(registry: Registry, name: string, actor: string, now: Date = new Date()): Promise<void> {
  await registry.transaction(async (tx) => {
    const row = await tx.selectFrom('suppliers').select('id').where('name', '=', name).executeTakeFirst();
    if (row === undefined) throw new RegistryError('REGISTRY_NOT_FOUND', `no supplier "${name}" in the registry`);
    const products = await tx.selectFrom('products').select('name').where('supplier_id', '=', row.id).orderBy('name').execute();
    if (products.length > 0) throw new RegistryError('REGISTRY_CONFLICT', `supplier "${name}" has ingested products (${products.map((p) => p.name).join(', ')}); their evidence stays, so the supplier cannot be removed`);
    await tx.deleteFrom('suppliers').where('id', '=', row.id).execute();
    await appendAudit(tx, registry.dialect, { actor, action: 'supplier-remove', subject: `supplier ${name}`, detail: { name }, at: now });
  });
}
