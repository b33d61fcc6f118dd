/**
 * The issue-tracker sync's own narrow model: what a backlog entry looks like as an issue (TrackedItem), an issue
 * as the tracker returns it (RemoteIssue), and the link between the two (TrackerLink). The backlog maps its
 * entries to TrackedItems (see backlog-entry.ts); the sync engine knows nothing else about the backlog.
 */

export type IssueState = 'open' | 'closed';

/** Why an issue is closed, as GitHub records it: the work was done, or it will not be done. */
export type CloseReason = 'completed' | 'not_planned';

/** One backlog entry as an issue should show it. */
export interface TrackedItem {
  /** The backlog entry's stable id (`CW-xxxxxxxx`); written into the issue body as a hidden marker. */
  readonly id: string;
  readonly title: string;
  /** Markdown: advisories, fixed versions, due date, evidence. The marker is added by the sync engine. */
  readonly body: string;
  /** Labels chainwarden manages on the issue (labels a human adds are kept). */
  readonly labels: readonly string[];
  readonly state: IssueState;
  /** How to close it (default completed). */
  readonly closeReason?: CloseReason;
  /** GitHub login to assign (no `@`); undefined when the owner is a team or unknown. */
  readonly assignee?: string;
  /** The backlog status this item came from (reported with incoming changes). */
  readonly status?: string;
  /** The backlog owner as written (e.g. `@alice`, `@org/team`). */
  readonly owner?: string;
}

/** An issue as the tracker reports it. */
export interface RemoteIssue {
  readonly number: number;
  readonly url: string;
  readonly title: string;
  readonly body: string;
  readonly labels: readonly string[];
  readonly state: IssueState;
  readonly stateReason?: string;
  readonly assignees: readonly string[];
  readonly updatedAt?: string;
}

/** What chainwarden last agreed with the tracker for one item (persisted by a TrackerLinkStore). */
export interface TrackerLink {
  /** `owner/repo`. */
  readonly repo: string;
  readonly itemId: string;
  readonly issueNumber: number;
  readonly url: string;
  readonly lastSyncedAt: string;
  /** The issue's state when last synced (a different state now means a human changed it). */
  readonly remoteState: IssueState;
  /** The issue's first assignee when last synced. */
  readonly remoteAssignee?: string;
  /** sha256 of the title, body and managed labels chainwarden last wrote (lets an offline dry-run see edits). */
  readonly contentHash: string;
}
