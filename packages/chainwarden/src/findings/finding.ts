import type { AffectedBy } from '../advisories/ranges.js';
import type { Severity } from './severity.js';

/** A component as a scan sees it (from an SBOM or the registry). */
export interface ScanComponent {
  readonly bomRef?: string;
  readonly name: string;
  readonly version?: string;
  readonly purl?: string;
}

/**
 * `vulnerability`: a matched advisory; `malicious`: an OSV `MAL-` record (the package itself is malware);
 * `informational`: RustSec notices (unmaintained, unsound); `unknown-version`: the package has advisories but
 * the component's version is missing (or cannot be evaluated), so it can be neither cleared nor confirmed.
 */
export type FindingClass = 'vulnerability' | 'malicious' | 'informational' | 'unknown-version';

/** Why one advisory record applies to one component. */
export interface Explanation {
  /** The advisory record (e.g. PYSEC-2021-59) and where it was imported from. */
  readonly advisory: string;
  readonly source: string;
  /** The identifier the component was looked up by (its purl) and the OSV package it resolved to. */
  readonly identifier: string;
  readonly package: { readonly ecosystem: string; readonly name: string };
  /** The `versions[]` entry or range interval that matched, or why the version could not be judged. */
  readonly matched: AffectedBy | { readonly by: 'no-version' } | { readonly by: 'no-scheme'; readonly ecosystem: string };
  readonly fixed: readonly string[];
}

export interface Finding {
  readonly class: FindingClass;
  /** The alias group's id (a CVE when there is one) and every id of the group. */
  readonly vulnerability: string;
  readonly aliases: readonly string[];
  readonly component: ScanComponent;
  readonly severity: Severity;
  readonly severitySource?: string;
  readonly score?: number;
  readonly summary?: string;
  readonly fixed: readonly string[];
  readonly explanations: readonly Explanation[];
}

/** A component the scan could not look up, and why (never silently dropped). */
export interface SkippedComponent {
  readonly component: ScanComponent;
  readonly reason: string;
}
