/** `chainwarden rego test`: evaluates every `test_*` rule, like `opa test`. */
import { Policy, RegoError } from '@chainwarden/rego';
import type { BuiltinDecl } from '@chainwarden/rego';
import { loadRegoSources } from './load.js';
import { withPolicyErrors } from './evaluate.js';

export interface RegoTestResult {
  /** `data.<package>.<rule>` */
  readonly name: string;
  readonly file: string;
  readonly status: 'pass' | 'fail' | 'error';
  readonly durationMs: number;
  readonly error?: string;
  readonly output?: string[];
}

export interface RegoTestReport {
  readonly results: RegoTestResult[];
  readonly passed: number;
  readonly failed: number;
  readonly errors: number;
}

export function runRegoTests(paths: readonly string[], baseDir: string, opts: { timeoutMs?: number; filter?: RegExp; builtins?: readonly BuiltinDecl[] } = {}): RegoTestReport {
  const sources = loadRegoSources(paths, baseDir);
  const policy = withPolicyErrors(() => Policy.compile({ modules: sources.modules, data: sources.data, builtins: opts.builtins }));
  const names = new Map<string, string>();
  for (const m of policy.compiled.modules)
    for (const r of m.rules) {
      const head = r.ref[0];
      if (r.ref.length !== 1 || r.args !== null || head?.type !== 'var' || !head.name.startsWith('test_')) continue;
      names.set(['data', ...m.packagePath, head.name].join('.'), m.file);
    }
  const results: RegoTestResult[] = [];
  for (const [name, file] of [...names].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (opts.filter && !opts.filter.test(name)) continue;
    const output: string[] = [];
    const started = performance.now();
    let status: RegoTestResult['status'] = 'fail';
    let error: string | undefined;
    try {
      const rows = policy.prepare(name).eval({ timeoutMs: opts.timeoutMs, print: (l) => output.push(l) });
      if (rows.some((r) => r.expressions[0]?.value !== false)) status = 'pass';
    } catch (e) {
      status = 'error';
      error = e instanceof RegoError ? e.message : String(e);
    }
    results.push({ name, file, status, durationMs: performance.now() - started, ...(error !== undefined ? { error } : {}), ...(output.length > 0 ? { output } : {}) });
  }
  return {
    results,
    passed: results.filter((r) => r.status === 'pass').length,
    failed: results.filter((r) => r.status === 'fail').length,
    errors: results.filter((r) => r.status === 'error').length,
  };
}
