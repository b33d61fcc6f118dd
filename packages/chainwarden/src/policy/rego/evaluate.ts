/** `chainwarden rego eval`: one query over modules, data and input, with output shaped like `opa eval --format json`. */
import { Policy, RegoError, toJson } from '@chainwarden/rego';
import type { Value } from '@chainwarden/rego';
import { PolicyError } from '../../core/errors.js';
import { loadRegoSources, readData } from './load.js';

export interface RegoEvalOptions {
  readonly dataPaths: readonly string[];
  readonly inputPath?: string;
  readonly query: string;
  readonly baseDir: string;
  readonly timeoutMs?: number;
  readonly strictBuiltinErrors?: boolean;
  readonly print?: (line: string) => void;
}

/** OPA's JSON result shape: `{}` when the query is undefined. */
export interface RegoEvalOutput {
  readonly result?: {
    readonly expressions: { readonly value: unknown; readonly text: string; readonly location: { readonly row: number; readonly col: number } }[];
    readonly bindings?: Record<string, unknown>;
  }[];
}

export function evaluateRego(opts: RegoEvalOptions): RegoEvalOutput {
  const sources = loadRegoSources(opts.dataPaths, opts.baseDir);
  const input: Value | undefined = opts.inputPath !== undefined ? readData(`${opts.baseDir}/${opts.inputPath}`, opts.inputPath) : undefined;
  const rows = withPolicyErrors(() => {
    const policy = Policy.compile({ modules: sources.modules, data: sources.data });
    return policy.prepare(opts.query).eval({ input, timeoutMs: opts.timeoutMs, strictBuiltinErrors: opts.strictBuiltinErrors, print: opts.print });
  });
  if (rows.length === 0) return {};
  return {
    result: rows.map((r) => {
      const bindings = Object.fromEntries(Object.entries(r.bindings).map(([k, v]) => [k, toJson(v)]));
      return {
        expressions: r.expressions.map((e) => ({ value: toJson(e.value), text: e.text, location: e.location })),
        ...(Object.keys(bindings).length > 0 ? { bindings } : {}),
      };
    }),
  };
}

/** Runs engine work, turning the engine's errors into PolicyError (exit code 2). */
export function withPolicyErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RegoError) throw new PolicyError(e.message, e.code, { cause: e });
    throw e;
  }
}
