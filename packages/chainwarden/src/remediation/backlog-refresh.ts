/**
 * Refreshes the backlog from the latest recorded scan of every product: computes the remediation units, records
 * when each finding was first (and last) seen, sets due dates (SLA from severity, a KEV due date overriding),
 * owners (a manual owner is kept; else owners config / CODEOWNERS; else `unassigned`) and statuses:
 * - a new unit is `open` (`not-affected` when VEX suppresses all its findings);
 * - an entry whose unit is gone is `resolved` — "superseded by CW-…" when the component still needs another
 *   upgrade (its status, owner and notes carry over to the new entry), else "not in scan N";
 * - a resolved entry whose unit comes back is reopened; an acceptance past its date is reopened.
 * Everything is written in one transaction with one audit entry.
 */
import type { FindingSightingTable } from '../registry/schema.js';
import type { OwnerResolver } from '../hygiene/owners.js';
import type { RecordedScan } from '../findings/scan-history.js';
import { latestScans } from '../findings/scan-history.js';
import { appendAudit } from '../registry/audit-log.js';
import type { Registry, RegistryTx } from '../registry/database.js';
import type { BacklogStatus, OwnerSource } from './backlog-entry.js';
import { isActive, UNASSIGNED } from './backlog-entry.js';
import type { BacklogRow } from './backlog-repository.js';
import type { ThreatIntel } from './feeds/store.js';
import { loadThreatIntel } from './feeds/store.js';
import type { SlaDays } from './severity.js';
import { addDays, dateOf, DEFAULT_SLA_DAYS } from './severity.js';
import type { FixOracle, RemediationUnit } from './units.js';
import { unitsOfScan } from './units.js';

export interface RefreshOptions {
  readonly actor: string;
  readonly now: Date;
  readonly sla?: SlaDays;
  readonly owners?: OwnerResolver;
  /** Builds the fix oracle once the scans are known (the advisory records decide which version clears what). */
  readonly oracle?: (scans: readonly RecordedScan[]) => Promise<FixOracle | undefined>;
}

export interface RefreshReport {
  readonly products: readonly { readonly product: string; readonly scan: number; readonly scannedAt: string; readonly units: number }[];
  readonly created: readonly string[];
  readonly resolved: readonly string[];
  readonly reopened: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: number;
  readonly kev: number;
}

type Sighting = FindingSightingTable;

export async function refreshBacklog(registry: Registry, options: RefreshOptions): Promise<RefreshReport> {
  const scans = await latestScans(registry);
  if (scans.length === 0) return { products: [], created: [], resolved: [], reopened: [], updated: [], unchanged: 0, kev: 0 };
  const oracle = options.oracle !== undefined ? await options.oracle(scans) : undefined;
  const perScan = scans.map((scan) => ({ scan, units: unitsOfScan(scan.product, scan.report, oracle) }));
  const intel = await loadThreatIntel(registry, perScan.flatMap((p) => p.units.flatMap((u) => u.findings.flatMap((f) => [f.vulnerability, ...f.aliases]))));
  const sla = options.sla ?? DEFAULT_SLA_DAYS;
  const report = { created: [] as string[], resolved: [] as string[], reopened: [] as string[], updated: [] as string[], unchanged: 0, kev: 0 };
  await registry.transaction(async (tx) => {
    for (const { scan, units } of perScan) {
      const sightings = await recordSightings(tx, scan, units);
      const existing = new Map((await tx.selectFrom('backlog_entries').selectAll().where('product', '=', scan.product).execute()).map((r) => [r.id, r]));
      const computed = new Map(units.map((u) => [u.id, u]));
      const carried = new Map<string, BacklogRow>();
      // Entries whose unit is gone: resolved (superseded when the component still has a unit of its own).
      for (const row of [...existing.values()].sort((a, b) => cmp(a.id, b.id))) {
        if (computed.has(row.id) || row.status === 'resolved') continue;
        const successor = units.find((u) => u.component.key === row.component_key && !existing.has(u.id) && u.action === row.action);
        const resolution = successor !== undefined ? `superseded by ${successor.id}` : `not in scan ${scan.id} of ${scan.product}${scan.productVersion !== undefined ? ` ${scan.productVersion}` : ''} (${scan.scannedAt})`;
        if (successor !== undefined && !carried.has(successor.id)) carried.set(successor.id, row);
        await tx
          .updateTable('backlog_entries')
          .set({ status: 'resolved', resolution, accepted_until: null, revision: Number(row.revision) + 1, updated_at: options.now.toISOString(), scan_id: scan.id })
          .where('id', '=', row.id)
          .execute();
        report.resolved.push(row.id);
      }
      for (const unit of units) {
        const firstSeen = unit.findings.map((f) => sightings.get(f.vulnerability)?.first_seen ?? scan.scannedAt).sort()[0] ?? scan.scannedAt;
        const due = dueOf(unit, firstSeen, sla, intel);
        if (due.kev) report.kev++;
        const owner = ownerOf(unit, options.owners);
        const row = existing.get(unit.id);
        if (row === undefined) {
          const from = carried.get(unit.id);
          const keepOwner = from !== undefined && from.owner_source === 'manual';
          const status: BacklogStatus = unit.notAffected ? 'not-affected' : from !== undefined && from.status === 'in-progress' ? 'in-progress' : 'open';
          await tx
            .insertInto('backlog_entries')
            .values({
              id: unit.id,
              product: unit.product,
              component_key: unit.component.key,
              component: JSON.stringify(unit.component),
              action: unit.action,
              target: unit.target ?? null,
              severity: unit.severity,
              first_seen: firstSeen,
              due_date: due.date,
              due_source: due.source,
              status,
              resolution: unit.notAffected ? 'every finding is suppressed by VEX' : from !== undefined ? `supersedes ${from.id}` : null,
              accepted_until: null,
              owner: keepOwner ? from.owner : owner.owner,
              owner_source: keepOwner ? from.owner_source : owner.source,
              findings: JSON.stringify(unit.findings),
              notes: from?.notes ?? '[]',
              scan_id: scan.id,
              revision: 1,
              created_at: options.now.toISOString(),
              updated_at: options.now.toISOString(),
            })
            .execute();
          report.created.push(unit.id);
          continue;
        }
        const next = nextStatus(row, unit, options.now);
        const keepOwner = row.owner_source === 'manual';
        const values = {
          component: JSON.stringify(unit.component),
          severity: unit.severity,
          first_seen: firstSeen,
          due_date: due.date,
          due_source: due.source,
          status: next.status,
          resolution: next.resolution,
          accepted_until: next.status === 'accepted' ? row.accepted_until : null,
          owner: keepOwner ? row.owner : owner.owner,
          owner_source: keepOwner ? row.owner_source : owner.source,
          findings: JSON.stringify(unit.findings),
        };
        const changed = (Object.keys(values) as (keyof typeof values)[]).some((k) => values[k] !== row[k]);
        if (!changed && Number(row.scan_id) === scan.id) {
          report.unchanged++;
          continue;
        }
        await tx
          .updateTable('backlog_entries')
          .set({ ...values, scan_id: scan.id, ...(changed ? { revision: Number(row.revision) + 1, updated_at: options.now.toISOString() } : {}) })
          .where('id', '=', row.id)
          .execute();
        if (row.status === 'resolved' || (row.status !== next.status && isActive(next.status) && !isActive(row.status as BacklogStatus))) report.reopened.push(row.id);
        else if (changed) report.updated.push(row.id);
        else report.unchanged++;
      }
    }
    await appendAudit(tx, registry.dialect, {
      actor: options.actor,
      action: 'backlog-refresh',
      subject: 'backlog',
      detail: { scans: perScan.map((p) => p.scan.id), created: report.created, resolved: report.resolved, reopened: report.reopened, updated: report.updated.length, unchanged: report.unchanged },
      at: options.now,
    });
  });
  return { products: perScan.map((p) => ({ product: p.scan.product, scan: p.scan.id, scannedAt: p.scan.scannedAt, units: p.units.length })), ...report };
}

/** First and last sightings per (product, component, vulnerability); findings no longer in the scan are closed. */
async function recordSightings(tx: RegistryTx, scan: RecordedScan, units: readonly RemediationUnit[]): Promise<Map<string, Sighting>> {
  const rows = await tx.selectFrom('finding_sightings').selectAll().where('product', '=', scan.product).execute();
  const byKey = new Map(rows.map((r) => [`${r.component_key}\u0000${r.vulnerability}`, r]));
  const seen = new Set<string>();
  const out = new Map<string, Sighting>();
  for (const u of units) {
    for (const f of u.findings) {
      const key = `${u.component.key}\u0000${f.vulnerability}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const row = byKey.get(key);
      if (row === undefined) {
        const fresh = { product: scan.product, component_key: u.component.key, vulnerability: f.vulnerability, first_seen: scan.scannedAt, last_seen: scan.scannedAt, closed_at: null };
        await tx.insertInto('finding_sightings').values(fresh).execute();
        out.set(f.vulnerability, fresh);
      } else {
        const first = row.first_seen < scan.scannedAt ? row.first_seen : scan.scannedAt;
        const last = row.last_seen > scan.scannedAt ? row.last_seen : scan.scannedAt;
        if (first !== row.first_seen || last !== row.last_seen || row.closed_at !== null) {
          await tx.updateTable('finding_sightings').set({ first_seen: first, last_seen: last, closed_at: null }).where('product', '=', scan.product).where('component_key', '=', u.component.key).where('vulnerability', '=', f.vulnerability).execute();
        }
        out.set(f.vulnerability, { ...row, first_seen: first, last_seen: last, closed_at: null });
      }
    }
  }
  for (const row of rows) {
    if (seen.has(`${row.component_key}\u0000${row.vulnerability}`) || row.closed_at !== null) continue;
    await tx.updateTable('finding_sightings').set({ closed_at: scan.scannedAt }).where('product', '=', scan.product).where('component_key', '=', row.component_key).where('vulnerability', '=', row.vulnerability).execute();
  }
  return out;
}

function dueOf(unit: RemediationUnit, firstSeen: string, sla: SlaDays, intel: ThreatIntel): { date: string; source: string; kev: boolean } {
  const kev = intel.kev(unit.findings.filter((f) => f.vex === undefined).flatMap((f) => [f.vulnerability, ...f.aliases]));
  if (kev !== undefined) return { date: kev.dueDate, source: `kev ${kev.cve} (added ${kev.dateAdded})`, kev: true };
  const days = sla[unit.severity];
  return { date: addDays(firstSeen, days), source: `sla ${unit.severity} ${days} days${unit.severity === 'unrated' ? ' (no CVSS vector or label: unrated)' : ''}`, kev: false };
}

function ownerOf(unit: RemediationUnit, owners: OwnerResolver | undefined): { owner: string; source: OwnerSource } {
  const ecosystem = unit.component.type === 'pypi' || unit.component.type === 'npm' ? unit.component.type : undefined;
  const found = owners?.ownerOf({ name: unit.component.name, ...(unit.component.purl !== undefined ? { purl: unit.component.purl } : {}), ...(ecosystem !== undefined ? { ecosystem } : {}) });
  return found !== undefined ? { owner: found.owner, source: found.source } : { owner: UNASSIGNED, source: 'none' };
}

function nextStatus(row: BacklogRow, unit: RemediationUnit, now: Date): { status: BacklogStatus; resolution: string | null } {
  const status = row.status as BacklogStatus;
  if (status === 'accepted') {
    if (row.accepted_until !== null && row.accepted_until <= dateOf(now)) return { status: 'open', resolution: `acceptance expired on ${row.accepted_until}` };
    return { status, resolution: row.resolution };
  }
  if (unit.notAffected) return { status: 'not-affected', resolution: 'every finding is suppressed by VEX' };
  if (status === 'not-affected') return { status: 'open', resolution: 'a finding is no longer suppressed by VEX' };
  if (status === 'resolved') return { status: 'open', resolution: `reappeared after ${row.resolution ?? 'being resolved'}` };
  return { status, resolution: row.resolution };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
