/**
 * Recorded scans: every scan's report kept in the registry (table `scans`), so the backlog, re-matching after an
 * advisory import and `scan --product` history can compare one scan with the one before.
 */
import type { Selectable } from 'kysely';
import { appendAudit } from '../registry/audit-log.js';
import type { Registry } from '../registry/database.js';
import type { ScanTable } from '../registry/schema.js';
import type { ScanReport } from './scan.js';

export interface RecordedScan {
  readonly id: number;
  readonly product: string;
  readonly productVersion?: string;
  readonly sbom: string;
  readonly sbomSha256?: string;
  readonly scannedAt: string;
  readonly scannedBy: string;
  readonly report: ScanReport;
}

export interface ScanMeta {
  readonly product: string;
  readonly productVersion?: string;
  /** The SBOM as the user named it, or `registry:<product>@<version>`. */
  readonly sbom: string;
  readonly sha256?: string;
  readonly actor: string;
  readonly now: Date;
}

/** Stores one scan and its audit entry (action `scan`) in one transaction; returns the scan's id. */
export function recordScan(registry: Registry, report: ScanReport, meta: ScanMeta): Promise<number> {
  return registry.transaction(async (tx) => {
    const { id } = await tx
      .insertInto('scans')
      .values({
        product: meta.product,
        product_version: meta.productVersion ?? null,
        sbom: meta.sbom,
        sbom_sha256: meta.sha256 ?? null,
        scanned_at: meta.now.toISOString(),
        scanned_by: meta.actor,
        advisory_records: report.advisories.records,
        counts: JSON.stringify(report.counts),
        report: JSON.stringify(report),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const scanId = Number(id);
    await appendAudit(tx, registry.dialect, {
      actor: meta.actor,
      action: 'scan',
      subject: meta.productVersion !== undefined ? `${meta.product}@${meta.productVersion}` : meta.product,
      detail: { scan: scanId, sbom: meta.sbom, ...(meta.sha256 !== undefined ? { sha256: meta.sha256 } : {}), advisories: report.advisories.records, counts: report.counts },
      at: meta.now,
    });
    return scanId;
  });
}

type ScanRow = Selectable<ScanTable>;

function toRecorded(row: ScanRow): RecordedScan {
  return {
    id: Number(row.id),
    product: row.product,
    ...(row.product_version !== null ? { productVersion: row.product_version } : {}),
    sbom: row.sbom,
    ...(row.sbom_sha256 !== null ? { sbomSha256: row.sbom_sha256 } : {}),
    scannedAt: row.scanned_at,
    scannedBy: row.scanned_by,
    report: JSON.parse(row.report) as ScanReport,
  };
}

/** The latest scan of every product (latest by time, then by id), sorted by product name. */
export async function latestScans(registry: Registry): Promise<RecordedScan[]> {
  const heads = await registry.db.selectFrom('scans').select(['id', 'product', 'scanned_at']).execute();
  const best = new Map<string, { id: number; at: string }>();
  for (const h of heads) {
    const id = Number(h.id);
    const cur = best.get(h.product);
    if (cur === undefined || h.scanned_at > cur.at || (h.scanned_at === cur.at && id > cur.id)) best.set(h.product, { id, at: h.scanned_at });
  }
  const ids = [...best.values()].map((b) => b.id);
  if (ids.length === 0) return [];
  const rows: (ScanRow)[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const page = await registry.db.selectFrom('scans').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute();
    rows.push(...page);
  }
  return rows.map(toRecorded).sort((a, b) => (a.product < b.product ? -1 : a.product > b.product ? 1 : 0));
}

/** Every scan of one product, oldest first (optionally only those at or after `since`). */
export async function scansOf(registry: Registry, product: string, options: { readonly since?: Date } = {}): Promise<RecordedScan[]> {
  let q = registry.db.selectFrom('scans').selectAll().where('product', '=', product);
  if (options.since !== undefined) q = q.where('scanned_at', '>=', options.since.toISOString());
  const rows = await q.orderBy('scanned_at').orderBy('id').execute();
  return rows.map(toRecorded);
}
