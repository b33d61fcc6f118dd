/** Runs the whole suite (or directories matching filters) and tabulates results per directory. */
import { loadCases } from './cases.js';
import { runCase } from './run-case.js';
import type { ConformanceCase } from './cases.js';

export interface SuiteResult {
  readonly passed: Set<string>;
  readonly failures: { c: ConformanceCase; detail: string }[];
  readonly perDir: Map<string, { passed: number; failed: number }>;
}

export function runSuite(filters: readonly string[] = []): SuiteResult {
  const cases = loadCases('v1').filter((c) => filters.length === 0 || filters.some((f) => c.dir.includes(f)));
  const passed = new Set<string>();
  const failures: SuiteResult['failures'] = [];
  const perDir = new Map<string, { passed: number; failed: number }>();
  for (const c of cases) {
    const row = perDir.get(c.dir) ?? { passed: 0, failed: 0 };
    perDir.set(c.dir, row);
    let ok = false;
    let detail = '';
    try {
      const r = runCase(c);
      ok = r.ok;
      detail = r.detail;
    } catch (e) {
      detail = `runner crash: ${String(e)}`;
    }
    if (ok) {
      row.passed++;
      passed.add(c.id);
    } else {
      row.failed++;
      failures.push({ c, detail });
    }
  }
  return { passed, failures, perDir };
}

export function table(r: SuiteResult): string {
  const lines: string[] = [];
  const w = Math.max(...[...r.perDir.keys()].map((k) => k.length), 9);
  lines.push(`${'directory'.padEnd(w)}  passed  failed`);
  let p = 0;
  let f = 0;
  for (const [dir, row] of [...r.perDir].sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`${dir.padEnd(w)}  ${String(row.passed).padStart(6)}  ${String(row.failed).padStart(6)}`);
    p += row.passed;
    f += row.failed;
  }
  lines.push(`${'total'.padEnd(w)}  ${String(p).padStart(6)}  ${String(f).padStart(6)}`);
  lines.push(`${p} passed, ${f} failed`);
  return lines.join('\n');
}
