import { isRecord, keyPath, parseJsonText, parseYamlText } from '../core/parse.js';
import { AdvisoryError } from './errors.js';
import type { OsvAffected, OsvRange, OsvRecord, OsvSeverity, RangeEvent, RangeType } from './osv-record.js';

/**
 * Strict OSV parsing at the boundary: every field chainwarden relies on is checked, and a problem names the
 * file (or `archive.zip!entry`) and the key path. Unknown fields are allowed (OSV is extensible).
 */
export async function parseOsvText(text: string, file: string): Promise<OsvRecord> {
  const factory = (message: string, loc: { line?: number; column?: number }, cause: unknown): AdvisoryError =>
    new AdvisoryError(message, { file, ...loc }, { cause });
  const value = /\.ya?ml$/i.test(file) ? await parseYamlText(text, file, factory) : parseJsonText(text, file, factory);
  return parseOsvRecord(value, file);
}

const RANGE_TYPES: ReadonlySet<string> = new Set<RangeType>(['SEMVER', 'ECOSYSTEM', 'GIT']);
const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function parseOsvRecord(value: unknown, file: string): OsvRecord {
  const fail = (message: string, ...path: (string | number)[]): never => {
    throw new AdvisoryError(message, { file, path: keyPath(...path) });
  };
  if (!isRecord(value)) return fail('an OSV record must be an object');
  const str = (v: unknown, ...path: (string | number)[]): string => {
    if (typeof v !== 'string' || v === '') return fail(`expected a non-empty string, got ${describe(v)}`, ...path);
    return v;
  };
  const optStr = (v: unknown, ...path: (string | number)[]): string | undefined => (v === undefined || v === null ? undefined : str(v, ...path));
  const time = (v: unknown, ...path: (string | number)[]): string => {
    const s = str(v, ...path);
    if (!TIMESTAMP.test(s)) fail(`expected an RFC 3339 timestamp, got "${s}"`, ...path);
    return s;
  };
  const list = (v: unknown, ...path: (string | number)[]): unknown[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return fail(`expected a list, got ${describe(v)}`, ...path);
    return v;
  };
  const strings = (v: unknown, ...path: (string | number)[]): string[] =>
    list(v, ...path).map((s, i) => (typeof s === 'number' ? String(s) : str(s, ...path, i)));
  const severities = (v: unknown, ...path: (string | number)[]): OsvSeverity[] =>
    list(v, ...path).map((s, i) => {
      if (!isRecord(s)) return fail('expected an object', ...path, i);
      return { type: str(s['type'], ...path, i, 'type'), score: str(s['score'], ...path, i, 'score') };
    });

  const id = str(value['id'], 'id');
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(id)) fail(`"${id}" is not an OSV identifier`, 'id');
  const affected: OsvAffected[] = [];
  list(value['affected'], 'affected').forEach((a, i) => {
    if (!isRecord(a)) return fail('expected an object', 'affected', i);
    const pkg = a['package'];
    if (pkg === undefined) return; // GIT-only entries name no package: nothing to match by purl
    if (!isRecord(pkg)) return fail('expected an object', 'affected', i, 'package');
    const ranges: OsvRange[] = list(a['ranges'], 'affected', i, 'ranges').map((r, j) => parseRange(r, fail, str, ['affected', i, 'ranges', j]));
    const ecosystemSpecific = a['database_specific'];
    const informational = isRecord(ecosystemSpecific) ? ecosystemSpecific['informational'] : undefined;
    const severityLabels = (['database_specific', 'ecosystem_specific'] as const).flatMap((from) => {
      const section = a[from];
      const label = isRecord(section) ? section['severity'] : undefined;
      return typeof label === 'string' && label !== '' ? [{ from, label }] : [];
    });
    affected.push({
      ecosystem: str(pkg['ecosystem'], 'affected', i, 'package', 'ecosystem'),
      name: str(pkg['name'], 'affected', i, 'package', 'name'),
      purl: optStr(pkg['purl'], 'affected', i, 'package', 'purl'),
      ranges,
      versions: strings(a['versions'], 'affected', i, 'versions'),
      severity: severities(a['severity'], 'affected', i, 'severity'),
      informational: typeof informational === 'string' ? informational : undefined,
      ...(severityLabels.length > 0 ? { severityLabels } : {}),
    });
  });
  const dbSpecific = value['database_specific'];
  const dbSeverity = isRecord(dbSpecific) && typeof dbSpecific['severity'] === 'string' ? dbSpecific['severity'] : undefined;
  return {
    id,
    kind: id.startsWith('MAL-') ? 'malicious' : 'vulnerability',
    modified: time(value['modified'], 'modified'),
    published: value['published'] === undefined ? undefined : time(value['published'], 'published'),
    withdrawn: value['withdrawn'] === undefined || value['withdrawn'] === null ? undefined : time(value['withdrawn'], 'withdrawn'),
    aliases: strings(value['aliases'], 'aliases'),
    related: strings(value['related'], 'related'),
    summary: optStr(value['summary'], 'summary'),
    details: typeof value['details'] === 'string' ? value['details'] : undefined,
    severity: severities(value['severity'], 'severity'),
    databaseSeverity: dbSeverity,
    affected,
    references: list(value['references'], 'references').map((r, i) => {
      if (!isRecord(r)) return fail('expected an object', 'references', i);
      return { type: str(r['type'], 'references', i, 'type'), url: str(r['url'], 'references', i, 'url') };
    }),
  };
}

function parseRange(
  r: unknown,
  fail: (message: string, ...path: (string | number)[]) => never,
  str: (v: unknown, ...path: (string | number)[]) => string,
  at: (string | number)[],
): OsvRange {
  if (!isRecord(r)) return fail('expected an object', ...at);
  const type = str(r['type'], ...at, 'type');
  if (!RANGE_TYPES.has(type)) fail(`unknown range type "${type}" (expected SEMVER, ECOSYSTEM or GIT)`, ...at, 'type');
  const raw = r['events'];
  if (!Array.isArray(raw) || raw.length === 0) return fail('a range needs a non-empty list of events', ...at, 'events');
  const events = raw.map((e, k): RangeEvent => {
    if (!isRecord(e)) return fail('expected an object', ...at, 'events', k);
    const keys = EVENT_KEYS.filter((key) => e[key] !== undefined);
    const key = keys[0];
    if (keys.length !== 1 || key === undefined) {
      return fail(`an event has exactly one of ${EVENT_KEYS.join(', ')}`, ...at, 'events', k);
    }
    const v = e[key];
    const version = typeof v === 'number' ? String(v) : str(v, ...at, 'events', k, key);
    return { [key]: version } as RangeEvent;
  });
  if (type !== 'GIT' && !events.some((e) => 'introduced' in e)) fail('a range needs an "introduced" event', ...at, 'events');
  return { type: type as RangeType, events };
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}
