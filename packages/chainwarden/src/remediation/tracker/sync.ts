import { UsageError } from '../../core/errors.js';
import { isoSeconds } from '../../core/clock.js';
import { TrackerError } from './errors.js';
import type { IssueFields, IssueTracker } from './issue-tracker.js';
import { TRACKER_LABEL } from './labels.js';
import type { TrackerLinkStore } from './link-store.js';
import type { IncomingChange, SyncAction, SyncPlan } from './plan.js';
import { contentHash, planSync } from './plan.js';
import type { RemoteIssue, TrackedItem, TrackerLink } from './tracked-item.js';

export interface SyncOptions {
  /** `owner/repo`. */
  readonly repo: string;
  readonly items: readonly TrackedItem[];
  readonly links: TrackerLinkStore;
  /** The tracker; undefined plans offline from the saved links (dry-run only). */
  readonly tracker?: IssueTracker;
  /** Perform the plan (default: dry-run, nothing is written anywhere). */
  readonly apply?: boolean;
  readonly now?: () => Date;
}

export interface SyncOutcome extends SyncAction {
  /** true once performed on the tracker (always false in a dry-run). */
  readonly done: boolean;
}

export interface SyncReport extends SyncPlan {
  readonly mode: 'dry-run' | 'apply';
  readonly actions: readonly SyncOutcome[];
  readonly incoming: readonly IncomingChange[];
  readonly counts: Readonly<Record<SyncAction['kind'] | 'incoming', number>>;
  /** Links written to the link store (apply only). */
  readonly linksSaved: number;
}

/**
 * Syncs backlog items with an issue tracker: lists the tracker's issues (by label, plus linked issues that lost
 * the label), plans, and with `apply` performs the plan and saves the links. Links are saved for every action
 * that succeeded, even when a later one fails.
 */
export async function syncBacklog(options: SyncOptions): Promise<SyncReport> {
  const apply = options.apply === true;
  if (apply && options.tracker === undefined) throw new UsageError('backlog sync --apply needs a token: set GITHUB_TOKEN');
  const now = options.now ?? (() => new Date());
  const links = await options.links.list(options.repo);
  let remote: RemoteIssue[] | undefined;
  if (options.tracker !== undefined) {
    remote = await options.tracker.listIssues(TRACKER_LABEL);
    const seen = new Set(remote.map((i) => i.number));
    const wanted = new Set(options.items.map((i) => i.id));
    for (const link of [...links].sort((a, b) => a.issueNumber - b.issueNumber)) {
      if (seen.has(link.issueNumber) || !wanted.has(link.itemId)) continue;
      const issue = await options.tracker.getIssue(link.issueNumber); // a person removed the label
      if (issue !== undefined) {
        remote.push(issue);
        seen.add(issue.number);
      }
    }
  }
  const plan = planSync({ repo: options.repo, items: options.items, links, ...(remote !== undefined ? { remote } : {}) });
  const warnings = [...plan.warnings];
  const outcomes: SyncOutcome[] = plan.actions.map((a) => ({ ...a, done: false }));
  let linksSaved = 0;

  if (apply && options.tracker !== undefined && remote !== undefined) {
    const tracker = options.tracker;
    const byNumber = new Map(remote.map((i) => [i.number, i]));
    const previous = new Map(links.map((l) => [l.itemId, l]));
    const changed: TrackerLink[] = [];
    const record = (action: SyncAction, issue: RemoteIssue): void => {
      const assignee = 'assignee' in action.keep ? (action.keep.assignee ?? undefined) : issue.assignees[0];
      const link: TrackerLink = {
        repo: options.repo,
        itemId: action.itemId,
        issueNumber: issue.number,
        url: issue.url,
        lastSyncedAt: isoSeconds(now()),
        remoteState: action.keep.state ?? issue.state,
        ...(assignee !== undefined ? { remoteAssignee: assignee } : {}),
        contentHash: contentHash(issue),
      };
      const before = previous.get(action.itemId);
      if (before === undefined || !sameLink(before, link)) changed.push(link);
    };
    try {
      for (const [i, action] of plan.actions.entries()) {
        if (action.kind === 'noop') {
          const issue = action.issue !== undefined ? byNumber.get(action.issue) : undefined;
          if (issue !== undefined) record(action, issue);
          continue;
        }
        const fields = action.fields;
        if (fields === undefined) continue;
        const issue = await write(tracker, action, fields, warnings);
        outcomes[i] = { ...action, issue: issue.number, url: issue.url, done: true };
        record(action, issue);
      }
    } finally {
      if (changed.length > 0) await options.links.upsert(changed);
      linksSaved = changed.length;
    }
  }

  const counts = { create: 0, update: 0, close: 0, reopen: 0, noop: 0, incoming: plan.incoming.length };
  for (const a of outcomes) counts[a.kind]++;
  return { ...plan, warnings, mode: apply ? 'apply' : 'dry-run', actions: outcomes, counts, linksSaved };
}

/** Creates or updates the issue; an assignee GitHub refuses (not a collaborator) is dropped with a warning. */
async function write(tracker: IssueTracker, action: SyncAction, fields: IssueFields & { title: string }, warnings: string[]): Promise<RemoteIssue> {
  const send = (f: IssueFields & { title: string }): Promise<RemoteIssue> => (action.kind === 'create' ? tracker.createIssue(f) : tracker.updateIssue(action.issue as number, f));
  try {
    return await send(fields);
  } catch (error) {
    if (!(error instanceof TrackerError) || error.status !== 422 || fields.assignees === undefined || !/assignee/iu.test(error.message)) throw error;
    const { assignees, ...rest } = fields;
    warnings.push(`${action.itemId}: ${tracker.repo} refused assignee ${assignees.join(', ')}; ${action.kind === 'create' ? 'created the issue unassigned' : 'left the assignee as it was'}`);
    return send(rest);
  }
}

function sameLink(a: TrackerLink, b: TrackerLink): boolean {
  return a.issueNumber === b.issueNumber && a.url === b.url && a.remoteState === b.remoteState && a.remoteAssignee === b.remoteAssignee && a.contentHash === b.contentHash;
}
