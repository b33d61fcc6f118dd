/**
 * The threat feeds in the registry (tables `threat_feeds`, `kev_entries`, `epss_scores`). Both feeds are snapshots:
 * an import replaces the previous catalog (KEV) or score set (EPSS) in one transaction, and reports what changed.
 * EPSS `merge` keeps the scores of CVEs the file does not list (for partial files). An import older than the stored
 * one is refused unless `allowOlder` (a stale download must not silently roll the data back).
 */
import { sha256Hex } from '../../core/digest.js';
import { UsageError } from '../../core/errors.js';
import { appendAudit } from '../../registry/audit-log.js';
import type { Registry } from '../../registry/database.js';
import type { EpssFile } from './epss.js';
import type { KevCatalog, KevEntry } from './kev.js';

export interface FeedImportMeta {
  /** The file as the user named it. */
  readonly source: string;
  readonly bytes: Uint8Array;
  readonly actor: string;
  readonly now: Date;
  readonly allowOlder?: boolean;
}

export interface FeedImportReport {
  readonly feed: 'kev' | 'epss';
  readonly source: string;
  readonly version: string;
  readonly previous?: string;
  readonly entries: number;
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
  readonly mode: 'replace' | 'merge';
}

export interface FeedStatus {
  readonly feed: string;
  readonly version: string;
  readonly released?: string;
  readonly entries: number;
  readonly source: string;
  readonly importedAt: string;
}

const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function previousVersion(registry: Registry, feed: string): Promise<string | undefined> {
  return (await registry.db.selectFrom('threat_feeds').select('version').where('feed', '=', feed).executeTakeFirst())?.version;
}

function refuseOlder(feed: string, version: string, previous: string | undefined, meta: FeedImportMeta): void {
  if (previous !== undefined && version < previous && meta.allowOlder !== true) {
    throw new UsageError(`${meta.source}: this ${feed.toUpperCase()} file (${version}) is older than the one already imported (${previous}); pass --allow-older to replace it anyway`);
  }
}

function kevRow(e: KevEntry): { cve_id: string; vendor_project: string; product: string; vulnerability_name: string; date_added: string; due_date: string; ransomware: string; required_action: string; detail: string } {
  return {
    cve_id: e.cveID,
    vendor_project: e.vendorProject,
    product: e.product,
    vulnerability_name: e.vulnerabilityName,
    date_added: e.dateAdded,
    due_date: e.dueDate,
    ransomware: e.knownRansomwareCampaignUse,
    required_action: e.requiredAction,
    detail: JSON.stringify(e),
  };
}

/** Replaces the stored KEV catalog with `catalog` (one transaction, one audit entry). */
export async function importKev(registry: Registry, catalog: KevCatalog, meta: FeedImportMeta): Promise<FeedImportReport> {
  const previous = await previousVersion(registry, 'kev');
  refuseOlder('kev', catalog.catalogVersion, previous, meta);
  const before = new Map((await registry.db.selectFrom('kev_entries').select(['cve_id', 'detail']).execute()).map((r) => [r.cve_id, r.detail]));
  const rows = catalog.vulnerabilities.map(kevRow);
  let added = 0;
  let updated = 0;
  for (const r of rows) {
    const old = before.get(r.cve_id);
    if (old === undefined) added++;
    else if (old !== r.detail) updated++;
  }
  const keep = new Set(rows.map((r) => r.cve_id));
  const removed = [...before.keys()].filter((id) => !keep.has(id)).length;
  const report: FeedImportReport = { feed: 'kev', source: meta.source, version: catalog.catalogVersion, ...(previous !== undefined ? { previous } : {}), entries: rows.length, added, updated, removed, unchanged: rows.length - added - updated, mode: 'replace' };
  await registry.transaction(async (tx) => {
    await tx.deleteFrom('kev_entries').execute();
    for (const batch of chunks(rows, 200)) await tx.insertInto('kev_entries').values(batch).execute();
    await tx.deleteFrom('threat_feeds').where('feed', '=', 'kev').execute();
    await tx
      .insertInto('threat_feeds')
      .values({ feed: 'kev', version: catalog.catalogVersion, released: catalog.dateReleased, entries: rows.length, source: meta.source, sha256: sha256Hex(meta.bytes), imported_at: meta.now.toISOString(), imported_by: meta.actor })
      .execute();
    await appendAudit(tx, registry.dialect, { actor: meta.actor, action: 'kev-import', subject: `kev ${catalog.catalogVersion}`, detail: { ...report, sha256: sha256Hex(meta.bytes) }, at: meta.now });
  });
  return report;
}

/** Stores EPSS scores: `replace` (default) swaps the whole set, `merge` updates and adds, keeping CVEs not listed. */
export async function importEpss(registry: Registry, file: EpssFile, meta: FeedImportMeta & { readonly mode?: 'replace' | 'merge' }): Promise<FeedImportReport> {
  const mode = meta.mode ?? 'replace';
  const version = file.scoreDate ?? meta.now.toISOString();
  const previous = await previousVersion(registry, 'epss');
  refuseOlder('epss', version, previous, meta);
  const before = new Map((await registry.db.selectFrom('epss_scores').select(['cve_id', 'epss', 'percentile']).execute()).map((r) => [r.cve_id, `${Number(r.epss)}|${Number(r.percentile)}`]));
  let added = 0;
  let updated = 0;
  for (const s of file.scores) {
    const old = before.get(s.cve);
    if (old === undefined) added++;
    else if (old !== `${s.epss}|${s.percentile}`) updated++;
  }
  const listed = new Set(file.scores.map((s) => s.cve));
  const removed = mode === 'replace' ? [...before.keys()].filter((id) => !listed.has(id)).length : 0;
  const entries = mode === 'replace' ? file.scores.length : before.size + added;
  const report: FeedImportReport = { feed: 'epss', source: meta.source, version, ...(previous !== undefined ? { previous } : {}), entries, added, updated, removed, unchanged: file.scores.length - added - updated, mode };
  const rows = file.scores.map((s) => ({ cve_id: s.cve, epss: s.epss, percentile: s.percentile, score_date: file.scoreDate ?? null }));
  await registry.transaction(async (tx) => {
    if (mode === 'replace') await tx.deleteFrom('epss_scores').execute();
    else for (const ids of chunks([...listed])) await tx.deleteFrom('epss_scores').where('cve_id', 'in', ids).execute();
    for (const batch of chunks(rows)) await tx.insertInto('epss_scores').values(batch).execute();
    await tx.deleteFrom('threat_feeds').where('feed', '=', 'epss').execute();
    await tx
      .insertInto('threat_feeds')
      .values({ feed: 'epss', version, released: file.scoreDate ?? null, entries, source: meta.source, sha256: sha256Hex(meta.bytes), imported_at: meta.now.toISOString(), imported_by: meta.actor })
      .execute();
    await appendAudit(tx, registry.dialect, { actor: meta.actor, action: 'epss-import', subject: `epss ${version}`, detail: { ...report, ...(file.modelVersion !== undefined ? { modelVersion: file.modelVersion } : {}), sha256: sha256Hex(meta.bytes) }, at: meta.now });
  });
  return report;
}

export async function feedStatus(registry: Registry): Promise<FeedStatus[]> {
  const rows = await registry.db.selectFrom('threat_feeds').selectAll().orderBy('feed').execute();
  return rows.map((r) => ({ feed: r.feed, version: r.version, ...(r.released !== null ? { released: r.released } : {}), entries: Number(r.entries), source: r.source, importedAt: r.imported_at }));
}

export interface KevFact {
  readonly cve: string;
  readonly dueDate: string;
  readonly dateAdded: string;
  readonly ransomware: boolean;
  readonly name: string;
}

export interface EpssFact {
  readonly cve: string;
  readonly epss: number;
  readonly percentile: number;
  readonly scoreDate?: string;
}

/** What the feeds know about a set of ids (CVE aliases); ids that are no CVE are ignored. */
export interface ThreatIntel {
  kev(ids: readonly string[]): KevFact | undefined;
  epss(ids: readonly string[]): EpssFact | undefined;
}

/** Loads the facts for `cves` at once (a few queries, not one per finding). KEV: the earliest due date; EPSS: the highest score. */
export async function loadThreatIntel(registry: Registry, cves: readonly string[]): Promise<ThreatIntel> {
  const wanted = [...new Set(cves.filter((c) => c.startsWith('CVE-')))];
  const kev = new Map<string, KevFact>();
  const epss = new Map<string, EpssFact>();
  for (const ids of chunks(wanted)) {
    for (const r of await registry.db.selectFrom('kev_entries').select(['cve_id', 'due_date', 'date_added', 'ransomware', 'vulnerability_name']).where('cve_id', 'in', ids).execute()) {
      kev.set(r.cve_id, { cve: r.cve_id, dueDate: r.due_date, dateAdded: r.date_added, ransomware: r.ransomware === 'Known', name: r.vulnerability_name });
    }
    for (const r of await registry.db.selectFrom('epss_scores').selectAll().where('cve_id', 'in', ids).execute()) {
      epss.set(r.cve_id, { cve: r.cve_id, epss: Number(r.epss), percentile: Number(r.percentile), ...(r.score_date !== null ? { scoreDate: r.score_date } : {}) });
    }
  }
  return {
    kev: (ids) => ids.map((i) => kev.get(i)).filter((f) => f !== undefined).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))[0],
    epss: (ids) => ids.map((i) => epss.get(i)).filter((f) => f !== undefined).sort((a, b) => b.epss - a.epss)[0],
  };
}
