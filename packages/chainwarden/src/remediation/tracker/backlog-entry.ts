import { labelName, TRACKER_LABEL } from './labels.js';
import { code, plain } from './markdown.js';
import type { CloseReason, TrackedItem } from './tracked-item.js';

export const BACKLOG_STATUSES = ['open', 'in-progress', 'resolved', 'accepted', 'not-affected'] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

export interface BacklogAdvisoryRef {
  readonly id: string;
  readonly aliases?: readonly string[];
  readonly severity?: string;
  readonly fixed?: readonly string[];
}

/** What the sync needs to know of a backlog entry (the backlog's own entries carry more). */
export interface BacklogEntryView {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly status: BacklogStatus;
  readonly product: string;
  readonly component: { readonly name: string; readonly version?: string; readonly purl?: string };
  readonly advisories: readonly BacklogAdvisoryRef[];
  /** The version that clears the advisories. */
  readonly fixedVersion?: string;
  /** YYYY-MM-DD. */
  readonly due?: string;
  readonly overdue?: boolean;
  readonly kev?: boolean;
  readonly owner?: string;
  readonly evidence?: readonly string[];
}

const CLOSED: Readonly<Record<BacklogStatus, CloseReason | undefined>> = {
  open: undefined,
  'in-progress': undefined,
  resolved: 'completed',
  accepted: 'not_planned',
  'not-affected': 'not_planned',
};

const LOGIN = /^@?([A-Za-z\d](?:[A-Za-z\d]|-(?=[A-Za-z\d])){0,38})$/u;

/** The GitHub login an owner names (`alice`, `@alice`), or undefined for a team (`@org/team`), an email, a name. */
export function ownerLogin(owner: string | undefined): string | undefined {
  return owner === undefined ? undefined : LOGIN.exec(owner.trim())?.[1];
}

/** A backlog entry as an issue: title, Markdown body, labels, open or closed, assignee. */
export function toTrackedItem(entry: BacklogEntryView, options: { readonly today?: string } = {}): TrackedItem {
  const closeReason = CLOSED[entry.status];
  const open = closeReason === undefined;
  const overdue = open && (entry.overdue ?? (entry.due !== undefined && options.today !== undefined && entry.due < options.today));
  const labels = [TRACKER_LABEL, labelName('severity:', entry.severity), labelName('product:', entry.product)];
  if (entry.status === 'in-progress') labels.push('status:in-progress');
  if (overdue) labels.push('overdue');
  if (entry.kev === true) labels.push('kev');
  const assignee = ownerLogin(entry.owner);
  return {
    id: entry.id,
    title: entry.title,
    body: renderBody(entry, overdue),
    labels: labels.sort(),
    state: open ? 'open' : 'closed',
    ...(closeReason !== undefined ? { closeReason } : {}),
    ...(assignee !== undefined ? { assignee } : {}),
    status: entry.status,
    ...(entry.owner !== undefined ? { owner: entry.owner } : {}),
  };
}

function advisoryLink(id: string): string {
  if (/^GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}$/u.test(id)) return `[${id}](https://github.com/advisories/${id})`;
  if (/^CVE-\d{4}-\d{4,}$/u.test(id)) return `[${id}](https://nvd.nist.gov/vuln/detail/${id})`;
  if (/^[A-Z][A-Za-z]*-[\w.:-]{1,80}$/u.test(id)) return `[${id}](https://osv.dev/vulnerability/${id})`;
  return code(id);
}

function renderBody(entry: BacklogEntryView, overdue: boolean): string {
  const c = entry.component;
  const lines = [
    `Remediation backlog entry ${code(entry.id)} for product ${code(entry.product)}.`,
    '',
    '| Field | Value |',
    '| --- | --- |',
    `| Component | ${code(c.name)}${c.version !== undefined ? ` ${code(c.version)}` : ''}${c.purl !== undefined ? ` (${code(c.purl)})` : ''} |`,
    `| Fix | ${entry.fixedVersion !== undefined ? `upgrade to ${code(entry.fixedVersion)}` : 'no fixed version published yet'} |`,
    `| Severity | ${plain(entry.severity)}${entry.kev === true ? ' (in CISA KEV)' : ''} |`,
    `| Due | ${entry.due !== undefined ? `${plain(entry.due)}${overdue ? ' **(overdue)**' : ''}` : '-'} |`,
    `| Owner | ${entry.owner !== undefined ? plain(entry.owner) : '-'} |`,
    `| Status | ${entry.status} |`,
    '',
    `### Advisories (${entry.advisories.length})`,
    '',
    '| Advisory | Aliases | Severity | Fixed in |',
    '| --- | --- | --- | --- |',
    ...[...entry.advisories]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((a) => `| ${advisoryLink(a.id)} | ${(a.aliases ?? []).map(advisoryLink).join(', ') || '-'} | ${a.severity !== undefined ? plain(a.severity) : '-'} | ${(a.fixed ?? []).map(code).join(', ') || '-'} |`),
  ];
  if (entry.evidence !== undefined && entry.evidence.length > 0) lines.push('', '### Evidence', '', ...entry.evidence.map((e) => `- ${plain(e)}`));
  lines.push(
    '',
    '---',
    '<sub>Synced by <code>chainwarden backlog sync</code>: edit the backlog, not this text (the next sync rewrites it). Close this issue as completed to propose <b>resolved</b>, as not planned to propose <b>accepted</b>; assign it to propose a new owner.</sub>',
  );
  return lines.join('\n');
}
