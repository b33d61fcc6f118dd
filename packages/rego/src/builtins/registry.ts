/**
 * The builtin registry contract. A builtin is declared once with its name, its operand types and its
 * implementation over the value model (`../value/index.js`). The evaluator checks operand types from the
 * declaration before calling the implementation, so implementations may assume them.
 *
 * Conventions:
 * - return a Value, or `undefined` when the result is undefined (the expression then fails, no error);
 * - throw `BuiltinError` (eval_builtin_error) for failures on well-typed operands, with a message that starts
 *   with the builtin's name: `${name}: ...`; the helper `fail(name, msg)` does that;
 * - operand type errors are raised by the evaluator from `args` (eval_type_error:
 *   `name: operand 1 must be string but got number`); use `typeError(name, i, expected, got)` for deeper checks;
 * - never mutate an operand: values are shared (input and data are evaluated in place).
 */
import { BuiltinError, BuiltinTypeError } from '../errors.js';
import { kindOf } from '../value/kinds.js';
import type { Kind } from '../value/kinds.js';
import type { Value } from '../value/types.js';

/** An operand type: a kind, `any`, or a union of kinds. */
export type TypeSpec = Kind | 'any' | readonly Kind[];

export interface BuiltinContext {
  /** Nanoseconds since the epoch, fixed for one evaluation (time.now_ns). */
  readonly nowNs: bigint;
  /** Sink for `print`. */
  readonly print: (line: string) => void;
  /** A cache that lives for one evaluation (e.g. compiled regexes are cached globally instead). */
  readonly cache: Map<string, unknown>;
  /** Strict builtin errors (`strict_builtin_errors`): when false, builtin errors make the expression undefined. */
  readonly strictBuiltinErrors: boolean;
}

export type BuiltinImpl = (args: readonly Value[], ctx: BuiltinContext) => Value | undefined;

export interface BuiltinDecl {
  /** Dotted name: `count`, `strings.replace_n`, `time.now_ns`. */
  readonly name: string;
  /** One TypeSpec per operand; the call's arity is `args.length`. */
  readonly args: readonly TypeSpec[];
  readonly impl: BuiltinImpl;
  /** Infix operator spelling for the parser, if any (`+`, `==`, ...). */
  readonly infix?: string;
  /** True for builtins whose result may change between calls with the same operands (rand, time.now_ns). */
  readonly nondeterministic?: boolean;
  /** True when the builtin's result is used as a relation (walk): the implementation returns an array of results. */
  readonly relation?: boolean;
}

export class BuiltinRegistry {
  private readonly decls = new Map<string, BuiltinDecl>();
  register(...decls: readonly BuiltinDecl[]): this {
    for (const d of decls) this.decls.set(d.name, d);
    return this;
  }
  get(name: string): BuiltinDecl | undefined {
    return this.decls.get(name);
  }
  has(name: string): boolean {
    return this.decls.has(name);
  }
  names(): string[] {
    return [...this.decls.keys()].sort();
  }
  /** A copy, to which a host may add its own builtins without touching the defaults. */
  clone(): BuiltinRegistry {
    const r = new BuiltinRegistry();
    for (const d of this.decls.values()) r.register(d);
    return r;
  }
}

/** Checks operands against the declaration (the evaluator calls this). */
export function checkOperands(decl: BuiltinDecl, args: readonly Value[]): void {
  decl.args.forEach((spec, i) => {
    const v = args[i] as Value;
    if (!matches(spec, v)) throw typeError(decl.name, i + 1, spec, v);
  });
}

export function matches(spec: TypeSpec, v: Value): boolean {
  if (spec === 'any') return true;
  const k = kindOf(v);
  return typeof spec === 'string' ? spec === k : spec.includes(k);
}

export function describe(spec: TypeSpec): string {
  if (typeof spec === 'string') return spec;
  return `one of {${spec.join(', ')}}`;
}

export function typeError(name: string, operand: number, expected: TypeSpec | (string & {}), got: Value): BuiltinTypeError {
  const want = typeof expected === 'string' && !['any', 'null', 'boolean', 'number', 'string', 'array', 'object', 'set'].includes(expected) ? expected : describe(expected as TypeSpec);
  return new BuiltinTypeError(`${name}: operand ${operand} must be ${want} but got ${kindOf(got)}`);
}

export function fail(name: string, message: string, cause?: unknown): BuiltinError {
  return new BuiltinError(`${name}: ${message}`, undefined, cause === undefined ? undefined : { cause });
}
