/** The quality report every ingest produces (stored with the version, printed by the CLI). */

export type QuarantineReason = 'schema' | 'missing-name' | 'invalid-purl' | 'duplicate-bom-ref' | 'missing-version';

export interface NtiaCoverage {
  readonly element: 'supplier' | 'name' | 'version' | 'unique id' | 'dependency relationship' | 'author' | 'timestamp';
  readonly covered: number;
  readonly total: number;
}

export interface QualityReport {
  readonly format: string;
  readonly specVersion: string;
  readonly components: { readonly total: number; readonly kept: number; readonly quarantined: number };
  /** Quarantine reasons and how many components each hit (a component may have several). */
  readonly reasons: Readonly<Partial<Record<QuarantineReason, number>>>;
  readonly dependencies: { readonly edges: number; readonly dangling: number };
  /** Components kept with a warning: a value that breaks a schema `format` (e.g. an odd URL), not the structure. */
  readonly warnings: { readonly format: number; readonly first?: string };
  /** Schema issues outside any component (the document itself); kept, not fatal. */
  readonly documentIssues: readonly string[];
  readonly ntia: readonly NtiaCoverage[];
}
