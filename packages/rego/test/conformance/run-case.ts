/** Runs one conformance case and compares with OPA's expectations (rows as an unordered set, Rego equality). */
import { Policy, RegoError, compare, equal, parseJson, toJsonText } from '../../src/index.js';
import { parseTerm } from '../../src/syntax/parser.js';
import type { Value } from '../../src/index.js';
import type { ConformanceCase } from './cases.js';

export interface CaseOutcome {
  readonly ok: boolean;
  readonly detail: string;
}

/** YAML values (bigint for integers) -> Values (bigint only beyond 2^53). */
export function fromYaml(v: unknown): Value {
  if (typeof v === 'bigint') return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v;
  if (Array.isArray(v)) return v.map(fromYaml);
  if (v !== null && typeof v === 'object') {
    const o: Record<string, Value> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) Object.defineProperty(o, k, { value: fromYaml(x), enumerable: true, writable: true, configurable: true });
    return o;
  }
  if (v === undefined) return null;
  return v as Value;
}

export function runCase(c: ConformanceCase, timeoutMs = 3000): CaseOutcome {
  let rows: Record<string, Value>[];
  try {
    const policy = Policy.compile({
      modules: c.modules.map((text, i) => ({ file: `test-${i}.rego`, text })),
      data: c.data === undefined ? {} : fromYaml(c.data),
    });
    let input: Value | undefined = c.input === undefined ? undefined : fromYaml(c.input);
    if (c.inputTerm !== undefined) {
      const t = parseTerm(c.inputTerm);
      const q = Policy.compile({ modules: [] }).prepare(`__x__ = ${c.inputTerm}`);
      void t;
      const r = q.eval();
      input = r[0]?.bindings['__x__'];
    }
    const q = policy.prepare(c.query);
    rows = q.eval({ input, strictBuiltinErrors: c.strictError, timeoutMs, nowNs: 1_767_225_600_000_000_000n }).map((r) => ({ ...r.bindings }));
  } catch (e) {
    if (c.wantErrorCode === undefined && c.wantError === undefined) return { ok: false, detail: `unexpected error: ${errText(e)}` };
    if (!(e instanceof RegoError)) return { ok: false, detail: `non-Rego error: ${errText(e)}` };
    if (c.wantErrorCode !== undefined && e.code !== c.wantErrorCode) return { ok: false, detail: `want code ${c.wantErrorCode}, got ${e.code}: ${e.message}` };
    if (c.wantError !== undefined && !e.message.includes(c.wantError)) return { ok: false, detail: `want error containing ${JSON.stringify(c.wantError)}, got ${e.message}` };
    return { ok: true, detail: '' };
  }
  if (c.wantErrorCode !== undefined || c.wantError !== undefined) return { ok: false, detail: `want error ${c.wantErrorCode ?? ''} ${c.wantError ?? ''}, got ${rows.length} rows` };
  if (c.wantDefined !== undefined) {
    return rows.length > 0 === c.wantDefined ? { ok: true, detail: '' } : { ok: false, detail: `want defined=${c.wantDefined}` };
  }
  const want = (c.wantResult ?? []).map((r) => fromYaml(r) as Record<string, Value>);
  const got = rows.map((r) => normalise(r, c.sortBindings));
  const wantN = want.map((r) => normalise(r, c.sortBindings));
  if (sameRows(got, wantN)) return { ok: true, detail: '' };
  return { ok: false, detail: `want ${toJsonText(wantN)}\n   got ${toJsonText(got)}` };
}

function errText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** Sets become sorted arrays (as OPA's JSON results do); with sort_bindings, top-level arrays are sorted. */
function normalise(row: Record<string, Value>, sort: boolean): Value {
  const o: Record<string, Value> = {};
  for (const [k, v] of Object.entries(row)) {
    let x = parseJson(toJsonText(v));
    if (sort && Array.isArray(x)) x = [...(x as Value[])].sort(compare);
    o[k] = x;
  }
  return o;
}

function sameRows(a: Value[], b: Value[]): boolean {
  if (a.length !== b.length) return false;
  const used = new Array<boolean>(b.length).fill(false);
  for (const x of a) {
    const i = b.findIndex((y, j) => !used[j] && equal(x, y));
    if (i < 0) return false;
    used[i] = true;
  }
  return true;
}
