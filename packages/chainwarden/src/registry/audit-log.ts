/**
 * The audit log: every ingestion, rejection and deletion, appended in order, each entry hashing the one before
 * (sha256 over the previous hash and the entry's canonical text). Appending locks the table on PostgreSQL so two
 * writers cannot fork the chain; SQLite serialises writers itself.
 */
import { sha256Hex } from '../core/digest.js';
import { canonicalJson } from './canonical-json.js';
import type { Registry, RegistryTx } from './database.js';
import type { DialectName } from './dialect.js';
import type { AuditTable } from './schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditAction = 'ingest' | 'reject' | 'delete' | 'supplier-add' | 'supplier-remove' | 'supplier-import' | 'seal' | 'vex-store' | 'vex-reject' | 'scan' | 'vex-import' | 'kev-import' | 'epss-import' | 'backlog-refresh' | 'backlog-update' | 'risk-update' | 'review' | 'hold' | 'release-hold';

export interface AuditInput {
  readonly actor: string;
  readonly action: AuditAction;
  /** What it is about, e.g. `acme/widget@1.2.0` or `supplier acme`. */
  readonly subject: string;
  readonly detail: unknown;
  readonly at: Date;
}

export function entryHash(prevHash: string, e: Omit<AuditTable, 'hash' | 'prev_hash'>): string {
  return sha256Hex(`${prevHash}\n${canonicalJson([e.seq, e.at, e.actor, e.action, e.subject, e.detail])}`);
}

/** Appends one entry inside the caller's transaction; returns its sequence number and hash. */
export async function appendAudit(tx: RegistryTx, dialect: DialectName, input: AuditInput): Promise<{ seq: number; hash: string }> {
  if (dialect === 'postgres') {
    const { sql } = await import('kysely');
    await sql`LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE`.execute(tx);
  }
  const last = await tx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = (last === undefined ? 0 : Number(last.seq)) + 1;
  const prev = last?.hash ?? GENESIS_HASH;
  const row = { seq, at: input.at.toISOString(), actor: input.actor, action: input.action, subject: input.subject, detail: canonicalJson(input.detail ?? null) };
  const hash = entryHash(prev, row);
  await tx.insertInto('audit_log').values({ ...row, prev_hash: prev, hash }).execute();
  return { seq, hash };
}

/** Appends one entry in a transaction of its own (e.g. a rejection, after the ingest's transaction rolled back). */
export function recordAudit(registry: Registry, input: AuditInput): Promise<{ seq: number; hash: string }> {
  return registry.transaction((tx) => appendAudit(tx, registry.dialect, input));
}

export interface ChainCheck {
  readonly entries: number;
  readonly head?: { readonly seq: number; readonly hash: string };
  /** The first broken link: the entry whose stored hash or back-link does not match. */
  readonly broken?: { readonly seq: number; readonly reason: string };
}

/** Recomputes the whole chain, in pages, and reports the first broken link. */
export async function checkChain(registry: Registry, pageSize = 5000): Promise<ChainCheck> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let head: { seq: number; hash: string } | undefined;
  for (;;) {
    const rows = await registry.db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq) return { entries, ...(head !== undefined ? { head } : {}), broken: { seq: expectedSeq, reason: `entry ${expectedSeq} is missing (next is ${seq})` } };
      if (r.prev_hash !== prev) return { entries, ...(head !== undefined ? { head } : {}), broken: { seq, reason: `entry ${seq} does not link to entry ${seq - 1} (prev_hash ${r.prev_hash.slice(0, 12)}…, expected ${prev.slice(0, 12)}…)` } };
      const hash = entryHash(prev, { ...r, seq });
      if (hash !== r.hash) return { entries, ...(head !== undefined ? { head } : {}), broken: { seq, reason: `entry ${seq} was altered (its content hashes to ${hash.slice(0, 12)}…, stored ${r.hash.slice(0, 12)}…)` } };
      prev = hash;
      head = { seq, hash };
      entries++;
      expectedSeq++;
    }
    if (rows.length < pageSize) break;
  }
  return { entries, ...(head !== undefined ? { head } : {}) };
}
