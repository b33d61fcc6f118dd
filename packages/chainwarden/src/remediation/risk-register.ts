/**
 * The risk register (table `risk_entries`): one risk per backlog entry that has been open, scored from threat data
 * and context (risk-assessment.ts), with owner, treatment, review date, residual risk and links to the findings,
 * VEX statements and the backlog entry. A refresh re-scores every risk, closes those whose backlog entry is resolved
 * or not affected, and re-opens accepted risks whose acceptance has passed. Manual updates are audited and refused
 * when made against a stale view.
 */
import type { Selectable } from 'kysely';
import type { Criticality, RiskConfig } from '../config-schema.js';
import { UsageError } from '../core/errors.js';
import { isOwner, OWNER_MEANS } from '../hygiene/owners/owner-format.js';
import { appendAudit } from '../registry/audit-log.js';
import type { Registry } from '../registry/database.js';
import type { RiskEntryTable } from '../registry/schema.js';
import type { BacklogEntry, BacklogNote } from './backlog-entry.js';
import { isActive, UNASSIGNED } from './backlog-entry.js';
import { listBacklog } from './backlog-repository.js';
import { RemediationConflictError } from './errors.js';
import { loadThreatIntel } from './feeds/store.js';
import type { ExposureRating, Rated, RiskAssessment, Treatment } from './risk-assessment.js';
import { assessRisk, residualOf, REVIEW_DAYS, TREATMENTS } from './risk-assessment.js';
import { addDays, dateOf } from './severity.js';

export const RISK_STATUSES = ['open', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export interface RiskLinks {
  readonly backlog: string;
  readonly findings: readonly string[];
  readonly vex: readonly { readonly vulnerability: string; readonly status: string; readonly justification?: string; readonly document: string; readonly at: string }[];
}

export interface RiskEntry {
  readonly id: string;
  readonly backlogId: string;
  readonly product: string;
  /** "jinja2 3.1.2: CVE-2024-22195, CVE-2024-34064, CVE-2024-56201 (upgrade to 3.1.6)". */
  readonly title: string;
  readonly likelihood: Rated;
  readonly impact: Rated;
  readonly exposure: number;
  readonly rating: ExposureRating;
  readonly owner: string;
  readonly treatment: Treatment;
  readonly status: RiskStatus;
  /** Why it is closed or was re-opened. */
  readonly reason?: string;
  readonly reviewDate: string;
  readonly acceptedUntil?: string;
  readonly residual: { readonly exposure: number; readonly rating: ExposureRating; readonly basis: string };
  readonly links: RiskLinks;
  readonly notes: readonly BacklogNote[];
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Open or accepted, and its review date has passed. */
  readonly reviewOverdue: boolean;
}

interface StoredAssessment extends RiskAssessment {
  readonly links: RiskLinks;
  readonly ownerManual?: boolean;
  readonly reason?: string;
}

type RiskRow = Selectable<RiskEntryTable>;

function toEntry(row: RiskRow, now: Date): RiskEntry {
  const a = JSON.parse(row.assessment) as StoredAssessment;
  const status = row.status as RiskStatus;
  return {
    id: row.id,
    backlogId: row.backlog_id,
    product: row.product,
    title: row.title,
    likelihood: a.likelihood,
    impact: a.impact,
    exposure: Number(row.exposure),
    rating: a.rating,
    owner: row.owner,
    treatment: row.treatment as Treatment,
    status,
    ...(a.reason !== undefined ? { reason: a.reason } : {}),
    reviewDate: row.review_date,
    ...(row.accepted_until !== null ? { acceptedUntil: row.accepted_until } : {}),
    residual: JSON.parse(row.residual ?? '{}') as RiskEntry['residual'],
    links: a.links,
    notes: JSON.parse(row.notes) as BacklogNote[],
    revision: Number(row.revision),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    reviewOverdue: status !== 'closed' && row.review_date < dateOf(now),
  };
}

export function riskIdOf(backlogId: string): string {
  return `RISK-${backlogId.replace(/^CW-/u, '')}`;
}

function titleOf(entry: BacklogEntry): string {
  const open = entry.findings.filter((f) => f.vex === undefined);
  const ids = (open.length > 0 ? open : entry.findings).map((f) => f.vulnerability);
  const shown = ids.slice(0, 3).join(', ') + (ids.length > 3 ? ` (+${ids.length - 3})` : '');
  const fix = entry.action === 'upgrade' ? ` (upgrade to ${entry.target ?? '?'})` : entry.action === 'remove' ? ' (malicious: remove)' : ' (no fix available)';
  return `${entry.component.name} ${entry.component.versions.join(', ')}: ${shown}${fix}`;
}

function linksOf(entry: BacklogEntry): RiskLinks {
  return {
    backlog: entry.id,
    findings: entry.findings.map((f) => f.vulnerability),
    vex: entry.findings.flatMap((f) => (f.vex !== undefined ? [{ vulnerability: f.vulnerability, status: f.vex.status, ...(f.vex.justification !== undefined ? { justification: f.vex.justification } : {}), document: f.vex.document, at: f.vex.at }] : [])),
  };
}

export interface RiskRefreshReport {
  readonly created: readonly string[];
  readonly closed: readonly string[];
  readonly reopened: readonly string[];
  readonly rescored: readonly string[];
  readonly unchanged: number;
}

export function criticalityOf(config: RiskConfig | undefined, product: string): Criticality {
  return config?.criticality?.[product] ?? config?.['default-criticality'] ?? 'medium';
}

/** Re-derives the register from the backlog (run after `refreshBacklog`), in one transaction with one audit entry. */
export async function refreshRisks(registry: Registry, options: { readonly actor: string; readonly now: Date; readonly config?: RiskConfig }): Promise<RiskRefreshReport> {
  const { now } = options;
  const today = dateOf(now);
  const entries = await listBacklog(registry, {}, now);
  if (entries.length === 0) return { created: [], closed: [], reopened: [], rescored: [], unchanged: 0 };
  const intel = await loadThreatIntel(registry, entries.flatMap((e) => e.findings.flatMap((f) => [f.vulnerability, ...f.aliases])));
  const report = { created: [] as string[], closed: [] as string[], reopened: [] as string[], rescored: [] as string[], unchanged: 0 };
  await registry.transaction(async (tx) => {
    const existing = new Map((await tx.selectFrom('risk_entries').selectAll().execute()).map((r) => [r.id, r]));
    for (const entry of entries) {
      const id = riskIdOf(entry.id);
      const row = existing.get(id);
      const live = isActive(entry.status) || entry.status === 'accepted';
      if (row === undefined && !live) continue;
      const assessment = assessRisk(entry, intel, criticalityOf(options.config, entry.product));
      const links = linksOf(entry);
      if (row === undefined) {
        const treatment: Treatment = entry.status === 'accepted' ? 'accept' : 'mitigate';
        await tx
          .insertInto('risk_entries')
          .values({
            id,
            backlog_id: entry.id,
            product: entry.product,
            title: titleOf(entry),
            assessment: JSON.stringify({ ...assessment, links } satisfies StoredAssessment),
            exposure: assessment.exposure,
            owner: entry.owner,
            treatment,
            status: entry.status === 'accepted' ? 'accepted' : 'open',
            review_date: entry.acceptedUntil ?? addDays(now.toISOString(), REVIEW_DAYS[assessment.rating]),
            accepted_until: entry.acceptedUntil ?? null,
            residual: JSON.stringify(residualOf(assessment, treatment)),
            notes: '[]',
            revision: 1,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          .execute();
        report.created.push(id);
        continue;
      }
      const before = JSON.parse(row.assessment) as StoredAssessment;
      let status = row.status as RiskStatus;
      let reason = before.reason;
      let acceptedUntil = row.accepted_until;
      let treatment = row.treatment as Treatment;
      if (!live) {
        if (status !== 'closed') report.closed.push(id);
        status = 'closed';
        reason = `backlog entry ${entry.id} is ${entry.status}${entry.resolution !== undefined ? ` (${entry.resolution})` : ''}`;
      } else if (status === 'closed') {
        status = 'open';
        reason = `backlog entry ${entry.id} is ${entry.status} again`;
        report.reopened.push(id);
      } else if (status === 'accepted' && acceptedUntil !== null && acceptedUntil <= today) {
        status = 'open';
        reason = `acceptance expired on ${acceptedUntil}`;
        acceptedUntil = null;
        treatment = 'mitigate';
        report.reopened.push(id);
      }
      const owner = before.ownerManual === true ? row.owner : entry.owner;
      const values = {
        title: titleOf(entry),
        assessment: JSON.stringify({ ...assessment, links, ...(before.ownerManual === true ? { ownerManual: true } : {}), ...(reason !== undefined ? { reason } : {}) } satisfies StoredAssessment),
        exposure: assessment.exposure,
        owner,
        treatment,
        status,
        accepted_until: acceptedUntil,
        residual: JSON.stringify(residualOf(assessment, treatment)),
      };
      const changed = (Object.keys(values) as (keyof typeof values)[]).some((k) => values[k] !== row[k]);
      if (!changed) {
        report.unchanged++;
        continue;
      }
      if (Number(row.exposure) !== assessment.exposure && !report.closed.includes(id) && !report.reopened.includes(id)) report.rescored.push(id);
      await tx.updateTable('risk_entries').set({ ...values, revision: Number(row.revision) + 1, updated_at: now.toISOString() }).where('id', '=', id).execute();
    }
    await appendAudit(tx, registry.dialect, { actor: options.actor, action: 'risk-update', subject: 'risk register', detail: { refresh: true, ...report, unchanged: report.unchanged }, at: now });
  });
  return report;
}

export interface RiskFilter {
  readonly product?: string;
  readonly status?: readonly RiskStatus[];
  readonly owner?: string;
}

/** Risks, highest exposure first, then review date, product and id. */
export async function listRisks(registry: Registry, filter: RiskFilter = {}, now: Date = new Date()): Promise<RiskEntry[]> {
  let q = registry.db.selectFrom('risk_entries').selectAll();
  if (filter.product !== undefined) q = q.where('product', '=', filter.product);
  if (filter.status !== undefined && filter.status.length > 0) q = q.where('status', 'in', [...filter.status]);
  if (filter.owner !== undefined) q = q.where('owner', '=', filter.owner);
  const rows = (await q.execute()).map((r) => toEntry(r, now));
  return rows.sort((a, b) => b.exposure - a.exposure || cmp(a.reviewDate, b.reviewDate) || cmp(a.product, b.product) || cmp(a.id, b.id));
}

export async function getRisk(registry: Registry, id: string, now: Date = new Date()): Promise<RiskEntry> {
  const row = await registry.db.selectFrom('risk_entries').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new UsageError(`no risk ${id} (see \`chainwarden risk list\`)`);
  return toEntry(row, now);
}

export interface RiskChange {
  readonly treatment?: Treatment;
  readonly owner?: string;
  readonly reviewDate?: string;
  /** With treatment `accept`: YYYY-MM-DD, at most risk.acceptance-days away. */
  readonly acceptedUntil?: string;
  readonly note?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/u;

function checkRiskChange(change: RiskChange, now: Date, maxDays: number): void {
  if (Object.values(change).every((v) => v === undefined)) throw new UsageError('risk update: nothing to change (give --treatment, --owner, --review-date or --note)');
  if (change.treatment !== undefined && !(TREATMENTS as readonly string[]).includes(change.treatment)) throw new UsageError(`risk update: unknown treatment "${String(change.treatment)}" (one of ${TREATMENTS.join(', ')})`);
  if (change.owner !== undefined && change.owner !== UNASSIGNED && !isOwner(change.owner)) throw new UsageError(`risk update: --owner "${change.owner}" is not ${OWNER_MEANS}, or "${UNASSIGNED}"`);
  for (const [flag, value] of [['--review-date', change.reviewDate], ['--until', change.acceptedUntil]] as const) {
    if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) throw new UsageError(`risk update: ${flag} "${value}" is not a date (YYYY-MM-DD)`);
  }
  if (change.treatment === 'accept') {
    if (change.acceptedUntil === undefined) throw new UsageError('risk update: accepting needs --until YYYY-MM-DD (acceptances expire)');
    if (change.acceptedUntil <= dateOf(now)) throw new UsageError(`risk update: --until ${change.acceptedUntil} is not in the future`);
    if (change.acceptedUntil > addDays(now.toISOString(), maxDays)) throw new UsageError(`risk update: --until ${change.acceptedUntil} is more than ${maxDays} days away (risk.acceptance-days)`);
  } else if (change.acceptedUntil !== undefined) throw new UsageError('risk update: --until only goes with --treatment accept');
  if (change.note !== undefined && change.note.trim() === '') throw new UsageError('risk update: --note is empty');
}

export async function updateRisk(
  registry: Registry,
  id: string,
  change: RiskChange,
  ctx: { readonly actor: string; readonly now: Date; readonly expectRevision?: number; readonly expectStatus?: RiskStatus; readonly maxAcceptanceDays?: number },
): Promise<RiskEntry> {
  checkRiskChange(change, ctx.now, ctx.maxAcceptanceDays ?? 180);
  return registry.transaction(async (tx) => {
    const row = await tx.selectFrom('risk_entries').selectAll().where('id', '=', id).executeTakeFirst();
    if (row === undefined) throw new UsageError(`no risk ${id} (see \`chainwarden risk list\`)`);
    const before = toEntry(row, ctx.now);
    if (ctx.expectStatus !== undefined && before.status !== ctx.expectStatus) throw new RemediationConflictError(`${id}: the update expected status "${ctx.expectStatus}" but the risk is now "${before.status}" (revision ${before.revision}); nothing was changed`);
    if (ctx.expectRevision !== undefined && before.revision !== ctx.expectRevision) throw new RemediationConflictError(`${id}: the update was based on revision ${ctx.expectRevision} but the risk is at revision ${before.revision}; nothing was changed`);
    if (before.status === 'closed' && change.treatment !== undefined) throw new RemediationConflictError(`${id} is closed (${before.reason ?? 'its backlog entry is no longer open'}): its treatment can no longer change`);
    const a = JSON.parse(row.assessment) as StoredAssessment;
    const treatment = change.treatment ?? before.treatment;
    const status: RiskStatus = before.status === 'closed' ? 'closed' : treatment === 'accept' ? 'accepted' : 'open';
    const acceptedUntil = treatment === 'accept' ? (change.acceptedUntil ?? row.accepted_until) : null;
    const at = ctx.now.toISOString();
    const notes = change.note !== undefined ? [...before.notes, { at, actor: ctx.actor, text: change.note.trim() }] : before.notes;
    await tx
      .updateTable('risk_entries')
      .set({
        treatment,
        status,
        accepted_until: acceptedUntil,
        owner: change.owner ?? row.owner,
        review_date: change.reviewDate ?? (change.treatment === 'accept' && acceptedUntil !== null ? acceptedUntil : row.review_date),
        residual: JSON.stringify(residualOf(a, treatment)),
        assessment: JSON.stringify({ ...a, ...(change.owner !== undefined ? { ownerManual: true } : {}) }),
        notes: JSON.stringify(notes),
        revision: before.revision + 1,
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, registry.dialect, {
      actor: ctx.actor,
      action: 'risk-update',
      subject: id,
      detail: {
        revision: before.revision + 1,
        ...(change.treatment !== undefined ? { treatment: { from: before.treatment, to: change.treatment }, status: { from: before.status, to: status } } : {}),
        ...(acceptedUntil !== null && change.acceptedUntil !== undefined ? { acceptedUntil } : {}),
        ...(change.owner !== undefined ? { owner: { from: before.owner, to: change.owner } } : {}),
        ...(change.reviewDate !== undefined ? { reviewDate: { from: before.reviewDate, to: change.reviewDate } } : {}),
        ...(change.note !== undefined ? { note: change.note.trim() } : {}),
      },
      at: ctx.now,
    });
    return toEntry(await tx.selectFrom('risk_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), ctx.now);
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
