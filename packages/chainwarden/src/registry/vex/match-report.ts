/**
 * Which components of one SBOM each VEX statement names: purls by purl-match (ecosystem-aware), bom-refs by ref,
 * BOM-Links only when their serial is this SBOM's. Every statement that names none is reported with the reason.
 */
import type { VexDocument, VexStatement, VexSubject } from '../../vex/statement.js';
import { purlMatches } from '../../vex/purl-match.js';

export interface MatchableComponent {
  readonly bomRef: string;
  readonly purl?: string;
}

export interface UnmatchedStatement {
  readonly at: string;
  readonly vulnerability: string;
  readonly reason: string;
}

export interface VexMatchReport {
  readonly statements: number;
  readonly matched: number;
  readonly unmatched: readonly UnmatchedStatement[];
  readonly skipped: readonly { readonly at: string; readonly reason: string }[];
}

export interface StatementMatch {
  readonly statement: VexStatement;
  /** The bom-refs of the SBOM components it names. */
  readonly components: readonly string[];
  readonly reason?: string;
}

function describe(s: VexSubject): string {
  switch (s.kind) {
    case 'purl':
      return s.purl;
    case 'bom-link':
      return `urn:cdx:${s.serial}/${s.version}#${s.ref}`;
    case 'bom-ref':
      return `bom-ref ${s.ref}`;
    case 'other':
      return s.id;
  }
}

function normaliseSerial(serial: string): string {
  return serial.replace(/^urn:(uuid|cdx):/u, '').toLowerCase();
}

/** The components one subject names, or why it names none. */
function matchSubject(subject: VexSubject, components: readonly MatchableComponent[], serial: string | undefined): { refs: string[]; reason?: string } {
  if (subject.kind === 'other') return { refs: [], reason: `${subject.id} is not a purl or bom-ref: it cannot be matched to components automatically` };
  if (subject.kind === 'bom-link') {
    if (serial === undefined || normaliseSerial(subject.serial) !== normaliseSerial(serial)) {
      return { refs: [], reason: `BOM-Link ${describe(subject)} points into another BOM (this SBOM's serial is ${serial ?? 'absent'})` };
    }
    const refs = components.filter((c) => c.bomRef === subject.ref).map((c) => c.bomRef);
    return refs.length > 0 ? { refs } : { refs, reason: `no component with bom-ref ${subject.ref} in this SBOM` };
  }
  if (subject.kind === 'bom-ref') {
    const refs = components.filter((c) => c.bomRef === subject.ref).map((c) => c.bomRef);
    if (refs.length > 0 || subject.purl === undefined) return refs.length > 0 ? { refs } : { refs, reason: `no component with bom-ref ${subject.ref} in this SBOM` };
    return matchSubject({ kind: 'purl', purl: subject.purl }, components, serial);
  }
  const refs: string[] = [];
  let closest: string | undefined;
  for (const c of components) {
    if (c.purl === undefined) continue;
    const m = purlMatches(subject.purl, c.purl);
    if (m.ok) refs.push(c.bomRef);
    else if (m.reason !== 'different package' && !m.reason.startsWith('component purl')) closest ??= `${subject.purl}: ${m.reason}`;
  }
  if (refs.length > 0) return { refs };
  return { refs, reason: closest ?? `no component ${subject.purl} in this SBOM` };
}

export function matchStatement(statement: VexStatement, components: readonly MatchableComponent[], serial: string | undefined, quarantined: readonly MatchableComponent[] = []): StatementMatch {
  if (statement.products.length === 0) return { statement, components: [], reason: 'names no product (it needs one from an enclosing attestation)' };
  const refs = new Set<string>();
  const reasons: string[] = [];
  for (const product of statement.products) {
    // A product with subcomponents is about those subcomponents inside it; without, about the product itself.
    const subjects = product.subcomponents.length > 0 ? product.subcomponents : [product.subject];
    for (const subject of subjects) {
      const m = matchSubject(subject, components, serial);
      for (const r of m.refs) refs.add(r);
      if (m.reason !== undefined) reasons.push(m.reason);
    }
  }
  if (refs.size > 0) return { statement, components: [...refs].sort() };
  if (quarantined.length > 0) {
    const q = matchStatement(statement, quarantined, serial);
    if (q.components.length > 0) return { statement, components: [], reason: `names only component(s) quarantined at ingest (${q.components.join(', ')}; see the quality report)` };
  }
  return { statement, components: [], reason: [...new Set(reasons)].join('; ') };
}

export function matchDocument(doc: VexDocument, components: readonly MatchableComponent[], serial: string | undefined, quarantined: readonly MatchableComponent[] = []): { matches: StatementMatch[]; report: VexMatchReport } {
  const matches = doc.statements.map((s) => matchStatement(s, components, serial, quarantined));
  return {
    matches,
    report: {
      statements: doc.statements.length,
      matched: matches.filter((m) => m.components.length > 0).length,
      unmatched: matches.filter((m) => m.components.length === 0).map((m) => ({ at: m.statement.at, vulnerability: m.statement.vulnerability, reason: m.reason ?? 'names no component of this SBOM' })),
      skipped: doc.skipped.map((s) => ({ at: s.at, reason: s.reason })),
    },
  };
}
