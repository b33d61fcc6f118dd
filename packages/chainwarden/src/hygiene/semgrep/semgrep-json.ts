import { InputError } from '../../core/errors.js';
import { isRecord } from '../../core/parse.js';
import type { SemgrepFinding, SemgrepResults } from './finding.js';
import { cweIds, isSupplyChain, normalizeSeverity, semgrepResults } from './finding.js';

/** Semgrep's `--json` output: `results[]` with check_id, path, start/end, extra.severity/message/metadata. */
export function readSemgrepJson(doc: Record<string, unknown>, file: string): SemgrepResults {
  const results = doc['results'];
  if (!Array.isArray(results)) throw new InputError('expected "results" to be a list (Semgrep JSON output)', { file, path: 'results' });
  const findings: SemgrepFinding[] = results.map((r: unknown, i) => {
    const at = (key: string): string => `results[${i}]${key}`;
    if (!isRecord(r)) throw new InputError('expected an object', { file, path: at('') });
    const rule = r['check_id'];
    if (typeof rule !== 'string' || rule === '') throw new InputError('check_id: expected a string', { file, path: at('.check_id') });
    const path = r['path'];
    if (typeof path !== 'string' || path === '') throw new InputError('path: expected a string', { file, path: at('.path') });
    const start = r['start'];
    const line = isRecord(start) ? start['line'] : undefined;
    if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) throw new InputError('start.line: expected a line number', { file, path: at('.start.line') });
    const end = isRecord(r['end']) ? r['end']['line'] : undefined;
    const extra = isRecord(r['extra']) ? r['extra'] : {};
    const severityText = extra['severity'];
    const severity = typeof severityText === 'string' ? normalizeSeverity(severityText) : 'warning';
    if (severity === undefined) throw new InputError(`extra.severity: unknown severity ${JSON.stringify(severityText)} (ERROR, WARNING, INFO)`, { file, path: at('.extra.severity') });
    const metadata = isRecord(extra['metadata']) ? extra['metadata'] : {};
    const tags = Array.isArray(metadata['tags']) ? (metadata['tags'] as unknown[]).filter((t): t is string => typeof t === 'string') : [];
    return {
      rule,
      severity,
      file: path,
      line,
      ...(typeof end === 'number' && Number.isInteger(end) && end >= line ? { endLine: end } : {}),
      message: typeof extra['message'] === 'string' ? extra['message'].trim() : '',
      supplyChain: isSupplyChain(rule, metadata, tags, extra['sca_info'] !== undefined),
      cwe: cweIds(metadata['cwe']),
    };
  });
  return semgrepResults('semgrep-json', file, findings, typeof doc['version'] === 'string' ? doc['version'] : undefined);
}
