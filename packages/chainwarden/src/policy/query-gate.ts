/**
 * `policy eval <input> --query data.hotpass.allow`: the gate as `opa eval` users run it — a boolean rule is the
 * verdict (true = open; false or undefined = closed).
 */
import { toJson } from '@chainwarden/rego';
import type { Value } from '@chainwarden/rego';
import type { LoadedPolicy } from './load-policy.js';
import { withPolicyErrors } from './rego/evaluate.js';

export interface QueryGateResult {
  readonly input: string;
  /** The query's value, or null when it is undefined. */
  readonly value: unknown;
  readonly defined: boolean;
  readonly open: boolean;
}

export interface QueryGateReport {
  readonly policyDir: string;
  readonly query: string;
  readonly results: readonly QueryGateResult[];
  readonly open: boolean;
}

export function evaluateQueryGate(loaded: LoadedPolicy, query: string, inputs: readonly { name: string; value: Value }[], now: Date, timeoutMs?: number): QueryGateReport {
  const prepared = withPolicyErrors(() => loaded.policy.prepare(query));
  const results = inputs.map((i) => {
    const rows = withPolicyErrors(() => prepared.eval({ input: i.value, nowNs: BigInt(now.getTime()) * 1_000_000n, timeoutMs, strictBuiltinErrors: true }));
    const value = rows[0]?.expressions[0]?.value;
    return { input: i.name, value: value === undefined ? null : toJson(value), defined: value !== undefined, open: value === true };
  });
  return { policyDir: loaded.dir, query, results, open: results.every((r) => r.open) };
}
