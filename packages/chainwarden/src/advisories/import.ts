import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ChainwardenError, IoError } from '../core/errors.js';
import { parseOsvText } from './osv-parse.js';
import type { AdvisoryStore, StoredAdvisory } from './store.js';
import { readZip } from './zip-reader.js';

export interface ImportOptions {
  /** Paths are shown relative to this directory in sources and messages. */
  readonly baseDir: string;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RejectedRecord {
  readonly file: string;
  readonly reason: string;
}

export interface ImportReport {
  readonly files: number;
  readonly parsed: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly withdrawn: number;
  readonly malicious: number;
  /** Records rejected one by one, with the file (or `archive.zip!entry`) and the reason. */
  readonly rejected: readonly RejectedRecord[];
  /** Ids stored or replaced by this import, sorted. */
  readonly stored: readonly string[];
}

interface Source {
  readonly name: string;
  read(): Promise<string>;
}

const RECORD_FILE = /\.(json|ya?ml)$/i;

/**
 * Imports OSV records from files, directories (recursively: `*.json`, `*.yaml`, `*.yml`) and `all.zip`
 * exports. Each malformed record is rejected with its file and reason; the rest are stored in one batch,
 * incrementally by `modified`. A refused archive (zip-slip, zip bomb) stops the import before anything is stored.
 */
export async function importAdvisories(paths: readonly string[], store: AdvisoryStore, options: ImportOptions): Promise<ImportReport> {
  const sources: Source[] = [];
  for (const path of paths) sources.push(...(await collect(path, options.baseDir)));
  const rejected: RejectedRecord[] = [];
  const parsed: StoredAdvisory[] = [];
  let done = 0;
  const BATCH = 64;
  for (let i = 0; i < sources.length; i += BATCH) {
    const results = await Promise.all(
      sources.slice(i, i + BATCH).map(async (source) => {
        try {
          return { source, record: await parseOsvText(await source.read(), source.name) };
        } catch (error) {
          if (error instanceof ChainwardenError && error.code !== 'ARCHIVE_INVALID') return { source, error: error.message };
          throw error;
        }
      }),
    );
    for (const r of results) {
      if (r.record !== undefined) parsed.push({ record: r.record, source: r.source.name });
      else rejected.push({ file: r.source.name, reason: stripFile(r.error ?? '', r.source.name) });
    }
    done += results.length;
    options.onProgress?.(done, sources.length);
  }
  const duplicates = new Map<string, StoredAdvisory>();
  for (const advisory of parsed) {
    const seen = duplicates.get(advisory.record.id);
    if (seen === undefined || Date.parse(advisory.record.modified) > Date.parse(seen.record.modified)) duplicates.set(advisory.record.id, advisory);
  }
  const result = await store.put([...duplicates.values()]);
  return {
    files: sources.length,
    parsed: parsed.length,
    added: result.added.length,
    updated: result.updated.length,
    unchanged: result.unchanged,
    withdrawn: parsed.filter((a) => a.record.withdrawn !== undefined).length,
    malicious: parsed.filter((a) => a.record.kind === 'malicious').length,
    rejected: rejected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    stored: [...result.added, ...result.updated].sort(),
  };
}

/** The reason without the file name the error message starts with (`12:3: …` becomes `line 12:3: …`). */
function stripFile(message: string, file: string): string {
  if (!message.startsWith(file)) return message;
  const rest = message.slice(file.length).replace(/^:/, '').trim();
  return /^\d/.test(rest) ? `line ${rest}` : rest;
}

async function collect(path: string, baseDir: string): Promise<Source[]> {
  const shown = relative(baseDir, path) || path;
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new IoError(`${shown}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  if (info.isDirectory()) {
    const out: Source[] = [];
    const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) out.push(...(await collect(child, baseDir)));
      else if (entry.isFile() && (RECORD_FILE.test(entry.name) || /\.zip$/i.test(entry.name))) out.push(...(await collect(child, baseDir)));
    }
    return out;
  }
  if (/\.zip$/i.test(path)) {
    const entries = readZip(await readFile(path), shown);
    return entries
      .filter((e) => RECORD_FILE.test(e.name))
      .map((e) => ({ name: `${shown}!${e.name}`, read: () => Promise.resolve(e.read().toString('utf8')) }));
  }
  return [{ name: shown, read: () => readFile(path, 'utf8') }];
}
