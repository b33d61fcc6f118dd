import type { AdvisoryStore } from '../advisories/store.js';
import type { VexLedger } from '../vex/ledger.js';
import type { VexedFinding, VexUsage } from './apply-vex.js';
import { applyVex } from './apply-vex.js';
import type { Finding, SkippedComponent } from './finding.js';
import { matchComponents } from './match.js';
import type { ScannedSbom } from './read-sbom.js';
import { readSbomForScan } from './read-sbom.js';
import type { Severity } from './severity.js';
import { SEVERITIES, severityRank } from './severity.js';

export interface ScanReport {
  /** The SBOM as the user named it, and the product it describes. */
  readonly sbom: string;
  readonly product: { readonly name?: string; readonly version?: string; readonly purl?: string };
  readonly components: number;
  readonly advisories: { readonly records: number; readonly withdrawn: number };
  readonly findings: readonly VexedFinding[];
  readonly skipped: readonly SkippedComponent[];
  /** `bySeverity` and the gate count open findings only (not suppressed by VEX). */
  readonly counts: { readonly byClass: Readonly<Record<string, number>>; readonly bySeverity: Readonly<Record<Severity, number>>; readonly suppressed: number };
  readonly vex?: VexUsage;
  /** Set when `failOn` was given: the findings at or above it (vulnerabilities and malicious packages). */
  readonly gate?: { readonly failOn: Severity; readonly failing: number; readonly open: boolean };
}

export interface ScanOptions {
  readonly path: string;
  /** The path as shown in the report (relative to the project). */
  readonly shown: string;
  readonly store: AdvisoryStore;
  readonly failOn?: Severity;
  /** VEX statements to apply (not_affected/fixed suppress findings, keeping the reason). */
  readonly vex?: VexLedger;
}

/** Scans an SBOM file against the advisories in a store. */
export async function scanSbom(options: ScanOptions): Promise<ScanReport> {
  const sbom = await readSbomForScan(options.path, options.shown);
  return scanComponents({ ...options, sbom });
}

export interface ComponentScanOptions extends Omit<ScanOptions, 'path'> {
  readonly sbom: ScannedSbom;
}

/** Scans components already read (an SBOM file, or a product version in the registry). */
export async function scanComponents(options: ComponentScanOptions): Promise<ScanReport> {
  const sbom = options.sbom;
  const result = await matchComponents(sbom.components, options.store);
  const applied = options.vex !== undefined ? applyVex(result.findings, options.vex, sbom.product) : undefined;
  const findings: readonly VexedFinding[] = applied?.findings ?? result.findings;
  const stats = await options.store.stats();
  const byClass: Record<string, number> = { vulnerability: 0, malicious: 0, informational: 0, 'unknown-version': 0 };
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let suppressed = 0;
  for (const f of findings) {
    byClass[f.class] = (byClass[f.class] ?? 0) + 1;
    if (f.vex?.suppressed === true) suppressed++;
    else if (gating(f)) bySeverity[f.severity]++;
  }
  const failOn = options.failOn;
  const failing = failOn === undefined ? 0 : findings.filter((f) => gating(f) && f.vex?.suppressed !== true && severityRank(f.severity) >= severityRank(failOn)).length;
  return {
    sbom: options.shown,
    product: { ...(sbom.product.name !== undefined ? { name: sbom.product.name } : {}), ...(sbom.product.version !== undefined ? { version: sbom.product.version } : {}), ...(sbom.product.purl !== undefined ? { purl: sbom.product.purl } : {}) },
    components: result.components,
    advisories: { records: stats.records, withdrawn: stats.withdrawn },
    findings,
    skipped: result.skipped,
    counts: { byClass, bySeverity, suppressed },
    ...(applied !== undefined ? { vex: applied.usage } : {}),
    ...(failOn !== undefined ? { gate: { failOn, failing, open: failing === 0 } } : {}),
  };
}

/** Findings that can close the gate: vulnerabilities and malicious packages (not notices, not unknown versions). */
export function gating(f: Finding): boolean {
  return f.class === 'vulnerability' || f.class === 'malicious';
}
