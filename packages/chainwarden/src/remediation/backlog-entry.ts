/**
 * A remediation backlog entry: one remediation unit of one product, with its owner, due date and status. This is
 * the type other parts (exports, the issue-tracker sync) work with; `backlog-repository.ts` stores it.
 */
import type { RemediationSeverity } from './severity.js';
import type { RemediationAction, UnitComponent, UnitFinding } from './units.js';

/**
 * `open` → `in-progress` → `resolved` (a newer scan no longer has the vulnerable version) / `accepted` (until a date,
 * then open again) / `not-affected` (every finding suppressed by VEX).
 */
export const BACKLOG_STATUSES = ['open', 'in-progress', 'resolved', 'accepted', 'not-affected'] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

/** Statuses a person may set; `resolved` and `not-affected` come from scans and VEX. */
export const MANUAL_STATUSES: readonly BacklogStatus[] = ['open', 'in-progress', 'accepted'];

export type OwnerSource = 'config' | 'codeowners' | 'default' | 'manual' | 'none';

export interface BacklogNote {
  readonly at: string;
  readonly actor: string;
  readonly text: string;
}

export interface BacklogEntry {
  readonly id: string;
  readonly product: string;
  readonly component: UnitComponent;
  readonly action: RemediationAction;
  readonly target?: string;
  /** "upgrade jinja2 3.1.2 → 3.1.6 fixes 3 advisories". */
  readonly title: string;
  readonly severity: RemediationSeverity;
  readonly findings: readonly UnitFinding[];
  /** When the earliest of its findings was first seen in a scan (ISO 8601). */
  readonly firstSeen: string;
  /** YYYY-MM-DD. */
  readonly dueDate: string;
  /** `sla <severity> <n> days` or `kev <CVE>`. */
  readonly dueSource: string;
  readonly status: BacklogStatus;
  /** Why it was resolved, reopened or not affected. */
  readonly resolution?: string;
  /** Accepted until (YYYY-MM-DD); open again after it. */
  readonly acceptedUntil?: string;
  /** `@user`, `@org/team`, an e-mail, or `unassigned`. */
  readonly owner: string;
  readonly ownerSource: OwnerSource;
  readonly notes: readonly BacklogNote[];
  /** The scan it was last computed from. */
  readonly scanId: number;
  /** Incremented on every change: an update may say which revision it was based on. */
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Open or in progress past its due date (computed when read). */
  readonly overdue: boolean;
}

export const UNASSIGNED = 'unassigned';

export function isActive(status: BacklogStatus): boolean {
  return status === 'open' || status === 'in-progress';
}
