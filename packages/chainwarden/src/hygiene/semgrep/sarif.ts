import { InputError } from '../../core/errors.js';
import { isRecord } from '../../core/parse.js';
import type { SemgrepFinding, SemgrepResults } from './finding.js';
import { cweIds, isSupplyChain, normalizeSeverity, semgrepResults } from './finding.js';

interface RuleInfo {
  readonly level?: string;
  readonly tags: readonly string[];
  readonly metadata: Record<string, unknown>;
}

function rulesOf(run: Record<string, unknown>): Map<string, RuleInfo> {
  const driver = isRecord(run['tool']) && isRecord(run['tool']['driver']) ? run['tool']['driver'] : {};
  const out = new Map<string, RuleInfo>();
  for (const rule of Array.isArray(driver['rules']) ? (driver['rules'] as unknown[]) : []) {
    if (!isRecord(rule) || typeof rule['id'] !== 'string') continue;
    const properties = isRecord(rule['properties']) ? rule['properties'] : {};
    const level = isRecord(rule['defaultConfiguration']) ? rule['defaultConfiguration']['level'] : undefined;
    const tags = Array.isArray(properties['tags']) ? (properties['tags'] as unknown[]).filter((t): t is string => typeof t === 'string') : [];
    out.set(rule['id'], { ...(typeof level === 'string' ? { level } : {}), tags, metadata: properties });
  }
  return out;
}

/** SARIF 2.1.0 as `semgrep --sarif` writes it: runs[].results[] with ruleId, level, message.text and a physical location. */
export function readSarif(doc: Record<string, unknown>, file: string): SemgrepResults {
  if (doc['version'] !== '2.1.0') throw new InputError(`unsupported SARIF version ${JSON.stringify(doc['version'] ?? null)} (2.1.0)`, { file, path: 'version' });
  const runs = doc['runs'];
  if (!Array.isArray(runs)) throw new InputError('expected "runs" to be a list', { file, path: 'runs' });
  const findings: SemgrepFinding[] = [];
  let version: string | undefined;
  runs.forEach((run: unknown, r) => {
    if (!isRecord(run)) throw new InputError('expected an object', { file, path: `runs[${r}]` });
    const driver = isRecord(run['tool']) && isRecord(run['tool']['driver']) ? run['tool']['driver'] : {};
    if (typeof driver['semanticVersion'] === 'string') version ??= driver['semanticVersion'];
    const rules = rulesOf(run);
    const results = run['results'] ?? [];
    if (!Array.isArray(results)) throw new InputError('expected "results" to be a list', { file, path: `runs[${r}].results` });
    results.forEach((result: unknown, i) => {
      const at = `runs[${r}].results[${i}]`;
      if (!isRecord(result)) throw new InputError('expected an object', { file, path: at });
      const rule = result['ruleId'] ?? (isRecord(result['rule']) ? result['rule']['id'] : undefined);
      if (typeof rule !== 'string' || rule === '') throw new InputError('ruleId: expected a string', { file, path: `${at}.ruleId` });
      const location = Array.isArray(result['locations']) ? (result['locations'] as unknown[])[0] : undefined;
      const physical = isRecord(location) && isRecord(location['physicalLocation']) ? location['physicalLocation'] : undefined;
      const uri = physical !== undefined && isRecord(physical['artifactLocation']) ? physical['artifactLocation']['uri'] : undefined;
      if (typeof uri !== 'string' || uri === '') throw new InputError('locations[0].physicalLocation.artifactLocation.uri: expected a string', { file, path: `${at}.locations[0]` });
      const region = physical !== undefined && isRecord(physical['region']) ? physical['region'] : {};
      const line = region['startLine'] ?? 1;
      if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) throw new InputError('region.startLine: expected a line number', { file, path: `${at}.locations[0].physicalLocation.region.startLine` });
      const info = rules.get(rule);
      const levelText = result['level'] ?? info?.level ?? 'warning';
      const severity = typeof levelText === 'string' ? normalizeSeverity(levelText) : undefined;
      if (severity === undefined) throw new InputError(`level: unknown level ${JSON.stringify(levelText)} (error, warning, note, none)`, { file, path: `${at}.level` });
      const message = isRecord(result['message']) && typeof result['message']['text'] === 'string' ? result['message']['text'].trim() : '';
      const properties = isRecord(result['properties']) ? result['properties'] : {};
      const end = region['endLine'];
      findings.push({
        rule,
        severity,
        file: decodeUri(uri),
        line,
        ...(typeof end === 'number' && Number.isInteger(end) && end >= line ? { endLine: end } : {}),
        message,
        supplyChain: isSupplyChain(rule, { ...(info?.metadata ?? {}), ...properties }, info?.tags ?? [], false),
        cwe: cweIds((info?.tags ?? []).filter((t) => /CWE-\d+/i.test(t))),
      });
    });
  });
  return semgrepResults('sarif', file, findings, version);
}

function decodeUri(uri: string): string {
  const path = uri.replace(/^file:\/\//, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
