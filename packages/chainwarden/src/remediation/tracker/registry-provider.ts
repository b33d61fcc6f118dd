import { ExitCode } from '../../core/errors.js';
import type { Registry } from '../../registry/database.js';
import type { BacklogEntry } from '../backlog-entry.js';
import { listBacklog } from '../backlog-repository.js';
import { TrackerError } from './errors.js';
import type { BacklogEntryView } from './backlog-entry.js';
import { toTrackedItem } from './backlog-entry.js';
import type { TrackedItemProvider } from './provider.js';

/** A backlog entry as the sync sees it: its advisories (one per finding), fix target, due date, KEV flag, owner. */
export function entryView(e: BacklogEntry): BacklogEntryView {
  const version = e.component.versions.length > 0 ? e.component.versions.join(', ') : undefined;
  return {
    id: e.id,
    title: e.title,
    severity: e.severity,
    status: e.status,
    product: e.product,
    component: { name: e.component.name, ...(version !== undefined ? { version } : {}), ...(e.component.purl !== undefined ? { purl: e.component.purl } : {}) },
    advisories: e.findings.map((f) => ({ id: f.vulnerability, aliases: f.aliases, severity: f.severity, fixed: f.fixed })),
    ...(e.target !== undefined ? { fixedVersion: e.target } : {}),
    due: e.dueDate,
    overdue: e.overdue,
    kev: e.dueSource.startsWith('kev'),
    owner: e.owner,
    evidence: [`registry scan #${e.scanId}`, `due: ${e.dueSource}`],
  };
}

/** The backlog in the registry, every status (closed entries close their issues). */
export const registryBacklogProvider: TrackedItemProvider = async (_projectDir, registry: Registry | undefined) => {
  if (registry === undefined) throw new TrackerError('backlog sync: no registry to read the backlog from (give --database-url, or --from <backlog.json>)', ExitCode.badInput);
  return (await listBacklog(registry)).map((e) => toTrackedItem(entryView(e)));
};
