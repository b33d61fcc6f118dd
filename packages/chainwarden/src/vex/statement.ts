/**
 * The one statement model every VEX format normalises to (OpenVEX 0.2.0 and 0.0.1, CycloneDX VEX, CSAF VEX).
 */
export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';

/** Statuses that suppress a finding (keeping the reason); the others keep it open with context. */
export const SUPPRESSING: ReadonlySet<VexStatus> = new Set(['not_affected', 'fixed']);

/** How a statement names a product or subcomponent. */
export type VexSubject =
  | { readonly kind: 'purl'; readonly purl: string }
  /** CycloneDX BOM-Link: `urn:cdx:<serial>/<version>#<bom-ref>`. */
  | { readonly kind: 'bom-link'; readonly serial: string; readonly version: number; readonly ref: string }
  /** A bom-ref inside the VEX document's own BOM (CycloneDX VEX embedded in a BOM). */
  | { readonly kind: 'bom-ref'; readonly ref: string; readonly purl?: string }
  /** An identifier chainwarden cannot match automatically (CPE, image name, product name). */
  | { readonly kind: 'other'; readonly id: string };

/** A CycloneDX `affects[].versions[]` entry: one version or a `vers:` range, affected or unaffected. */
export interface VexVersionRule {
  readonly version?: string;
  readonly range?: string;
  readonly status: 'affected' | 'unaffected' | 'unknown';
}

export interface VexProduct {
  readonly subject: VexSubject;
  readonly subcomponents: readonly VexSubject[];
  readonly versions?: readonly VexVersionRule[];
}

export interface VexDocumentInfo {
  readonly format: 'openvex' | 'cyclonedx' | 'csaf';
  /** The format's own version, e.g. `openvex 0.2.0`, `openvex 0.0.1 (legacy)`, `csaf 2.0`, `cyclonedx 1.4`. */
  readonly formatVersion: string;
  readonly id: string;
  readonly version?: number;
  readonly timestamp?: string;
  readonly issuer?: string;
  /** The file as the user named it. */
  readonly file: string;
  /** CycloneDX: the BOM's serial and version, when the VEX is embedded in a BOM. */
  readonly bom?: { readonly serial?: string; readonly version?: number };
}

export interface VexStatement {
  readonly vulnerability: string;
  readonly aliases: readonly string[];
  readonly products: readonly VexProduct[];
  readonly status: VexStatus;
  /** The format's own status word when it differs (`false_positive`, `resolved`, `recommended`, `known_not_affected`…). */
  readonly sourceStatus: string;
  readonly justification?: string;
  readonly impact?: string;
  readonly actionStatement?: string;
  readonly timestamp?: string;
  /** Where in the document, e.g. `statements[3]`, `vulnerabilities[0]`. */
  readonly at: string;
  readonly document: VexDocumentInfo;
}

/** A statement that could not be used, with the place and the reason (reported, never silently dropped). */
export interface SkippedStatement {
  readonly at: string;
  readonly reason: string;
}

export interface VexDocument {
  readonly info: VexDocumentInfo;
  readonly statements: readonly VexStatement[];
  readonly skipped: readonly SkippedStatement[];
}

/** The time a statement speaks for: its own timestamp, else its document's. */
export function effectiveTime(s: VexStatement): number {
  const t = Date.parse(s.timestamp ?? s.document.timestamp ?? '');
  return Number.isNaN(t) ? 0 : t;
}
