import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../core/atomic-write.js';
import { InputError, IoError } from '../core/errors.js';
import { isRecord } from '../core/parse.js';
import type { AliasGroup } from './alias-groups.js';
import type { IndexedAdvisory } from './memory-store.js';
import { MemoryAdvisoryStore } from './memory-store.js';
import type { OsvRecord } from './osv-record.js';
import type { AdvisoryStore, AdvisoryStoreStats, PutResult, StoredAdvisory } from './store.js';

/** The cache's format name and version (first line of the file). Bump the version when the line shape changes. */
export const ADVISORY_CACHE_FORMAT = 'chainwarden-advisory-cache';
export const ADVISORY_CACHE_VERSION = 1;

/** Default location, relative to the project directory. */
export const DEFAULT_ADVISORY_CACHE = 'data/advisories/advisories.ndjson';

/**
 * The advisory cache: one file, a header line `{"format","version","records"}`, then one line per record sorted
 * by id: `<index JSON>\t<record JSON>`. The index part (`id`, `modified`, `withdrawn`, `malicious`, `packages`,
 * `aliases`) is read on open; the record part (`{"source","record"}`, a parsed OSV record) only when a scan
 * looks at that package, which keeps opening fast and memory bounded. Every change rewrites the file
 * atomically (temporary file + rename). Stands in for the registry database until the advisory tables land there.
 */
export class FileAdvisoryStore implements AdvisoryStore {
  private constructor(
    private readonly path: string,
    private readonly memory: MemoryAdvisoryStore,
  ) {}

  static async open(path: string): Promise<FileAdvisoryStore> {
    const memory = new MemoryAdvisoryStore();
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new IoError(`${path}: cannot read the advisory cache`, { cause: error });
    }
    if (text !== undefined) memory.putIndexed(parseCache(text, path));
    return new FileAdvisoryStore(path, memory);
  }

  async put(advisories: readonly StoredAdvisory[]): Promise<PutResult> {
    const result = await this.memory.put(advisories);
    if (result.added.length + result.updated.length > 0) await this.save();
    return result;
  }

  get(id: string): Promise<StoredAdvisory | undefined> {
    return this.memory.get(id);
  }
  forPackage(ecosystem: string, name: string): Promise<readonly StoredAdvisory[]> {
    return this.memory.forPackage(ecosystem, name);
  }
  groupOf(id: string): Promise<AliasGroup> {
    return this.memory.groupOf(id);
  }
  stats(): Promise<AdvisoryStoreStats> {
    return this.memory.stats();
  }
  all(): Promise<readonly StoredAdvisory[]> {
    return this.memory.all();
  }

  /** Every record's id and `modified` (from the index; no record is parsed), to compare the cache with the registry. */
  versions(): { id: string; modified: string }[] {
    return this.memory.entries().map((e) => ({ id: e.id, modified: e.modified }));
  }

  private async save(): Promise<void> {
    const entries = this.memory.entries();
    const lines = [JSON.stringify({ format: ADVISORY_CACHE_FORMAT, version: ADVISORY_CACHE_VERSION, records: entries.length })];
    for (const e of entries) {
      const index = JSON.stringify({ id: e.id, modified: e.modified, withdrawn: e.withdrawn, malicious: e.malicious, packages: e.packages, aliases: e.aliases });
      const a = e.load();
      lines.push(`${index}\t${JSON.stringify({ source: a.source, record: a.record })}`);
    }
    await writeFileAtomic(this.path, `${lines.join('\n')}\n`);
  }
}

function parseCache(text: string, file: string): IndexedAdvisory[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const bad = (line: number, message: string): never => {
    throw new InputError(`${message}; delete the file and import again`, { file, line });
  };
  let header: unknown;
  try {
    header = JSON.parse(lines[0] ?? '');
  } catch {
    return bad(1, 'not an advisory cache (unreadable header)');
  }
  if (!isRecord(header) || header['format'] !== ADVISORY_CACHE_FORMAT) return bad(1, 'not an advisory cache');
  if (header['version'] !== ADVISORY_CACHE_VERSION) {
    return bad(1, `advisory cache version ${String(header['version'])} is not supported (this chainwarden reads version ${ADVISORY_CACHE_VERSION})`);
  }
  if (header['records'] !== lines.length - 1) return bad(1, `the header promises ${String(header['records'])} records, the file has ${lines.length - 1} (truncated?)`);
  return lines.slice(1).map((line, i) => {
    const tab = line.indexOf('\t');
    let index: unknown;
    try {
      index = JSON.parse(line.slice(0, tab));
    } catch {
      return bad(i + 2, 'corrupt advisory cache line');
    }
    if (tab < 0 || !isRecord(index) || typeof index['id'] !== 'string' || typeof index['modified'] !== 'string' || !Array.isArray(index['packages']) || !Array.isArray(index['aliases'])) {
      return bad(i + 2, 'corrupt advisory cache line');
    }
    let loaded: StoredAdvisory | undefined;
    const entry: IndexedAdvisory = {
      id: index['id'],
      modified: index['modified'],
      withdrawn: index['withdrawn'] === true,
      malicious: index['malicious'] === true,
      packages: index['packages'] as string[],
      aliases: index['aliases'] as string[],
      load: () => (loaded ??= loadRecord(line.slice(tab + 1), file, i + 2)),
    };
    return entry;
  });
}

function loadRecord(json: string, file: string, line: number): StoredAdvisory {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new InputError('corrupt advisory cache line; delete the file and import again', { file, line }, { cause: error });
  }
  if (!isRecord(value) || typeof value['source'] !== 'string' || !isRecord(value['record'])) {
    throw new InputError('corrupt advisory cache line; delete the file and import again', { file, line });
  }
  return { source: value['source'], record: value['record'] as unknown as OsvRecord };
}
