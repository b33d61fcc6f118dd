/** The hygiene slots of the policy input: Semgrep findings and the dependency matrix (rows, drift). */
import { InputError } from '../../core/errors.js';
import { isRecord } from '../../core/parse.js';
import type { Matrix } from '../../hygiene/matrix/build.js';
import type { MatrixCheck } from '../../hygiene/matrix/check.js';
import type { SemgrepResults } from '../../hygiene/semgrep/finding.js';

export interface SemgrepInput {
  /** false: no Semgrep results were imported (not that Semgrep found nothing). */
  readonly imported: boolean;
  readonly file: string | null;
  readonly findings: readonly {
    readonly rule: string;
    readonly severity: string;
    readonly file: string;
    readonly line: number;
    readonly end_line: number | null;
    readonly message: string;
    readonly supply_chain: boolean;
    readonly cwe: readonly string[];
  }[];
}

export interface MatrixInput {
  /** false: no matrix was built in this run / given. */
  readonly built: boolean;
  readonly file: string | null;
  readonly rows: readonly {
    readonly ecosystem: string;
    readonly name: string;
    readonly version: string | null;
    readonly manifest: string;
    readonly lockfile: string;
    readonly scope: string;
    readonly groups: readonly string[];
    readonly licenses: readonly string[];
    readonly owner: string | null;
    readonly owner_source: string | null;
    readonly note: string | null;
    /** covered | partial | ignored | not-covered | none (no update tool configured) */
    readonly update_status: string;
    readonly updates: readonly { readonly tool: string; readonly status: string; readonly reason: string; readonly file: string }[];
  }[];
  /** Problems in Renovate/Dependabot configs. */
  readonly config_findings: readonly { readonly tool: string; readonly file: string; readonly line: number | null; readonly message: string }[];
  /** false: no hand-written matrix was checked. */
  readonly checked: boolean;
  readonly drift: readonly { readonly kind: string; readonly package: string; readonly file: string; readonly line: number | null; readonly documented: string | null; readonly locked: readonly string[]; readonly message: string }[];
}

export const NO_SEMGREP: SemgrepInput = { imported: false, file: null, findings: [] };
export const NO_MATRIX: MatrixInput = { built: false, file: null, rows: [], config_findings: [], checked: false, drift: [] };

export function semgrepInput(results: SemgrepResults, file: string): SemgrepInput {
  return {
    imported: true,
    file,
    findings: results.findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line, end_line: f.endLine ?? null, message: f.message, supply_chain: f.supplyChain, cwe: f.cwe })),
  };
}

export function matrixInput(matrix: Matrix, check: MatrixCheck | undefined, file: string | null): MatrixInput {
  return {
    built: true,
    file,
    rows: matrix.rows.map((r) => ({
      ecosystem: r.ecosystem,
      name: r.name,
      version: r.version ?? null,
      manifest: r.manifest,
      lockfile: r.lockfile,
      scope: r.scope,
      groups: r.groups,
      licenses: r.licenses,
      owner: r.owner?.owner ?? null,
      owner_source: r.owner?.source ?? null,
      note: r.note ?? null,
      update_status: r.updateStatus,
      updates: r.updates.map((u) => ({ tool: u.tool, status: u.status, reason: u.reason, file: u.file })),
    })),
    config_findings: matrix.findings.map((f) => ({ tool: f.tool, file: f.file, line: f.line ?? null, message: f.message })),
    checked: check !== undefined,
    drift: (check?.drift ?? []).map((d) => ({ kind: d.kind, package: d.package, file: d.file, line: d.line ?? null, documented: d.documented ?? null, locked: d.locked ?? [], message: d.message })),
  };
}

/** Reads dist/hygiene/semgrep.json (what `chainwarden hygiene semgrep` writes). */
export function semgrepInputFromFile(doc: unknown, file: string): SemgrepInput {
  if (!isRecord(doc) || doc['tool'] !== 'semgrep' || !Array.isArray(doc['findings'])) {
    throw new InputError('not imported Semgrep results (expected the output of chainwarden hygiene semgrep)', { file });
  }
  (doc['findings'] as unknown[]).forEach((f, i) => {
    if (!isRecord(f) || typeof f['rule'] !== 'string' || typeof f['file'] !== 'string' || typeof f['line'] !== 'number') throw new InputError('a finding needs rule, file and line', { file, path: `findings[${i}]` });
  });
  return semgrepInput(doc as unknown as SemgrepResults, file);
}

/** Reads a matrix JSON (what the matrix stage writes, or `chainwarden matrix --format json`), with its check if present. */
export function matrixInputFromFile(doc: unknown, file: string): MatrixInput {
  if (!isRecord(doc) || !Array.isArray(doc['rows']) || !Array.isArray(doc['findings'])) {
    throw new InputError('not a dependency matrix (expected the JSON output of chainwarden matrix)', { file });
  }
  (doc['rows'] as unknown[]).forEach((r, i) => {
    if (!isRecord(r) || typeof r['name'] !== 'string' || typeof r['manifest'] !== 'string' || !Array.isArray(r['updates'])) throw new InputError('a row needs name, manifest and updates', { file, path: `rows[${i}]` });
  });
  const check = isRecord(doc['check']) && Array.isArray(doc['check']['drift']) ? (doc['check'] as unknown as MatrixCheck) : undefined;
  return matrixInput(doc as unknown as Matrix, check, file);
}
