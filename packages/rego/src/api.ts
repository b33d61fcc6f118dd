/** The public API: compile modules and data once, prepare a query once, evaluate it many times. */
import { defaultBuiltins } from './builtins/index.js';
import { compileModules, compileQuery } from './compile/compiler.js';
import { RegoError } from './errors.js';
import { Evaluator } from './eval/evaluator.js';
import { parseModule, parseQuery } from './syntax/parser.js';
import { topVars } from './compile/vars.js';
import type { BuiltinDecl, BuiltinRegistry } from './builtins/registry.js';
import type { CompiledPolicy } from './compile/compiler.js';
import type { Body, Literal, Module, Term } from './syntax/ast.js';
import type { Value } from './value/types.js';

export interface ModuleSource {
  /** File name used in error locations. */
  readonly file: string;
  readonly text: string;
}

export interface PolicyOptions {
  readonly modules: readonly ModuleSource[];
  /** Base documents (`data`), a Value (plain JSON values are Values). */
  readonly data?: Value;
  /** Host functions added to the default builtins (e.g. chainwarden's purl.parse). */
  readonly builtins?: readonly BuiltinDecl[];
}

export interface EvalRequest {
  readonly input?: Value;
  /** Builtin errors become evaluation errors instead of undefined results. */
  readonly strictBuiltinErrors?: boolean;
  /** Time limit in milliseconds. */
  readonly timeoutMs?: number;
  /** Sink for `print` output. */
  readonly print?: (line: string) => void;
  /** Fixed time for time.now_ns, in nanoseconds since the epoch. */
  readonly nowNs?: bigint;
}

/** One solution of a query, shaped like OPA's result: expression values and variable bindings. */
export interface QueryResult {
  readonly expressions: readonly { readonly value: Value; readonly text: string; readonly location: { readonly row: number; readonly col: number } }[];
  readonly bindings: Readonly<Record<string, Value>>;
}

/** A policy nested deeper than the stack allows is an error of the policy, not a crash. */
function tooDeep<T>(code: 'rego_parse_error' | 'rego_compile_error', file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError) throw new RegoError(code, `${file}: policy nested too deeply`, undefined, { cause: e });
    throw e;
  }
}

function offsetOf(lines: readonly string[], row: number, col: number): number {
  let off = 0;
  for (let i = 0; i < row - 1; i++) off += (lines[i] as string).length + 1;
  return off + col - 1;
}

export class Policy {
  private constructor(
    readonly compiled: CompiledPolicy,
    readonly builtins: BuiltinRegistry,
    readonly data: Value,
  ) {}

  static compile(opts: PolicyOptions): Policy {
    const builtins = defaultBuiltins();
    if (opts.builtins) builtins.register(...opts.builtins);
    const modules: Module[] = opts.modules.map((m) => tooDeep('rego_parse_error', m.file, () => parseModule(m.text, m.file)));
    const compiled = tooDeep('rego_compile_error', opts.modules[0]?.file ?? 'policy', () => compileModules(modules, builtins));
    return new Policy(compiled, builtins, opts.data ?? {});
  }

  prepare(query: string): PreparedQuery {
    const body = parseQuery(query, 'query');
    // Like OPA: a lone, non-iterating query expression reports its value even when it is false (`data.q.allow`
    // → false, `1 == 2` → false); with several expressions or iteration, a false expression fails the query.
    const checkCapture = body.length > 1 || body.some((l) => iterates(l));
    const captured = body.map((l, i) => (l.expr.type === 'term' && !l.negated ? { ...l, capture: `$expr${i}`, checkCapture } : l));
    return new PreparedQuery(this, query, body, compileQuery(captured, this.compiled, this.builtins));
  }
}

export class PreparedQuery {
  private readonly outputs: string[];
  private readonly captures: string[];
  constructor(
    private readonly policy: Policy,
    private readonly text: string,
    private readonly parsed: Body,
    private readonly body: Literal[],
  ) {
    const vars = new Set<string>();
    for (const l of parsed) {
      const e = l.expr;
      if (e.type === 'term') topVars(e.term, vars);
      else if (e.type === 'unify') {
        topVars(e.left, vars);
        topVars(e.right, vars);
      } else if (e.type === 'some') for (const v of e.vars) vars.add(v.name);
      else if (e.type === 'somein') {
        if (e.key) topVars(e.key, vars);
        topVars(e.value, vars);
        topVars(e.domain, vars);
      }
    }
    this.outputs = [...vars].filter((v) => !v.startsWith('$') && v !== 'data' && v !== 'input');
    this.captures = parsed.map((_, i) => `$expr${i}`);
  }

  eval(req: EvalRequest = {}): QueryResult[] {
    const ev = new Evaluator(this.policy.compiled, this.policy.builtins, {
      input: req.input,
      data: this.policy.data,
      strictBuiltinErrors: req.strictBuiltinErrors ?? false,
      print: req.print ?? (() => undefined),
      nowNs: req.nowNs ?? BigInt(Date.now()) * 1_000_000n,
      deadline: req.timeoutMs !== undefined ? performance.now() + req.timeoutMs : Infinity,
      timeoutMs: req.timeoutMs,
      maxDepth: 5000,
    });
    let rows: Map<string, Value>[];
    try {
      rows = ev.query(this.body, [...this.outputs, ...this.captures]);
    } catch (e) {
      if (e instanceof RangeError) throw new RegoError('eval_recursion_error', 'evaluation too deep (stack exhausted)', undefined, { cause: e });
      throw e;
    }
    const lines = this.text.split('\n');
    const texts = this.parsed.map((l, i) => {
      const next = this.parsed[i + 1];
      const start = offsetOf(lines, l.loc.row, l.loc.col);
      const end = next ? offsetOf(lines, next.loc.row, next.loc.col) : this.text.length;
      return this.text.slice(start, end).replace(/[;\s]+$/, '');
    });
    return rows.map((row) => {
      const bindings: Record<string, Value> = {};
      for (const v of this.outputs) {
        const x = row.get(v);
        if (x !== undefined) bindings[v] = x;
      }
      return {
        expressions: this.parsed.map((l, i) => ({ value: row.get(`$expr${i}`) ?? true, text: texts[i] as string, location: { row: l.loc.row, col: l.loc.col } })),
        bindings,
      };
    });
  }
}

/** True when a query literal iterates: a reference with a variable after its head, or a comprehension. */
function iterates(l: Literal): boolean {
  const walk = (t: Term): boolean => {
    switch (t.type) {
      case 'ref':
        return t.path.some((p) => p.type === 'var' || walk(p)) || walk(t.head);
      case 'array':
      case 'set':
        return t.items.some(walk);
      case 'object':
        return t.entries.some(([k, v]) => walk(k) || walk(v));
      case 'call':
        return t.args.some(walk);
      case 'arraycompr':
      case 'setcompr':
      case 'objectcompr':
        return true;
      default:
        return false;
    }
  };
  const e = l.expr;
  if (e.type === 'term') return walk(e.term);
  if (e.type === 'unify') return walk(e.left) || walk(e.right);
  return true;
}
