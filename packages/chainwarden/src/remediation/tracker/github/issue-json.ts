import { isRecord } from '../../../core/parse.js';
import type { RemoteIssue } from '../tracked-item.js';

/** Whether an item of GET /repos/{o}/{r}/issues is a pull request (GitHub lists them with the issues). */
export function isPullRequest(raw: unknown): boolean {
  return isRecord(raw) && raw['pull_request'] !== undefined && raw['pull_request'] !== null;
}

/** Reads GitHub's issue JSON into a RemoteIssue, or undefined when it is not shaped like an issue. */
export function toRemoteIssue(raw: unknown): RemoteIssue | undefined {
  if (!isRecord(raw)) return undefined;
  const { number, title, state, html_url: url } = raw;
  if (typeof number !== 'number' || typeof title !== 'string' || (state !== 'open' && state !== 'closed') || typeof url !== 'string') return undefined;
  const labels = Array.isArray(raw['labels']) ? raw['labels'].map((l) => (typeof l === 'string' ? l : isRecord(l) && typeof l['name'] === 'string' ? l['name'] : undefined)) : [];
  const assignees = Array.isArray(raw['assignees']) ? raw['assignees'] : isRecord(raw['assignee']) ? [raw['assignee']] : [];
  const logins = assignees.map((a) => (isRecord(a) && typeof a['login'] === 'string' ? a['login'] : undefined));
  return {
    number,
    url,
    title,
    body: typeof raw['body'] === 'string' ? raw['body'] : '',
    labels: labels.filter((l): l is string => l !== undefined),
    state,
    ...(typeof raw['state_reason'] === 'string' ? { stateReason: raw['state_reason'] } : {}),
    assignees: logins.filter((l): l is string => l !== undefined),
    ...(typeof raw['updated_at'] === 'string' ? { updatedAt: raw['updated_at'] } : {}),
  };
}
