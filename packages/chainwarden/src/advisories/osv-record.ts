/**
 * The OSV record model (https://ossf.github.io/osv-schema/), reduced to what matching and explaining need.
 * Produced only by `osv-parse.ts` from untrusted input; everything downstream can rely on these shapes.
 */

/** `MAL-` records (OSV's malicious-packages feed) are their own class of finding. */
export type AdvisoryKind = 'vulnerability' | 'malicious';

export type RangeType = 'SEMVER' | 'ECOSYSTEM' | 'GIT';

export type RangeEvent =
  | { readonly introduced: string }
  | { readonly fixed: string }
  | { readonly last_affected: string }
  | { readonly limit: string };

export interface OsvRange {
  readonly type: RangeType;
  readonly events: readonly RangeEvent[];
}

export interface OsvSeverity {
  readonly type: string;
  readonly score: string;
}

export interface OsvAffected {
  /** OSV ecosystem as written, e.g. `PyPI`, `crates.io`, `Debian:12`. */
  readonly ecosystem: string;
  /** The package name as written in the record. */
  readonly name: string;
  readonly purl?: string;
  readonly ranges: readonly OsvRange[];
  readonly versions: readonly string[];
  readonly severity: readonly OsvSeverity[];
  /** RustSec's informational notices (`unmaintained`, `unsound`, `notice`), when present. */
  readonly informational?: string;
  /** Severity labels of this package entry (`database_specific.severity`, `ecosystem_specific.severity`), when present. */
  readonly severityLabels?: readonly { readonly from: 'database_specific' | 'ecosystem_specific'; readonly label: string }[];
}

export interface OsvRecord {
  readonly id: string;
  readonly kind: AdvisoryKind;
  readonly modified: string;
  readonly published?: string;
  readonly withdrawn?: string;
  readonly aliases: readonly string[];
  readonly related: readonly string[];
  readonly summary?: string;
  readonly details?: string;
  readonly severity: readonly OsvSeverity[];
  /** `database_specific.severity` (GHSA-style LOW/MODERATE/HIGH/CRITICAL), when present. */
  readonly databaseSeverity?: string;
  readonly affected: readonly OsvAffected[];
  readonly references: readonly { readonly type: string; readonly url: string }[];
}

export function eventVersion(event: RangeEvent): { kind: keyof UnionKeys; version: string } {
  if ('introduced' in event) return { kind: 'introduced', version: event.introduced };
  if ('fixed' in event) return { kind: 'fixed', version: event.fixed };
  if ('last_affected' in event) return { kind: 'last_affected', version: event.last_affected };
  return { kind: 'limit', version: event.limit };
}

interface UnionKeys {
  introduced: true;
  fixed: true;
  last_affected: true;
  limit: true;
}

export type EventKind = keyof UnionKeys;
