import type { CloseReason, IssueState, RemoteIssue } from './tracked-item.js';

/** The fields chainwarden writes on an issue. Only the fields present are changed. */
export interface IssueFields {
  readonly title?: string;
  readonly body?: string;
  readonly labels?: readonly string[];
  readonly assignees?: readonly string[];
  readonly state?: IssueState;
  readonly stateReason?: CloseReason | 'reopened';
}

/** An issue tracker as the sync engine sees it (GitHubIssueTracker is the one implementation). */
export interface IssueTracker {
  /** `owner/repo`, for messages and links. */
  readonly repo: string;
  /** Issues (never pull requests) carrying this label, open and closed. */
  listIssues(label: string): Promise<RemoteIssue[]>;
  /** One issue, or undefined when it was deleted or transferred away. */
  getIssue(number: number): Promise<RemoteIssue | undefined>;
  createIssue(fields: IssueFields & { readonly title: string }): Promise<RemoteIssue>;
  updateIssue(number: number, fields: IssueFields): Promise<RemoteIssue>;
}
