import { relative, resolve } from 'node:path';
import type { Registry } from '../../registry/database.js';
import { readBacklogJson } from './backlog-json.js';
import { toTrackedItem } from './backlog-entry.js';
import type { TrackedItem } from './tracked-item.js';

/** Where the sync gets its items: the backlog in the registry, or (for now and for tests) a JSON export. */
export type TrackedItemProvider = (projectDir: string, registry: Registry | undefined) => Promise<TrackedItem[]>;

/** A provider reading `chainwarden backlog export --format json` output; `today` (YYYY-MM-DD) flags overdue entries. */
export function jsonFileProvider(file: string, today?: string): TrackedItemProvider {
  return async (projectDir) => {
    const path = resolve(projectDir, file);
    const entries = await readBacklogJson(path, relative(projectDir, path) || file);
    return entries.map((e) => toTrackedItem(e, today !== undefined ? { today } : {}));
  };
}
