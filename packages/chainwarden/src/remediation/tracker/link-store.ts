import type { TrackerLink } from './tracked-item.js';

/**
 * Where links between backlog items and issues are kept. JsonFileTrackerLinkStore is the embedded default
 * (data/tracker/links.json); a registry table can implement the same two methods.
 */
export interface TrackerLinkStore {
  /** The links for one repository (`owner/repo`), in any order. */
  list(repo: string): Promise<TrackerLink[]>;
  /** Inserts or replaces these links (by repo and item id), all or nothing. */
  upsert(links: readonly TrackerLink[]): Promise<void>;
}
