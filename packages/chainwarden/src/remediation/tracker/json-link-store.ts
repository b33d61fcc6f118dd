import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../core/atomic-write.js';
import { InputError } from '../../core/errors.js';
import { isRecord, keyPath, parseJsonText } from '../../core/parse.js';
import type { TrackerLinkStore } from './link-store.js';
import type { TrackerLink } from './tracked-item.js';

/** The default place of the link file, relative to the project directory. */
export const DEFAULT_LINK_FILE = 'data/tracker/links.json';

interface LinkFile {
  readonly version: 1;
  readonly links: TrackerLink[];
}

/**
 * Links in one JSON file: `{ "version": 1, "links": [...] }`, sorted by repo and item id so it diffs cleanly, and
 * rewritten atomically (a crash never leaves half a file).
 */
export class JsonFileTrackerLinkStore implements TrackerLinkStore {
  constructor(
    private readonly path: string,
    /** How the file is named in messages (relative to the project). */
    private readonly shown: string = path,
  ) {}

  async list(repo: string): Promise<TrackerLink[]> {
    return (await this.read()).filter((l) => l.repo === repo);
  }

  async upsert(links: readonly TrackerLink[]): Promise<void> {
    if (links.length === 0) return;
    const key = (l: TrackerLink): string => `${l.repo}\u0000${l.itemId}`;
    const all = new Map((await this.read()).map((l) => [key(l), l]));
    for (const link of links) all.set(key(link), link);
    const sorted = [...all.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const file: LinkFile = { version: 1, links: sorted };
    await writeFileAtomic(this.path, `${JSON.stringify(file, null, 2)}\n`);
  }

  private async read(): Promise<TrackerLink[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const fail = (message: string, path?: string): never => {
      throw new InputError(message, { file: this.shown, ...(path !== undefined ? { path } : {}) });
    };
    const doc = parseJsonText(text, this.shown, (message, loc, cause) => new InputError(message, { file: this.shown, ...loc }, { cause }));
    if (!isRecord(doc) || doc['version'] !== 1 || !Array.isArray(doc['links'])) return fail('expected { "version": 1, "links": [...] }');
    return doc['links'].map((raw, i) => {
      const at = (k: string): string => keyPath('links', i, k);
      if (!isRecord(raw)) return fail('expected an object', keyPath('links', i));
      const str = (k: string): string => (typeof raw[k] === 'string' && raw[k] !== '' ? raw[k] : fail('expected a non-empty string', at(k)));
      const issueNumber = raw['issueNumber'];
      if (typeof issueNumber !== 'number' || !Number.isInteger(issueNumber) || issueNumber < 1) return fail('expected an issue number', at('issueNumber'));
      const remoteState = raw['remoteState'];
      if (remoteState !== 'open' && remoteState !== 'closed') return fail('expected "open" or "closed"', at('remoteState'));
      const assignee = raw['remoteAssignee'];
      if (assignee !== undefined && typeof assignee !== 'string') return fail('expected a string', at('remoteAssignee'));
      return {
        repo: str('repo'),
        itemId: str('itemId'),
        issueNumber,
        url: str('url'),
        lastSyncedAt: str('lastSyncedAt'),
        remoteState,
        ...(assignee !== undefined ? { remoteAssignee: assignee } : {}),
        contentHash: str('contentHash'),
      };
    });
  }
}
