import { readFile } from 'node:fs/promises';
import { InputError, IoError } from '../../core/errors.js';
import { isRecord, keyPath, parseJsonText } from '../../core/parse.js';
import type { BacklogAdvisoryRef, BacklogEntryView, BacklogStatus } from './backlog-entry.js';
import { BACKLOG_STATUSES } from './backlog-entry.js';
import { isMarkableId } from './marker.js';

/**
 * Reads a JSON export of the backlog (`chainwarden backlog export --format json`): an array of entries, or an
 * object holding one under `entries`, `backlog` or `items`. Untrusted input: every problem names the file and
 * the key path. A few spellings are accepted (`due`/`dueDate`, `fixedVersion`/`fixVersion`, `in_progress`).
 */
export async function readBacklogJson(path: string, shown: string): Promise<BacklogEntryView[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new IoError(`cannot read ${shown}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  return parseBacklogJson(text, shown);
}

export function parseBacklogJson(text: string, file: string): BacklogEntryView[] {
  const doc = parseJsonText(text, file, (message, loc, cause) => new InputError(message, { file, ...loc }, { cause }));
  const container = isRecord(doc) ? (['entries', 'backlog', 'items'] as const).find((k) => Array.isArray(doc[k])) : undefined;
  const list = Array.isArray(doc) ? doc : container !== undefined && isRecord(doc) ? (doc[container] as unknown[]) : undefined;
  if (list === undefined) throw new InputError('expected an array of backlog entries, or an object with an "entries" array', { file });
  const seen = new Map<string, number>();
  return list.map((raw, i) => {
    const prefix: (string | number)[] = container !== undefined ? [container, i] : [i];
    const entry = readEntry(raw, file, prefix);
    const first = seen.get(entry.id);
    if (first !== undefined) throw new InputError(`duplicate entry id ${entry.id} (first at ${keyPath(...(container !== undefined ? [container] : []), first)})`, { file, path: keyPath(...prefix, 'id') });
    seen.set(entry.id, i);
    return entry;
  });
}

function readEntry(raw: unknown, file: string, at: (string | number)[]): BacklogEntryView {
  const fail = (message: string, ...key: (string | number)[]): never => {
    throw new InputError(message, { file, path: keyPath(...at, ...key) });
  };
  if (!isRecord(raw)) return fail('expected an object');
  const str = (k: string): string | undefined => {
    const v = raw[k];
    if (v === undefined || v === null) return undefined;
    return typeof v === 'string' && v.trim() !== '' ? v : fail('expected a non-empty string', k);
  };
  const req = (k: string): string => str(k) ?? fail('required, missing', k);
  const strings = (v: unknown, ...key: (string | number)[]): string[] | undefined => {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return [v];
    if (!Array.isArray(v)) return fail('expected a string or an array of strings', ...key);
    return v.map((s, i) => (typeof s === 'string' ? s : fail('expected a string', ...key, i)));
  };

  const id = req('id');
  if (!isMarkableId(id)) fail('expected an id of letters, digits, ".", "_" or "-" (e.g. CW-1a2b3c4d)', 'id');
  const statusRaw = req('status').toLowerCase().replace(/_/gu, '-');
  if (!(BACKLOG_STATUSES as readonly string[]).includes(statusRaw)) fail(`unknown status "${String(raw['status'])}" (expected ${BACKLOG_STATUSES.join(', ')})`, 'status');
  const due = str('due') ?? str('dueDate');
  if (due !== undefined && !/^\d{4}-\d{2}-\d{2}/u.test(due)) fail('expected a date YYYY-MM-DD', raw['due'] !== undefined ? 'due' : 'dueDate');

  const comp = raw['component'];
  let component: BacklogEntryView['component'];
  if (typeof comp === 'string' && comp !== '') component = { name: comp, ...(str('version') !== undefined ? { version: str('version') } : {}) };
  else if (isRecord(comp)) {
    const name = comp['name'];
    if (typeof name !== 'string' || name === '') return fail('expected a non-empty string', 'component', 'name');
    const version = comp['version'];
    const purl = comp['purl'];
    component = { name, ...(typeof version === 'string' ? { version } : {}), ...(typeof purl === 'string' ? { purl } : {}) };
  } else return fail('expected a component name or an object { name, version, purl }', 'component');

  const advisoriesRaw = raw['advisories'] ?? [];
  if (!Array.isArray(advisoriesRaw)) return fail('expected an array', 'advisories');
  const advisories = advisoriesRaw.map((a, i): BacklogAdvisoryRef => {
    if (typeof a === 'string' && a !== '') return { id: a };
    if (!isRecord(a) || typeof a['id'] !== 'string' || a['id'] === '') return fail('expected an advisory id or an object with an "id"', 'advisories', i);
    const aliases = strings(a['aliases'], 'advisories', i, 'aliases');
    const fixed = strings(a['fixed'] ?? a['fixedVersions'], 'advisories', i, 'fixed');
    const severity = a['severity'];
    return { id: a['id'], ...(aliases !== undefined ? { aliases } : {}), ...(typeof severity === 'string' ? { severity } : {}), ...(fixed !== undefined ? { fixed } : {}) };
  });
  const overdue = raw['overdue'];
  const kev = raw['kev'];
  const owner = str('owner');
  const fixedVersion = str('fixedVersion') ?? str('fixVersion') ?? str('targetVersion');
  const evidence = strings(raw['evidence'], 'evidence');
  return {
    id,
    title: req('title'),
    severity: str('severity') ?? 'unrated',
    status: statusRaw as BacklogStatus,
    product: req('product'),
    component,
    advisories,
    ...(fixedVersion !== undefined ? { fixedVersion } : {}),
    ...(due !== undefined ? { due: due.slice(0, 10) } : {}),
    ...(typeof overdue === 'boolean' ? { overdue } : {}),
    ...(typeof kev === 'boolean' ? { kev } : {}),
    ...(owner !== undefined ? { owner } : {}),
    ...(evidence !== undefined ? { evidence } : {}),
  };
}
