/**
 * CISA's Known Exploited Vulnerabilities catalog (https://www.cisa.gov/known-exploited-vulnerabilities-catalog), as
 * users download it (`known_exploited_vulnerabilities.json`), checked at the boundary against its published schema's
 * required fields and formats. A problem names the file, the line and the key path.
 */
import { isRecord, keyPath, lineOf, parseJsonText } from '../../core/parse.js';
import { ThreatFeedError } from '../errors.js';

export interface KevEntry {
  readonly cveID: string;
  readonly vendorProject: string;
  readonly product: string;
  readonly vulnerabilityName: string;
  readonly dateAdded: string;
  readonly shortDescription: string;
  readonly requiredAction: string;
  readonly dueDate: string;
  /** `Known` or `Unknown`. */
  readonly knownRansomwareCampaignUse: string;
  readonly notes?: string;
  readonly cwes?: readonly string[];
}

export interface KevCatalog {
  readonly catalogVersion: string;
  readonly dateReleased: string;
  readonly vulnerabilities: readonly KevEntry[];
}

const CVE = /^CVE-\d{4}-\d{4,19}$/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/u;
const REQUIRED = ['cveID', 'vendorProject', 'product', 'vulnerabilityName', 'dateAdded', 'shortDescription', 'requiredAction', 'dueDate'] as const;

export function parseKevCatalog(text: string, file: string): KevCatalog {
  const doc = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file, (message, loc, cause) => new ThreatFeedError(message, { file, ...loc }, { cause }));
  const fail = (message: string, line: number | undefined, ...path: (string | number)[]): never => {
    throw new ThreatFeedError(message, { file, ...(line !== undefined ? { line } : {}), path: keyPath(...path) });
  };
  if (!isRecord(doc)) return fail('not a KEV catalog: expected a JSON object with "catalogVersion" and "vulnerabilities"', 1);
  const catalogVersion = doc['catalogVersion'];
  const dateReleased = doc['dateReleased'];
  const list = doc['vulnerabilities'];
  if (typeof catalogVersion !== 'string' || catalogVersion === '') return fail('not a KEV catalog: "catalogVersion" must be a non-empty string', lineOf(text, '"catalogVersion"'), 'catalogVersion');
  if (typeof dateReleased !== 'string' || Number.isNaN(Date.parse(dateReleased))) return fail('"dateReleased" must be a date-time', lineOf(text, '"dateReleased"'), 'dateReleased');
  if (!Array.isArray(list)) return fail('"vulnerabilities" must be a list', lineOf(text, '"vulnerabilities"'), 'vulnerabilities');
  const seen = new Set<string>();
  // Lines are counted forward from one entry to the next (entries are in file order): linear, not quadratic.
  let cursor = 0;
  let cursorLine = 1;
  const lineAt = (at: number): number => {
    for (let k = cursor; k < at; k++) if (text.charCodeAt(k) === 10) cursorLine++;
    cursor = at;
    return cursorLine;
  };
  const entries = list.map((v, i): KevEntry => {
    const id = isRecord(v) && typeof v['cveID'] === 'string' ? v['cveID'] : undefined;
    const at = id !== undefined ? text.indexOf(`"cveID"`, cursor) : -1;
    const line = at >= 0 ? lineAt(at) : undefined;
    if (at >= 0) {
      cursor = at + 1;
      if (text.charCodeAt(at) === 10) cursorLine++;
    }
    if (!isRecord(v)) return fail('expected an object', line, 'vulnerabilities', i);
    for (const key of REQUIRED) {
      if (typeof v[key] !== 'string') fail(`"${key}" is required and must be a string`, line, 'vulnerabilities', i, key);
    }
    const s = v as Record<(typeof REQUIRED)[number], string> & Record<string, unknown>;
    if (!CVE.test(s.cveID)) fail(`"${s.cveID}" is not a CVE id (CVE-YYYY-NNNN)`, line, 'vulnerabilities', i, 'cveID');
    if (seen.has(s.cveID)) fail(`${s.cveID} is listed twice`, line, 'vulnerabilities', i, 'cveID');
    seen.add(s.cveID);
    for (const key of ['dateAdded', 'dueDate'] as const) {
      if (!DATE.test(s[key]) || Number.isNaN(Date.parse(s[key]))) fail(`"${s[key]}" is not a date (YYYY-MM-DD)`, line, 'vulnerabilities', i, key);
    }
    const cwes = v['cwes'];
    if (cwes !== undefined && !(Array.isArray(cwes) && cwes.every((c) => typeof c === 'string'))) fail('"cwes" must be a list of strings', line, 'vulnerabilities', i, 'cwes');
    const ransomware = v['knownRansomwareCampaignUse'];
    return {
      cveID: s.cveID,
      vendorProject: s.vendorProject,
      product: s.product,
      vulnerabilityName: s.vulnerabilityName,
      dateAdded: s.dateAdded,
      shortDescription: s.shortDescription,
      requiredAction: s.requiredAction,
      dueDate: s.dueDate,
      knownRansomwareCampaignUse: typeof ransomware === 'string' ? ransomware : 'Unknown',
      ...(typeof v['notes'] === 'string' ? { notes: v['notes'] } : {}),
      ...(Array.isArray(cwes) ? { cwes: cwes as string[] } : {}),
    };
  });
  const count = doc['count'];
  if (typeof count === 'number' && count !== entries.length) fail(`"count" says ${count} but the catalog lists ${entries.length} vulnerabilities (truncated?)`, lineOf(text, '"count"'), 'count');
  return { catalogVersion, dateReleased, vulnerabilities: entries };
}
