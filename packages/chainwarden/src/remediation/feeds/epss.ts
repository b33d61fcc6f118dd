/**
 * FIRST's EPSS scores as users download them (`epss_scores-YYYY-MM-DD.csv`, optionally gzipped): an optional first
 * comment line `#model_version:v2023.03.01,score_date:2023-03-17T00:00:00+0000`, the header `cve,epss,percentile`,
 * then one row per CVE. Every problem names the file and the line.
 */
import { gunzipSync } from 'node:zlib';
import { ThreatFeedError } from '../errors.js';

export interface EpssScore {
  readonly cve: string;
  /** Probability of exploitation activity in the next 30 days, 0..1. */
  readonly epss: number;
  readonly percentile: number;
}

export interface EpssFile {
  readonly modelVersion?: string;
  readonly scoreDate?: string;
  readonly scores: readonly EpssScore[];
}

const CVE = /^CVE-\d{4}-\d{4,19}$/u;
const NUMBER = /^(0(\.\d+)?|1(\.0+)?|\.\d+)([eE]-?\d+)?$/u;
/** Refuse a gzip that expands past this (the real daily file is ~10 MB uncompressed). */
const MAX_EXPANDED = 512 * 1024 * 1024;

/** The file's text: gunzipped when it starts with the gzip magic bytes. */
export function epssText(bytes: Uint8Array, file: string): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes, { maxOutputLength: MAX_EXPANDED }).toString('utf8');
    } catch (error) {
      throw new ThreatFeedError(`not a readable gzip file (${error instanceof Error ? error.message : String(error)})`, { file }, { cause: error });
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export function parseEpssCsv(text: string, file: string): EpssFile {
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  let modelVersion: string | undefined;
  let scoreDate: string | undefined;
  let i = 0;
  const fail = (message: string, line: number): never => {
    throw new ThreatFeedError(message, { file, line });
  };
  if (lines[0]?.startsWith('#') === true) {
    for (const part of lines[0].slice(1).split(',')) {
      const [key, ...rest] = part.split(':');
      const value = rest.join(':').trim();
      if (key?.trim() === 'model_version') modelVersion = value;
      else if (key?.trim() === 'score_date') scoreDate = value;
    }
    if (scoreDate !== undefined && Number.isNaN(Date.parse(scoreDate.replace(/([+-]\d{2})(\d{2})$/u, '$1:$2')))) fail(`score_date "${scoreDate}" is not a date`, 1);
    i = 1;
  }
  const header = lines[i]?.trim().toLowerCase().split(',').map((h) => h.trim());
  if (header === undefined || header.join(',') === '') return fail('empty file: expected the header "cve,epss,percentile"', i + 1);
  const col = { cve: header.indexOf('cve'), epss: header.indexOf('epss'), percentile: header.indexOf('percentile') };
  if (col.cve < 0 || col.epss < 0 || col.percentile < 0) fail(`expected the header "cve,epss,percentile", got "${lines[i]?.trim() ?? ''}"`, i + 1);
  const scores: EpssScore[] = [];
  const seen = new Set<string>();
  for (let n = i + 1; n < lines.length; n++) {
    const raw = lines[n] ?? '';
    if (raw.trim() === '') continue;
    const cells = raw.split(',').map((c) => c.trim());
    if (cells.length !== header.length) fail(`expected ${header.length} columns, got ${cells.length}`, n + 1);
    const cve = cells[col.cve] ?? '';
    if (!CVE.test(cve)) fail(`"${cve}" is not a CVE id`, n + 1);
    if (seen.has(cve)) fail(`${cve} is listed twice`, n + 1);
    seen.add(cve);
    const num = (name: 'epss' | 'percentile'): number => {
      const cell = cells[col[name]] ?? '';
      const v = Number(cell);
      if (!NUMBER.test(cell) || !(v >= 0 && v <= 1)) fail(`${name} "${cell}" is not a probability between 0 and 1`, n + 1);
      return v;
    };
    scores.push({ cve, epss: num('epss'), percentile: num('percentile') });
  }
  if (scores.length === 0) fail('no scores: the file has a header but no rows', lines.length);
  return { ...(modelVersion !== undefined ? { modelVersion } : {}), ...(scoreDate !== undefined ? { scoreDate } : {}), scores };
}
