/**
 * A scan against the registry: an SBOM file (recorded under its root component's name as the product) or a
 * product version stored in the registry; the registry's VEX ledger is applied (plus any extra documents), and
 * the scan is recorded (table `scans`) unless asked not to.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AdvisoryStore } from '../advisories/store.js';
import { sha256Hex } from '../core/digest.js';
import type { Registry } from '../registry/database.js';
import { loadLedger } from '../registry/vex/ledger-store.js';
import type { VexDocument } from '../vex/statement.js';
import { readSbomBytes } from './read-sbom.js';
import { readRegistrySbom } from './registry-sbom.js';
import { recordScan } from './scan-history.js';
import type { ScanReport } from './scan.js';
import { scanComponents } from './scan.js';
import type { Severity } from './severity.js';
import { IoError } from '../core/errors.js';

export type ScanTarget = { readonly kind: 'file'; readonly path: string; readonly shown: string } | { readonly kind: 'product'; readonly product: string; readonly version?: string };

export interface RegistryScanInput {
  readonly registry: Registry;
  readonly store: AdvisoryStore;
  readonly target: ScanTarget;
  readonly failOn?: Severity;
  /** Documents applied on top of the registry's ledger (`scan --vex`); not stored. */
  readonly extraVex?: readonly VexDocument[];
  /** Who and when, to record the scan; undefined = do not record. */
  readonly record?: { readonly actor: string; readonly now: Date };
}

export interface RegistryScanResult {
  readonly report: ScanReport;
  readonly product: string;
  readonly productVersion?: string;
  /** The recorded scan's id. */
  readonly scanId?: number;
}

async function readTarget(registry: Registry, target: ScanTarget): Promise<{ product: string; productVersion?: string; sha256?: string; shown: string; sbom: Awaited<ReturnType<typeof readSbomBytes>> }> {
  if (target.kind === 'product') {
    const r = await readRegistrySbom(registry, target.product, target.version);
    return { product: r.product, productVersion: r.version, sha256: r.sha256, shown: r.shown, sbom: r.sbom };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(target.path);
  } catch (error) {
    throw new IoError(`${target.shown}: cannot read the SBOM (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  const sbom = await readSbomBytes(bytes, target.shown);
  const product = sbom.product.name ?? basename(target.shown).replace(/\.(cdx|spdx)?\.?(json|xml)$/u, '');
  return { product, ...(sbom.product.version !== undefined ? { productVersion: sbom.product.version } : {}), sha256: sha256Hex(bytes), shown: target.shown, sbom };
}

export async function scanInRegistry(input: RegistryScanInput): Promise<RegistryScanResult> {
  const t = await readTarget(input.registry, input.target);
  const ledger = await loadLedger(input.registry, t.product);
  for (const doc of input.extraVex ?? []) ledger.add(doc);
  const report = await scanComponents({ sbom: t.sbom, shown: t.shown, store: input.store, ...(input.failOn !== undefined ? { failOn: input.failOn } : {}), ...(ledger.documents.length > 0 ? { vex: ledger } : {}) });
  const scanId =
    input.record === undefined
      ? undefined
      : await recordScan(input.registry, report, { product: t.product, ...(t.productVersion !== undefined ? { productVersion: t.productVersion } : {}), sbom: t.shown, ...(t.sha256 !== undefined ? { sha256: t.sha256 } : {}), actor: input.record.actor, now: input.record.now });
  return { report, product: t.product, ...(t.productVersion !== undefined ? { productVersion: t.productVersion } : {}), ...(scanId !== undefined ? { scanId } : {}) };
}
