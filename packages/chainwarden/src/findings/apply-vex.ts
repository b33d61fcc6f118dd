import type { VexLedger, VexTarget, VexVerdict } from '../vex/ledger.js';
import type { SkippedStatement, VexStatement } from '../vex/statement.js';
import type { Finding } from './finding.js';

/** A finding with the VEX statement that decided it (suppressed for not_affected/fixed). */
export type VexedFinding = Finding & { readonly vex?: VexVerdict };

export interface VexUsage {
  readonly documents: readonly { readonly file: string; readonly format: string; readonly id: string; readonly statements: number }[];
  /** Statements that applied to at least one finding. */
  readonly matched: readonly StatementRef[];
  /** Statements that applied to no finding of this scan, with why (kept in the ledger: they apply when a finding appears). */
  readonly unmatched: readonly (StatementRef & { readonly reason: string })[];
  /** Statements the documents could not express as usable statements. */
  readonly skipped: readonly (SkippedStatement & { readonly file: string })[];
}

interface StatementRef {
  readonly file: string;
  readonly at: string;
  readonly vulnerability: string;
  readonly status: string;
}

/** Applies a ledger to findings of one scan: each finding gets the winning statement; every statement is accounted for. */
export function applyVex(findings: readonly Finding[], ledger: VexLedger, product: VexTarget['product']): { findings: VexedFinding[]; usage: VexUsage } {
  const hits = new Set<VexStatement>();
  const misses = new Map<VexStatement, string>();
  const out = findings.map((f): VexedFinding => {
    const verdict = ledger.verdictFor(
      f.aliases,
      { component: { ...(f.component.purl !== undefined ? { purl: f.component.purl } : {}), ...(f.component.bomRef !== undefined ? { bomRef: f.component.bomRef } : {}), ...(f.component.version !== undefined ? { version: f.component.version } : {}) }, product },
      (s, reason) => {
        if (!misses.has(s)) misses.set(s, reason);
      },
      (s) => hits.add(s),
    );
    return verdict !== undefined ? { ...f, vex: verdict } : f;
  });
  const ref = (s: VexStatement): StatementRef => ({ file: s.document.file, at: s.at, vulnerability: s.vulnerability, status: s.sourceStatus });
  const all = ledger.all();
  return {
    findings: out,
    usage: {
      documents: ledger.documents.map((d) => ({ file: d.info.file, format: d.info.formatVersion, id: d.info.id, statements: d.statements.length })),
      matched: all.filter((s) => hits.has(s)).map(ref),
      unmatched: all
        .filter((s) => !hits.has(s))
        .map((s) => ({ ...ref(s), reason: misses.get(s) ?? `no finding for ${s.vulnerability} in this scan (kept: it applies when one appears)` })),
      skipped: ledger.documents.flatMap((d) => d.skipped.map((k) => ({ ...k, file: d.info.file }))),
    },
  };
}
