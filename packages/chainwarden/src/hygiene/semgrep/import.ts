import { readFile } from 'node:fs/promises';
import { InputError, IoError } from '../../core/errors.js';
import { isRecord, parseJsonText } from '../../core/parse.js';
import type { SemgrepResults } from './finding.js';
import { readSarif } from './sarif.js';
import { readSemgrepJson } from './semgrep-json.js';

/** Where `chainwarden hygiene semgrep` writes, relative to the project (the run's policy stage reads it from there). */
export const SEMGREP_OUTPUT = 'dist/hygiene/semgrep.json';

/** Reads Semgrep results (SARIF 2.1.0 or Semgrep JSON, told apart by content); malformed input names file and place. */
export async function readSemgrepResults(path: string, shown: string): Promise<SemgrepResults> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new IoError(`${shown}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error });
  }
  const doc = parseJsonText(text.replace(/^\uFEFF/, ''), shown, (message, loc, cause) => new InputError(message, { file: shown, ...loc }, { cause }));
  if (isRecord(doc) && Array.isArray(doc['runs'])) return readSarif(doc, shown);
  if (isRecord(doc) && 'results' in doc) return readSemgrepJson(doc, shown);
  throw new InputError('not Semgrep results: expected SARIF 2.1.0 (runs[]) or Semgrep JSON output (results[])', { file: shown });
}
