/** One Semgrep result, normalized from SARIF 2.1.0 or Semgrep's JSON output. */
export interface SemgrepFinding {
  /** The rule id (`check_id`, SARIF `ruleId`). */
  readonly rule: string;
  /** error | warning | info (Semgrep ERROR/WARNING/INFO; SARIF error/warning/note). */
  readonly severity: SemgrepSeverity;
  /** Path as Semgrep reported it (relative to where it ran). */
  readonly file: string;
  readonly line: number;
  readonly endLine?: number;
  readonly message: string;
  /** True for supply-chain rules: Semgrep Supply Chain (`ssc-…`, sca_info), metadata category or tags saying supply-chain. */
  readonly supplyChain: boolean;
  /** CWE ids from the rule metadata, e.g. `CWE-494`. */
  readonly cwe: readonly string[];
}

export type SemgrepSeverity = 'error' | 'warning' | 'info';

export interface SemgrepResults {
  readonly tool: 'semgrep';
  /** The format read. */
  readonly format: 'sarif' | 'semgrep-json';
  /** Semgrep's version, when the file says it. */
  readonly version?: string;
  /** The results file, as the user named it. */
  readonly source: string;
  readonly findings: readonly SemgrepFinding[];
  readonly summary: { readonly total: number; readonly supplyChain: number; readonly bySeverity: Readonly<Record<SemgrepSeverity, number>> };
}

const SEVERITY: Readonly<Record<string, SemgrepSeverity>> = {
  error: 'error',
  critical: 'error',
  high: 'error',
  warning: 'warning',
  medium: 'warning',
  info: 'info',
  low: 'info',
  note: 'info',
  none: 'info',
  inventory: 'info',
  experiment: 'info',
};

/** Semgrep's and SARIF's severity words, normalized; undefined for anything else. */
export function normalizeSeverity(value: string): SemgrepSeverity | undefined {
  return SEVERITY[value.toLowerCase()];
}

const SUPPLY_CHAIN_ID = /(^|[./_-])(ssc|supply[-_]?chain)([./_-]|$)/i;

/**
 * CWEs about trusting third-party code: download without integrity check (494), inclusion from an untrusted
 * sphere (829, e.g. unpinned GitHub Actions), unmaintained (1104), vulnerable (1395) or untrustworthy (1357) components.
 */
const SUPPLY_CHAIN_CWES = new Set(['CWE-494', 'CWE-829', 'CWE-1104', 'CWE-1357', 'CWE-1395']);

/** Whether a rule is about the supply chain, from its id, metadata (category, sca-*, CWE) and tags. */
export function isSupplyChain(rule: string, metadata: Record<string, unknown>, tags: readonly string[], scaInfo: boolean): boolean {
  if (scaInfo || SUPPLY_CHAIN_ID.test(rule)) return true;
  if ([...cweIds(metadata['cwe']), ...cweIds(tags)].some((c) => SUPPLY_CHAIN_CWES.has(c))) return true;
  const category = metadata['category'];
  if (typeof category === 'string' && /supply[-_ ]?chain/i.test(category)) return true;
  if (Object.keys(metadata).some((k) => /^sca[-_]/i.test(k))) return true;
  return tags.some((t) => /supply[-_ ]?chain/i.test(t));
}

/** CWE ids (`CWE-494`) from a metadata value: a string or a list, e.g. `CWE-494: Download of Code Without Integrity Check`. */
export function cweIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out = new Set<string>();
  for (const v of list) if (typeof v === 'string') for (const m of v.matchAll(/CWE-\d+/gi)) out.add(m[0].toUpperCase());
  return [...out].sort();
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function semgrepResults(format: SemgrepResults['format'], source: string, findings: SemgrepFinding[], version: string | undefined): SemgrepResults {
  findings.sort((a, b) => compare(a.file, b.file) || a.line - b.line || compare(a.rule, b.rule) || compare(a.message, b.message));
  const bySeverity: Record<SemgrepSeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) bySeverity[f.severity]++;
  return {
    tool: 'semgrep',
    format,
    ...(version !== undefined ? { version } : {}),
    source,
    findings,
    summary: { total: findings.length, supplyChain: findings.filter((f) => f.supplyChain).length, bySeverity },
  };
}
