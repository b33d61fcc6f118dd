import { createHash } from 'node:crypto';
import type { IssueFields } from './issue-tracker.js';
import { isManagedLabel, TRACKER_LABEL } from './labels.js';
import { markedItemId, markerLine } from './marker.js';
import type { IssueState, RemoteIssue, TrackedItem, TrackerLink } from './tracked-item.js';

export type SyncActionKind = 'create' | 'update' | 'close' | 'reopen' | 'noop';
/** `content`: offline, title, body or labels differ from what the last sync wrote (which one is unknown). */
export type ChangedField = 'title' | 'body' | 'labels' | 'assignee' | 'state' | 'content';

/** One planned change to the tracker, for one backlog item. */
export interface SyncAction {
  readonly kind: SyncActionKind;
  readonly itemId: string;
  readonly title: string;
  readonly issue?: number;
  readonly url?: string;
  /** What differs (empty for create and noop). */
  readonly changes: readonly ChangedField[];
  /** The fields to send (absent for noop). */
  readonly fields?: IssueFields & { readonly title: string };
  /** Why nothing happens, for a noop that is not simply "in sync". */
  readonly note?: string;
  /**
   * Values the saved link keeps instead of the issue's own when a person changed them (an incoming change): the
   * link goes on recording the last agreed value, so the change keeps being proposed and is never overwritten.
   */
  readonly keep: { readonly state?: IssueState; readonly assignee?: string | null };
}

/** A change a person made on the tracker, proposed back to the backlog (the sync never overwrites it). */
export interface IncomingChange {
  readonly itemId: string;
  readonly issue: number;
  readonly url: string;
  readonly field: 'status' | 'owner';
  readonly from: string | null;
  readonly to: string | null;
  readonly reason: string;
}

export interface SyncPlan {
  readonly repo: string;
  /** false: planned from the saved links alone (no token); remote changes are unknown. */
  readonly online: boolean;
  readonly actions: readonly SyncAction[];
  readonly incoming: readonly IncomingChange[];
  readonly warnings: readonly string[];
}

export interface PlanInput {
  readonly repo: string;
  readonly items: readonly TrackedItem[];
  readonly links: readonly TrackerLink[];
  /** The tracker's issues (listed by label, plus linked issues fetched one by one); undefined when offline. */
  readonly remote?: readonly RemoteIssue[];
  readonly managedLabel?: (name: string) => boolean;
}

const MAX_TITLE = 256;
const MAX_BODY = 65_536;

/** The issue chainwarden wants for an item, given the labels a person added to the existing issue. */
export function desiredFields(item: TrackedItem, remoteLabels: readonly string[] = [], managed = isManagedLabel): IssueFields & { title: string; body: string; labels: string[] } {
  const title = item.title.length <= MAX_TITLE ? item.title : `${item.title.slice(0, MAX_TITLE - 1)}…`;
  let body = `${markerLine(item.id)}\n${item.body.replace(/\r\n/gu, '\n').trimEnd()}\n`;
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY - 80)}\n\n_(truncated: the full entry is in chainwarden's backlog)_\n`;
  const labels = [...new Set([TRACKER_LABEL, ...item.labels, ...remoteLabels.filter((l) => !managed(l) && !item.labels.includes(l))])].sort();
  return { title, body, labels, ...(item.assignee !== undefined ? { assignees: [item.assignee] } : {}) };
}

/** sha256 of what chainwarden writes (title, body, its own labels): a saved link remembers it for offline plans. */
export function contentHash(fields: { title: string; body: string; labels: readonly string[] }, managed = isManagedLabel): string {
  const own = fields.labels.filter((l) => managed(l) || l === TRACKER_LABEL).sort();
  return createHash('sha256').update(JSON.stringify([fields.title, normalizeBody(fields.body), own])).digest('hex');
}

function normalizeBody(body: string): string {
  return body.replace(/\r\n/gu, '\n').trimEnd();
}

const sameLogin = (a: string | undefined | null, b: string | undefined | null): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

const proposedStatus = (issue: RemoteIssue): string => (issue.state === 'open' ? 'open' : issue.stateReason === 'not_planned' ? 'accepted' : 'resolved');

/**
 * Plans a sync: for every item, create / update / close / reopen / nothing; and the changes people made on the
 * tracker since the last sync (an issue closed or reopened, an assignee changed), which are reported as incoming
 * changes and never overwritten. Pure: no I/O.
 */
export function planSync(input: PlanInput): SyncPlan {
  const managed = input.managedLabel ?? isManagedLabel;
  const links = new Map(input.links.map((l) => [l.itemId, l]));
  const warnings: string[] = [];
  const actions: SyncAction[] = [];
  const incoming: IncomingChange[] = [];
  const itemIds = new Set(input.items.map((i) => i.id));

  const byNumber = new Map<number, RemoteIssue>();
  const byMarker = new Map<string, RemoteIssue[]>();
  for (const issue of input.remote ?? []) {
    byNumber.set(issue.number, issue);
    const id = markedItemId(issue.body);
    if (id !== undefined) byMarker.set(id, [...(byMarker.get(id) ?? []), issue].sort((a, b) => a.number - b.number));
  }

  for (const item of [...input.items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const link = links.get(item.id);
    if (input.remote === undefined) {
      actions.push(offlineAction(item, link, managed));
      continue;
    }
    const marked = byMarker.get(item.id) ?? [];
    const linked = link !== undefined ? byNumber.get(link.issueNumber) : undefined;
    const issue = linked ?? marked[0];
    if (marked.length > 1) warnings.push(`${item.id}: ${marked.length} issues carry its marker (${marked.map((i) => `#${i.number}`).join(', ')}); syncing #${issue?.number ?? '?'}, close the others by hand`);
    if (link !== undefined && linked === undefined) warnings.push(`${item.id}: linked issue #${link.issueNumber} is gone from ${input.repo} (deleted or transferred)${issue !== undefined ? `; using #${issue.number}, which carries its marker` : ''}`);
    if (issue === undefined) {
      actions.push(createAction(item, managed));
      continue;
    }
    const { action, changes } = onlineAction(item, issue, link?.issueNumber === issue.number ? link : undefined, managed);
    actions.push(action);
    incoming.push(...changes);
  }

  if (input.remote !== undefined) {
    for (const issue of input.remote) {
      const id = markedItemId(issue.body);
      if (id !== undefined && !itemIds.has(id) && issue.state === 'open') warnings.push(`#${issue.number} is marked for ${id}, which is not in the backlog; left as it is`);
    }
  } else {
    const unlinked = actions.filter((a) => a.kind === 'create').length;
    warnings.push(`offline (no GITHUB_TOKEN): remote issues were not listed, so changes people made on ${input.repo} are unknown${unlinked > 0 ? ` and the ${unlinked} item(s) without a saved link are shown as creates (an earlier sync may already have created them)` : ''}`);
  }
  return { repo: input.repo, online: input.remote !== undefined, actions, incoming, warnings };
}

function createAction(item: TrackedItem, managed: (name: string) => boolean): SyncAction {
  if (item.state === 'closed') return { kind: 'noop', itemId: item.id, title: item.title, changes: [], note: `${item.status ?? 'closed'}, never tracked: no issue needed`, keep: {} };
  const fields = desiredFields(item, [], managed);
  return { kind: 'create', itemId: item.id, title: fields.title, changes: [], fields, keep: {} };
}

function onlineAction(item: TrackedItem, issue: RemoteIssue, link: TrackerLink | undefined, managed: (name: string) => boolean): { action: SyncAction; changes: IncomingChange[] } {
  const want = desiredFields(item, issue.labels, managed);
  const changes: ChangedField[] = [];
  const fields: { -readonly [K in keyof IssueFields]: IssueFields[K] } & { title: string } = { title: want.title };
  if (issue.title !== want.title) changes.push('title');
  if (normalizeBody(issue.body) !== normalizeBody(want.body)) {
    changes.push('body');
    fields.body = want.body;
  }
  if ([...issue.labels].sort().join('\n') !== want.labels.join('\n')) {
    changes.push('labels');
    fields.labels = want.labels;
  }
  const incoming: IncomingChange[] = [];
  const base = { itemId: item.id, issue: issue.number, url: issue.url };

  // Assignee: a change on the tracker since the last sync is a person's; otherwise the backlog's owner wins.
  const remoteAssignee = issue.assignees[0];
  const agreedAssignee = link !== undefined ? link.remoteAssignee : undefined;
  const keep: { state?: IssueState; assignee?: string | null } = {};
  if (!sameLogin(remoteAssignee, agreedAssignee) && !sameLogin(remoteAssignee, item.assignee)) {
    incoming.push({ ...base, field: 'owner', from: item.owner ?? null, to: remoteAssignee !== undefined ? `@${remoteAssignee}` : null, reason: remoteAssignee !== undefined ? `assigned to @${remoteAssignee} on the tracker` : `unassigned on the tracker` });
    keep.assignee = agreedAssignee ?? null;
  } else if (item.assignee !== undefined && !sameLogin(item.assignee, remoteAssignee)) {
    changes.push('assignee');
    fields.assignees = [item.assignee];
  }

  // State: the same rule; an issue never linked counts as last seen open (chainwarden creates issues open).
  const agreedState = link?.remoteState ?? 'open';
  let kind: SyncActionKind = 'update';
  if (issue.state !== item.state) {
    if (issue.state !== agreedState) {
      const to = proposedStatus(issue);
      incoming.push({ ...base, field: 'status', from: item.status ?? item.state, to, reason: issue.state === 'closed' ? `closed on the tracker as ${issue.stateReason ?? 'completed'}` : 'reopened on the tracker' });
      keep.state = agreedState;
    } else {
      changes.push('state');
      kind = item.state === 'closed' ? 'close' : 'reopen';
      fields.state = item.state;
      fields.stateReason = item.state === 'closed' ? (item.closeReason ?? 'completed') : 'reopened';
    }
  }
  if (changes.length === 0) kind = 'noop';
  const action: SyncAction = { kind, itemId: item.id, title: want.title, issue: issue.number, url: issue.url, changes, ...(kind !== 'noop' ? { fields } : {}), keep };
  return { action, changes: incoming };
}

/** Offline: compare with what the saved link says was last written; people's changes are unknown. */
function offlineAction(item: TrackedItem, link: TrackerLink | undefined, managed: (name: string) => boolean): SyncAction {
  if (link === undefined) return createAction(item, managed);
  const want = desiredFields(item, [], managed);
  const changes: ChangedField[] = [];
  if (contentHash(want, managed) !== link.contentHash) changes.push('content');
  if (item.assignee !== undefined && !sameLogin(item.assignee, link.remoteAssignee)) changes.push('assignee');
  let kind: SyncActionKind = changes.length > 0 ? 'update' : 'noop';
  if (item.state !== link.remoteState) {
    changes.push('state');
    kind = item.state === 'closed' ? 'close' : 'reopen';
  }
  return {
    kind,
    itemId: item.id,
    title: want.title,
    issue: link.issueNumber,
    url: link.url,
    changes,
    ...(changes.length > 0 ? { fields: { ...want, ...(kind === 'close' || kind === 'reopen' ? { state: item.state, stateReason: item.state === 'closed' ? (item.closeReason ?? 'completed') : 'reopened' } : {}) } } : {}),
    keep: {},
  };
}
