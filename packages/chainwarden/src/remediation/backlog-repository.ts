/**
 * The backlog in the registry (table `backlog_entries`): list, get and update entries. Every update runs in one
 * transaction with its audit entry, and is refused when made against a stale view (`expectStatus`,
 * `expectRevision`). This is the API the issue-tracker sync builds on.
 */
import type { Selectable } from 'kysely';
import { UsageError } from '../core/errors.js';
import { isOwner, OWNER_MEANS } from '../hygiene/owners/owner-format.js';
import { appendAudit } from '../registry/audit-log.js';
import type { Registry, RegistryTx } from '../registry/database.js';
import type { BacklogEntryTable } from '../registry/schema.js';
import type { BacklogEntry, BacklogNote, BacklogStatus, OwnerSource } from './backlog-entry.js';
import { BACKLOG_STATUSES, isActive, MANUAL_STATUSES, UNASSIGNED } from './backlog-entry.js';
import { RemediationConflictError } from './errors.js';
import type { RemediationSeverity } from './severity.js';
import { dateOf } from './severity.js';
import type { RemediationAction, UnitComponent, UnitFinding } from './units.js';
import { unitTitle } from './units.js';

export type BacklogRow = Selectable<BacklogEntryTable>;

export function rowToEntry(row: BacklogRow, now: Date): BacklogEntry {
  const component = JSON.parse(row.component) as UnitComponent;
  const findings = JSON.parse(row.findings) as UnitFinding[];
  const action = row.action as RemediationAction;
  const status = row.status as BacklogStatus;
  return {
    id: row.id,
    product: row.product,
    component,
    action,
    ...(row.target !== null ? { target: row.target } : {}),
    title: unitTitle({ action, ...(row.target !== null ? { target: row.target } : {}), component, findings }),
    severity: row.severity as RemediationSeverity,
    findings,
    firstSeen: row.first_seen,
    dueDate: row.due_date,
    dueSource: row.due_source,
    status,
    ...(row.resolution !== null ? { resolution: row.resolution } : {}),
    ...(row.accepted_until !== null ? { acceptedUntil: row.accepted_until } : {}),
    owner: row.owner,
    ownerSource: row.owner_source as OwnerSource,
    notes: JSON.parse(row.notes) as BacklogNote[],
    scanId: Number(row.scan_id),
    revision: Number(row.revision),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    overdue: isActive(status) && row.due_date < dateOf(now),
  };
}

export interface BacklogFilter {
  readonly product?: string;
  readonly status?: readonly BacklogStatus[];
  readonly owner?: string;
  readonly overdue?: boolean;
}

const SEVERITY_ORDER: Readonly<Record<string, number>> = { critical: 0, high: 1, medium: 2, low: 3, unrated: 4 };

/** Entries, most urgent first: due date, severity, product, id (a stable order for exports). */
export async function listBacklog(registry: Registry, filter: BacklogFilter = {}, now: Date = new Date()): Promise<BacklogEntry[]> {
  let q = registry.db.selectFrom('backlog_entries').selectAll();
  if (filter.product !== undefined) q = q.where('product', '=', filter.product);
  if (filter.status !== undefined && filter.status.length > 0) q = q.where('status', 'in', [...filter.status]);
  if (filter.owner !== undefined) q = q.where('owner', '=', filter.owner);
  const entries = (await q.execute()).map((r) => rowToEntry(r, now)).filter((e) => filter.overdue !== true || e.overdue);
  return entries.sort(
    (a, b) =>
      cmp(a.dueDate, b.dueDate) || (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) || cmp(a.product, b.product) || cmp(a.id, b.id),
  );
}

export async function getBacklogEntry(registry: Registry, id: string, now: Date = new Date()): Promise<BacklogEntry> {
  const row = await registry.db.selectFrom('backlog_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new RemediationNotFound(id);
  return rowToEntry(row, now);
}

class RemediationNotFound extends UsageError {
  constructor(id: string) {
    super(`no backlog entry ${id} (see \`chainwarden backlog list\`)`);
  }
}

export interface BacklogChange {
  readonly status?: BacklogStatus;
  readonly owner?: string;
  readonly note?: string;
  /** Required with status `accepted`: YYYY-MM-DD. */
  readonly acceptedUntil?: string;
}

export interface UpdateContext {
  readonly actor: string;
  readonly now: Date;
  /** Refuse the update unless the entry still has this status / revision (the view it was based on). */
  readonly expectStatus?: BacklogStatus;
  readonly expectRevision?: number;
  /** The longest acceptance allowed, in days (risk.acceptance-days, default 180). */
  readonly maxAcceptanceDays?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** Validates a change before anything is read or written (usage errors: exit 2). */
export function checkChange(change: BacklogChange, now: Date, maxAcceptanceDays = 180): void {
  if (change.status === undefined && change.owner === undefined && change.note === undefined) throw new UsageError('backlog update: nothing to change (give --status, --owner or --note)');
  if (change.status !== undefined && !(BACKLOG_STATUSES as readonly string[]).includes(change.status)) {
    throw new UsageError(`backlog update: unknown status "${String(change.status)}" (one of ${BACKLOG_STATUSES.join(', ')})`);
  }
  if (change.status !== undefined && !MANUAL_STATUSES.includes(change.status)) {
    throw new UsageError(
      change.status === 'resolved'
        ? 'backlog update: "resolved" is set by a scan that no longer contains the vulnerable version (rescan after upgrading)'
        : 'backlog update: "not-affected" comes from VEX: record a not_affected statement (chainwarden vex import) and rescan',
    );
  }
  if (change.owner !== undefined && change.owner !== UNASSIGNED && !isOwner(change.owner)) {
    throw new UsageError(`backlog update: --owner "${change.owner}" is not ${OWNER_MEANS}, or "${UNASSIGNED}"`);
  }
  if (change.note !== undefined && change.note.trim() === '') throw new UsageError('backlog update: --note is empty');
  if (change.status === 'accepted') {
    const until = change.acceptedUntil;
    if (until === undefined) throw new UsageError('backlog update: accepting needs --until YYYY-MM-DD (acceptances expire)');
    if (!DATE.test(until) || Number.isNaN(Date.parse(until))) throw new UsageError(`backlog update: --until "${until}" is not a date (YYYY-MM-DD)`);
    if (until <= dateOf(now)) throw new UsageError(`backlog update: --until ${until} is not in the future`);
    const limit = new Date(now);
    limit.setUTCDate(limit.getUTCDate() + maxAcceptanceDays);
    if (until > dateOf(limit)) throw new UsageError(`backlog update: --until ${until} is more than ${maxAcceptanceDays} days away (risk.acceptance-days)`);
  } else if (change.acceptedUntil !== undefined) throw new UsageError('backlog update: --until only goes with --status accepted');
}

/** Applies a manual change in one transaction with its audit entry; refuses stale or disallowed updates. */
export async function updateBacklogEntry(registry: Registry, id: string, change: BacklogChange, ctx: UpdateContext): Promise<BacklogEntry> {
  checkChange(change, ctx.now, ctx.maxAcceptanceDays);
  return registry.transaction(async (tx) => {
    const row = await tx.selectFrom('backlog_entries').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw new RemediationNotFound(id);
    const before = rowToEntry(row, ctx.now);
    if (ctx.expectStatus !== undefined && before.status !== ctx.expectStatus) {
      throw new RemediationConflictError(`${id}: the update expected status "${ctx.expectStatus}" but the entry is now "${before.status}" (revision ${before.revision}); nothing was changed — look again (chainwarden backlog show ${id})`);
    }
    if (ctx.expectRevision !== undefined && before.revision !== ctx.expectRevision) {
      throw new RemediationConflictError(`${id}: the update was based on revision ${ctx.expectRevision} but the entry is at revision ${before.revision}; nothing was changed — look again (chainwarden backlog show ${id})`);
    }
    if (change.status !== undefined && !isActive(before.status) && before.status !== 'accepted') {
      throw new RemediationConflictError(`${id} is ${before.status}${before.resolution !== undefined ? ` (${before.resolution})` : ''}: its status follows the scans and VEX, not manual updates`);
    }
    return applyChange(tx, registry, row, before, change, ctx);
  });
}

async function applyChange(tx: RegistryTx, registry: Registry, row: BacklogRow, before: BacklogEntry, change: BacklogChange, ctx: UpdateContext): Promise<BacklogEntry> {
  const at = ctx.now.toISOString();
  const notes = change.note !== undefined ? [...before.notes, { at, actor: ctx.actor, text: change.note.trim() }] : before.notes;
  const next: Partial<BacklogRow> = {
    ...(change.status !== undefined ? { status: change.status, resolution: null, accepted_until: change.status === 'accepted' ? (change.acceptedUntil ?? null) : null } : {}),
    ...(change.owner !== undefined ? { owner: change.owner, owner_source: 'manual' } : {}),
    notes: JSON.stringify(notes),
    revision: before.revision + 1,
    updated_at: at,
  };
  await tx.updateTable('backlog_entries').set(next).where('id', '=', row.id).execute();
  await appendAudit(tx, registry.dialect, {
    actor: ctx.actor,
    action: 'backlog-update',
    subject: row.id,
    detail: {
      product: row.product,
      revision: before.revision + 1,
      ...(change.status !== undefined ? { status: { from: before.status, to: change.status }, ...(change.acceptedUntil !== undefined ? { acceptedUntil: change.acceptedUntil } : {}) } : {}),
      ...(change.owner !== undefined ? { owner: { from: before.owner, to: change.owner } } : {}),
      ...(change.note !== undefined ? { note: change.note.trim() } : {}),
    },
    at: ctx.now,
  });
  const updated = await tx.selectFrom('backlog_entries').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  return rowToEntry(updated, ctx.now);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
