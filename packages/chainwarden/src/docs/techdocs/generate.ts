/** TechDocs from a finished run: reads dist/supply-chain-report.json (what `chainwarden run` wrote) and writes the site. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, IoError, UsageError } from '../../core/errors.js';
import { isRecord, parseJsonText } from '../../core/parse.js';
import type { RunReport } from '../../pipeline/report/run-report.js';
import { REPORT_JSON } from '../../pipeline/report/run-report.js';
import type { LoadInputsOptions } from './inputs.js';
import { loadTechdocsInputs } from './inputs.js';
import type { TechdocsResult } from './techdocs.js';
import { writeTechdocs } from './techdocs.js';

/** Reads and checks the run report (untrusted: it is a file on disk). */
export async function readRunReport(projectDir: string, file: string = REPORT_JSON): Promise<RunReport> {
  let text: string;
  try {
    text = await readFile(join(projectDir, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${file}: no run report (run \`chainwarden run\` first)`);
    throw new IoError(`${file}: cannot read (${String(error)})`, { cause: error });
  }
  const doc = parseJsonText(text, file, (message, loc, cause) => new InputError(message, { file, ...loc }, { cause }));
  if (!isRecord(doc) || typeof doc['project'] !== 'string' || !Array.isArray(doc['stages']) || !isRecord(doc['reports']) || !isRecord(doc['policy'])) {
    throw new InputError('not a chainwarden run report (expected project, stages, policy, reports)', { file });
  }
  for (const [i, s] of (doc['stages'] as unknown[]).entries()) {
    if (!isRecord(s) || typeof s['stage'] !== 'string' || typeof s['status'] !== 'string' || typeof s['detail'] !== 'string') throw new InputError(`stages[${i}]: expected stage, status and detail`, { file });
    if (s['files'] !== undefined && (!Array.isArray(s['files']) || !s['files'].every((f) => typeof f === 'string' && !f.startsWith('/') && !f.split('/').includes('..')))) {
      throw new InputError(`stages[${i}].files: expected paths inside the project`, { file });
    }
  }
  return doc as unknown as RunReport;
}

export interface GenerateTechdocsOptions extends Omit<LoadInputsOptions, 'report'> {
  readonly out: string;
  /** The report to build from; default: dist/supply-chain-report.json under the project. */
  readonly report?: RunReport;
}

export async function generateTechdocs(options: GenerateTechdocsOptions): Promise<TechdocsResult> {
  if (options.out.startsWith('/') || options.out.split(/[\\/]/u).includes('..')) throw new UsageError(`--out ${options.out}: must be a directory inside the project`);
  const report = options.report ?? (await readRunReport(options.projectDir));
  const inputs = await loadTechdocsInputs({ ...options, report });
  return writeTechdocs(options.projectDir, options.out, inputs);
}
