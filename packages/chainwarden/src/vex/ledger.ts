import { schemeFor } from '../advisories/versions/index.js';
import { packageKeyOfPurl } from '../advisories/ecosystems.js';
import { parsePurl } from '../core/purl-parse.js';
import { purlMatches } from './purl-match.js';
import type { VexDocument, VexProduct, VexStatement, VexStatus, VexSubject } from './statement.js';
import { effectiveTime, SUPPRESSING } from './statement.js';
import { inVersRange } from './vers.js';

/** What a statement is matched against: the component with the finding, inside the product being scanned. */
export interface VexTarget {
  readonly component: { readonly purl?: string; readonly bomRef?: string; readonly version?: string };
  readonly product: { readonly name?: string; readonly version?: string; readonly purl?: string; readonly bomRef?: string; readonly serial?: string };
}

export interface VexVerdict {
  readonly status: VexStatus;
  readonly sourceStatus: string;
  readonly suppressed: boolean;
  readonly justification?: string;
  readonly impact?: string;
  readonly actionStatement?: string;
  readonly statement: { readonly document: string; readonly file: string; readonly format: string; readonly at: string; readonly issuer?: string; readonly timestamp?: string; readonly version?: number };
}

type Outcome = { ok: true } | { ok: false; reason: string };

/**
 * The VEX ledger: every statement of every document added, kept (history is never overwritten). For a finding,
 * the statements naming its vulnerability (any alias) and matching its component and product are collected and
 * the newest wins (statement timestamp, else document timestamp; then document version).
 */
export class VexLedger {
  private readonly statements: VexStatement[] = [];
  readonly documents: VexDocument[] = [];

  add(doc: VexDocument): void {
    this.documents.push(doc);
    this.statements.push(...doc.statements);
  }

  all(): readonly VexStatement[] {
    return this.statements;
  }

  /** The winning statement for a finding (vulnerability alias group `aliases`) on a target, if any applies. */
  verdictFor(aliases: readonly string[], target: VexTarget, onMiss?: (s: VexStatement, reason: string) => void, onHit?: (s: VexStatement) => void): VexVerdict | undefined {
    const ids = new Set(aliases.map((a) => a.toUpperCase()));
    let best: VexStatement | undefined;
    for (const s of this.statements) {
      if (!ids.has(s.vulnerability.toUpperCase()) && !s.aliases.some((a) => ids.has(a.toUpperCase()))) continue;
      const outcome = statementApplies(s, target);
      if (!outcome.ok) {
        onMiss?.(s, outcome.reason);
        continue;
      }
      onHit?.(s);
      if (best === undefined || newer(s, best)) best = s;
    }
    if (best === undefined) return undefined;
    const d = best.document;
    return {
      status: best.status,
      sourceStatus: best.sourceStatus,
      suppressed: SUPPRESSING.has(best.status),
      ...(best.justification !== undefined ? { justification: best.justification } : {}),
      ...(best.impact !== undefined ? { impact: best.impact } : {}),
      ...(best.actionStatement !== undefined ? { actionStatement: best.actionStatement } : {}),
      statement: {
        document: d.id,
        file: d.file,
        format: d.formatVersion,
        at: best.at,
        ...(d.issuer !== undefined ? { issuer: d.issuer } : {}),
        ...((best.timestamp ?? d.timestamp) !== undefined ? { timestamp: best.timestamp ?? d.timestamp } : {}),
        ...(d.version !== undefined ? { version: d.version } : {}),
      },
    };
  }
}

/** The ledger's rule: the newer statement (statement timestamp, else document timestamp; then document version). */
export function newer(a: VexStatement, b: VexStatement): boolean {
  const ta = effectiveTime(a);
  const tb = effectiveTime(b);
  if (ta !== tb) return ta > tb;
  return (a.document.version ?? 0) > (b.document.version ?? 0);
}

/** Whether one statement applies to the target, or why not. */
export function statementApplies(s: VexStatement, target: VexTarget): Outcome {
  let reason = 'no product of the statement matches';
  for (const p of s.products) {
    const outcome = productApplies(p, target);
    if (outcome.ok) return outcome;
    reason = outcome.reason;
  }
  return { ok: false, reason };
}

function productApplies(p: VexProduct, target: VexTarget): Outcome {
  const serial = target.product.serial;
  if (p.subcomponents.length > 0) {
    const product = subjectMatches(p.subject, serial, target.product);
    if (!product.ok) return { ok: false, reason: `product: ${product.reason}` };
    const reasons: string[] = [];
    for (const sub of p.subcomponents) {
      const c = subjectMatches(sub, serial, target.component);
      if (c.ok) return c;
      reasons.push(c.reason);
    }
    return { ok: false, reason: `no subcomponent matches the component (${reasons[0] ?? ''})` };
  }
  const asComponent = subjectMatches(p.subject, serial, target.component);
  if (asComponent.ok) return versionRules(p, target.component);
  const asProduct = subjectMatches(p.subject, serial, target.product);
  if (asProduct.ok) return versionRules(p, target.product);
  return asComponent;
}

/** Matches one subject against a component or the product; `serial` is the scanned BOM's (for BOM-Links). */
function subjectMatches(subject: VexSubject, serial: string | undefined, t: { readonly purl?: string; readonly bomRef?: string }): Outcome {
  switch (subject.kind) {
    case 'purl':
      return t.purl === undefined ? { ok: false, reason: 'no purl to match' } : purlMatches(subject.purl, t.purl);
    case 'bom-ref':
      if (subject.purl !== undefined && t.purl !== undefined) return purlMatches(subject.purl, t.purl);
      return { ok: false, reason: `bom-ref "${subject.ref}" has no purl in the VEX document` };
    case 'bom-link': {
      const scanned = (serial ?? '').toLowerCase();
      if (scanned !== subject.serial) {
        return { ok: false, reason: `BOM-Link urn:cdx:${subject.serial}/${subject.version} names another BOM (the scanned BOM's serial is ${scanned === '' ? 'absent' : `urn:uuid:${scanned}`}); strict matching does not apply it` };
      }
      return subject.ref === t.bomRef || (t.purl !== undefined && subject.ref.startsWith('pkg:') && purlMatches(subject.ref, t.purl).ok) ? { ok: true } : { ok: false, reason: `BOM-Link ref ${subject.ref} is another component` };
    }
    case 'other':
      return { ok: false, reason: `"${subject.id}" is not a purl; it cannot be matched automatically` };
  }
}

function versionRules(p: VexProduct, t: { readonly purl?: string; readonly version?: string }): Outcome {
  if (p.versions === undefined || p.versions.length === 0) return { ok: true };
  const version = t.version ?? (t.purl !== undefined ? parsePurl(t.purl)?.version : undefined);
  if (version === undefined) return { ok: false, reason: 'the statement lists versions and the component has none' };
  const parts = t.purl !== undefined ? parsePurl(t.purl) : undefined;
  const key = parts !== undefined ? packageKeyOfPurl(parts) : undefined;
  const scheme = key !== undefined ? schemeFor(key.ecosystem) : undefined;
  for (const rule of p.versions) {
    if (rule.status === 'unaffected') continue;
    if (rule.version !== undefined && (rule.version === version || scheme?.compare(rule.version, version) === 0)) return { ok: true };
    if (rule.range !== undefined && scheme !== undefined && inVersRange(version, rule.range, scheme) === true) return { ok: true };
  }
  return { ok: false, reason: `version ${version} is not among the statement's versions` };
}
