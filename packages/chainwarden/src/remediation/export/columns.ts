/**
 * The columns of the exports, as data: Markdown and CSV render the same columns. Backlog columns follow Hotpass's
 * docs/compliance/remediation-backlog.md (item, risk, owner, due, evidence, status) with product, severity, first
 * seen and fix added; risk columns follow docs/security/risk-register.md (id, risk, impact, likelihood, exposure,
 * owner, status) with treatment, review date, residual and links added.
 */
import type { BacklogEntry } from '../backlog-entry.js';
import type { RiskEntry } from '../risk-register.js';

export interface Column<T> {
  readonly header: string;
  readonly value: (row: T) => string;
}

export const BACKLOG_COLUMNS: readonly Column<BacklogEntry>[] = [
  { header: 'ID', value: (e) => e.id },
  { header: 'Item', value: (e) => e.title },
  { header: 'Product', value: (e) => e.product },
  { header: 'Risk', value: (e) => `${e.severity}${e.dueSource.startsWith('kev ') ? ' (KEV)' : ''}` },
  { header: 'Owner', value: (e) => e.owner },
  { header: 'Due', value: (e) => e.dueDate },
  { header: 'Due basis', value: (e) => e.dueSource },
  { header: 'First seen', value: (e) => e.firstSeen.slice(0, 10) },
  { header: 'Evidence', value: (e) => `${e.findings.map((f) => `${f.vulnerability}${f.vex !== undefined ? ` (VEX ${f.vex.status})` : ''}`).join(', ')}; scan ${e.scanId}` },
  { header: 'Status', value: (e) => `${e.status}${e.overdue ? ' (overdue)' : ''}${e.acceptedUntil !== undefined ? ` until ${e.acceptedUntil}` : ''}` },
];

export const RISK_COLUMNS: readonly Column<RiskEntry>[] = [
  { header: 'ID', value: (r) => r.id },
  { header: 'Risk', value: (r) => r.title },
  { header: 'Product', value: (r) => r.product },
  { header: 'Impact', value: (r) => `${r.impact.level} ${r.impact.label} (${r.impact.basis.join('; ')})` },
  { header: 'Likelihood', value: (r) => `${r.likelihood.level} ${r.likelihood.label} (${r.likelihood.basis.join('; ')})` },
  { header: 'Exposure', value: (r) => `${r.exposure} ${r.rating}` },
  { header: 'Owner', value: (r) => r.owner },
  { header: 'Treatment', value: (r) => `${r.treatment}${r.acceptedUntil !== undefined ? ` until ${r.acceptedUntil}` : ''}` },
  { header: 'Residual', value: (r) => `${r.residual.exposure} ${r.residual.rating}` },
  { header: 'Review', value: (r) => `${r.reviewDate}${r.reviewOverdue ? ' (overdue)' : ''}` },
  { header: 'Links', value: (r) => [`backlog ${r.links.backlog}`, ...r.links.vex.map((v) => `VEX ${v.vulnerability} ${v.status} (${v.document})`)].join('; ') },
  { header: 'Status', value: (r) => `${r.status}${r.reason !== undefined && r.status !== 'open' ? ` (${r.reason})` : ''}` },
];
