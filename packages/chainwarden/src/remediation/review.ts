/**
 * The quarterly review pack (`chainwarden review --since <date>`): what changed in the supply chain since a date, from
 * the registry alone — dependencies added and removed per product, findings opened and closed, SLA breaches, expired
 * acceptances, signing and provenance coverage of the versions ingested, supplier intake — and when the last review
 * was recorded (`review record`, an audit entry).
 */
import { UsageError } from '../core/errors.js';
import { appendAudit } from '../registry/audit-log.js';
import type { Registry } from '../registry/database.js';
import { listBacklog } from './backlog-repository.js';
import { listRisks } from './risk-register.js';
import { dateOf } from './severity.js';

export const REVIEW_ROLES = ['devops', 'security', 'compliance'] as const;
export type ReviewRole = (typeof REVIEW_ROLES)[number];

export interface ReviewPack {
  readonly since: string;
  readonly asOf: string;
  readonly lastReview?: { readonly at: string; readonly reviewer: string; readonly role: string; readonly note?: string };
  readonly dependencies: readonly { readonly product: string; readonly from?: string; readonly to: string; readonly added: readonly string[]; readonly removed: readonly string[] }[];
  readonly findings: { readonly opened: readonly FindingChange[]; readonly closed: readonly FindingChange[] };
  readonly slaBreaches: readonly { readonly id: string; readonly title: string; readonly product: string; readonly dueDate: string; readonly status: string }[];
  readonly expiredAcceptances: readonly { readonly id: string; readonly reason: string }[];
  readonly releases: { readonly versions: number; readonly signed: number; readonly unsigned: number; readonly firstParty: number; readonly list: readonly { readonly product: string; readonly version: string; readonly signature: string; readonly ingestedAt: string }[] };
  readonly suppliers: { readonly accepted: number; readonly quarantined: number; readonly rejected: number };
  /** The evidence store's releases first stored in the period: which carry provenance and which signature bundles. */
  readonly evidence: { readonly releases: number; readonly withProvenance: number; readonly signed: number; readonly list: readonly StoredRelease[] };
}

/** A release in the evidence store (chainwarden store), as the review counts it. */
export interface StoredRelease {
  readonly release: string;
  /** When its first entry was stored (ISO 8601). */
  readonly created: string;
  readonly provenance: boolean;
  readonly signed: boolean;
}

interface FindingChange {
  readonly product: string;
  readonly component: string;
  readonly vulnerability: string;
  readonly at: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/u;

export function parseSince(since: string): Date {
  if (!DATE.test(since) || Number.isNaN(Date.parse(since))) throw new UsageError(`review: --since "${since}" is not a date (YYYY-MM-DD)`);
  return new Date(`${since}T00:00:00Z`);
}

export async function buildReviewPack(registry: Registry, since: Date, now: Date, stored: readonly StoredRelease[] = []): Promise<ReviewPack> {
  const db = registry.db;
  const from = since.toISOString();
  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const last = await db.selectFrom('audit_log').selectAll().where('action', '=', 'review').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const lastDetail = last !== undefined ? (JSON.parse(last.detail) as { reviewer: string; role: string; note?: string }) : undefined;

  // Dependencies: per product, the latest version before `since` against the latest version now.
  const versions = await db.selectFrom('versions as v').innerJoin('products as p', 'p.id', 'v.product_id').select(['v.id', 'v.version', 'v.ingested_at', 'v.signature', 'v.quarantined_count', 'p.name', 'p.supplier_id']).orderBy('v.ingested_at').orderBy('v.id').execute();
  const byProduct = new Map<string, typeof versions>();
  for (const v of versions) byProduct.set(v.name, [...(byProduct.get(v.name) ?? []), v]);
  const componentsOf = async (versionId: number): Promise<Set<string>> =>
    new Set((await db.selectFrom('components').select(['purl', 'name', 'version']).where('version_id', '=', versionId).execute()).map((c) => c.purl ?? `${c.name}@${c.version ?? ''}`));
  const dependencies: ReviewPack['dependencies'][number][] = [];
  for (const [product, list] of [...byProduct.entries()].sort(([a], [b]) => cmp(a, b))) {
    const latest = list.at(-1);
    const before = list.filter((v) => v.ingested_at < from).at(-1);
    if (latest === undefined || latest === before) continue;
    const current = await componentsOf(Number(latest.id));
    const then = before !== undefined ? await componentsOf(Number(before.id)) : new Set<string>();
    dependencies.push({ product, ...(before !== undefined ? { from: before.version } : {}), to: latest.version, added: [...current].filter((c) => !then.has(c)).sort(), removed: [...then].filter((c) => !current.has(c)).sort() });
  }

  const sightings = await db.selectFrom('finding_sightings').selectAll().execute();
  const change = (at: string) => (s: (typeof sightings)[number]): FindingChange => ({ product: s.product, component: s.component_key, vulnerability: s.vulnerability, at });
  const sortChanges = (a: FindingChange, b: FindingChange): number => cmp(a.product, b.product) || cmp(a.component, b.component) || cmp(a.vulnerability, b.vulnerability);
  const opened = sightings.filter((s) => s.first_seen >= from).map((s) => change(s.first_seen)(s)).sort(sortChanges);
  const closed = sightings.filter((s) => s.closed_at !== null && s.closed_at >= from).map((s) => change(s.closed_at ?? '')(s)).sort(sortChanges);

  const entries = await listBacklog(registry, {}, now);
  const sinceDate = dateOf(since);
  const slaBreaches = entries
    .filter((e) => e.dueDate >= sinceDate && (e.overdue || (e.status === 'resolved' && e.updatedAt.slice(0, 10) > e.dueDate)))
    .map((e) => ({ id: e.id, title: e.title, product: e.product, dueDate: e.dueDate, status: e.status }));
  const risks = await listRisks(registry, {}, now);
  const expiredAcceptances = [
    ...entries.filter((e) => (e.resolution ?? '').startsWith('acceptance expired on ') && (e.resolution ?? '').slice(22) >= sinceDate).map((e) => ({ id: e.id, reason: e.resolution ?? '' })),
    ...risks.filter((r) => (r.reason ?? '').startsWith('acceptance expired on ') && (r.reason ?? '').slice(22) >= sinceDate).map((r) => ({ id: r.id, reason: r.reason ?? '' })),
  ].sort((a, b) => cmp(a.id, b.id));

  const recent = versions.filter((v) => v.ingested_at >= from);
  const rejected = await db.selectFrom('audit_log').select('seq').where('action', '=', 'reject').where('at', '>=', from).execute();
  const supplied = recent.filter((v) => v.supplier_id !== null);
  return {
    since: sinceDate,
    asOf: dateOf(now),
    ...(last !== undefined && lastDetail !== undefined ? { lastReview: { at: last.at, reviewer: lastDetail.reviewer, role: lastDetail.role, ...(lastDetail.note !== undefined ? { note: lastDetail.note } : {}) } } : {}),
    dependencies,
    findings: { opened, closed },
    slaBreaches,
    expiredAcceptances,
    releases: {
      versions: recent.length,
      signed: recent.filter((v) => v.signature === 'verified').length,
      unsigned: recent.filter((v) => v.signature === 'unsigned').length,
      firstParty: recent.filter((v) => v.signature === 'first-party').length,
      list: recent.map((v) => ({ product: v.name, version: v.version, signature: v.signature, ingestedAt: v.ingested_at })),
    },
    suppliers: { accepted: supplied.filter((v) => Number(v.quarantined_count) === 0).length, quarantined: supplied.filter((v) => Number(v.quarantined_count) > 0).length, rejected: rejected.length },
    evidence: evidenceSince(stored, from),
  };
}

function evidenceSince(stored: readonly StoredRelease[], from: string): ReviewPack['evidence'] {
  const list = stored.filter((r) => r.created >= from).sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.release < b.release ? -1 : 1));
  return { releases: list.length, withProvenance: list.filter((r) => r.provenance).length, signed: list.filter((r) => r.signed).length, list };
}

export async function recordReview(registry: Registry, input: { readonly reviewer: string; readonly role: string; readonly note?: string; readonly actor: string; readonly now: Date }): Promise<{ seq: number }> {
  if (!(REVIEW_ROLES as readonly string[]).includes(input.role)) throw new UsageError(`review record: --role must be one of ${REVIEW_ROLES.join(', ')}, got "${input.role}"`);
  if (input.reviewer.trim() === '') throw new UsageError('review record: --reviewer is empty');
  return registry.transaction((tx) =>
    appendAudit(tx, registry.dialect, { actor: input.actor, action: 'review', subject: `review by ${input.reviewer.trim()} (${input.role})`, detail: { reviewer: input.reviewer.trim(), role: input.role, ...(input.note !== undefined ? { note: input.note } : {}) }, at: input.now }),
  );
}

/** The pack as Markdown (for the review meeting's notes). */
export function reviewMarkdown(p: ReviewPack): string {
  const esc = (s: string): string => s.replace(/\|/gu, '\\|');
  const out = [
    `# Supply-chain review pack: ${p.since} to ${p.asOf}`,
    '',
    p.lastReview !== undefined ? `Last review: ${p.lastReview.at.slice(0, 10)} by ${p.lastReview.reviewer} (${p.lastReview.role})${p.lastReview.note !== undefined ? `: ${p.lastReview.note}` : ''}.` : 'Last review: none recorded (`chainwarden review record --reviewer <name> --role devops|security|compliance`).',
    '',
    '## Dependencies added and removed',
    '',
    ...(p.dependencies.length === 0 ? ['No product changed.'] : p.dependencies.map((d) => `- ${d.product} ${d.from ?? '(new)'} → ${d.to}: ${d.added.length} added, ${d.removed.length} removed${d.added.length + d.removed.length > 0 ? ` (${[...d.added.map((a) => `+${a}`), ...d.removed.map((r) => `-${r}`)].slice(0, 20).join(', ')}${d.added.length + d.removed.length > 20 ? ', …' : ''})` : ''}`)),
    '',
    '## Findings opened and closed',
    '',
    `${p.findings.opened.length} opened, ${p.findings.closed.length} closed.`,
    ...(p.findings.opened.length + p.findings.closed.length > 0 ? ['', '| Change | Product | Component | Vulnerability | When |', '| --- | --- | --- | --- | --- |', ...p.findings.opened.map((f) => `| opened | ${esc(f.product)} | ${esc(f.component)} | ${f.vulnerability} | ${f.at.slice(0, 10)} |`), ...p.findings.closed.map((f) => `| closed | ${esc(f.product)} | ${esc(f.component)} | ${f.vulnerability} | ${f.at.slice(0, 10)} |`)] : []),
    '',
    '## SLA breaches',
    '',
    ...(p.slaBreaches.length === 0 ? ['None.'] : ['| ID | Item | Product | Due | Status |', '| --- | --- | --- | --- | --- |', ...p.slaBreaches.map((b) => `| ${b.id} | ${esc(b.title)} | ${esc(b.product)} | ${b.dueDate} | ${b.status} |`)]),
    '',
    '## Expired exceptions and risk acceptances',
    '',
    ...(p.expiredAcceptances.length === 0 ? ['None.'] : p.expiredAcceptances.map((e) => `- ${e.id}: ${e.reason}`)),
    '',
    '## Releases: signing and provenance coverage',
    '',
    `${p.releases.versions} version(s) ingested: ${p.releases.signed} signature-verified, ${p.releases.unsigned} unsigned (accepted with --allow-unsigned), ${p.releases.firstParty} first-party.`,
    '',
    p.evidence.releases === 0
      ? 'Evidence store: no release stored in the period.'
      : `Evidence store: ${p.evidence.releases} release(s) stored, ${p.evidence.withProvenance} with provenance, ${p.evidence.signed} with signature bundles${p.evidence.releases > 0 ? ` (${p.evidence.list.map((r) => `${r.release}: ${[r.provenance ? 'provenance' : 'no provenance', r.signed ? 'signed' : 'unsigned'].join(', ')}`).join('; ')})` : ''}.`,
    '',
    '## Supplier intake',
    '',
    `${p.suppliers.accepted} accepted, ${p.suppliers.quarantined} with quarantined components, ${p.suppliers.rejected} rejected.`,
    '',
  ];
  return out.join('\n');
}
