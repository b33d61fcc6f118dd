import assert from 'node:assert/strict';
import { defaultBuiltins } from '../../src/index.js';
import type { BuiltinContext, Value } from '../../src/index.js';

const registry = defaultBuiltins();

/** A fixed evaluation context for unit tests of builtins: clock at 0, strict builtin errors. */
export const BUILTIN_CTX: BuiltinContext = { nowNs: 0n, print: () => undefined, cache: new Map(), strictBuiltinErrors: true };

/** Calls a registered builtin directly (operand type checks are the evaluator's job, not exercised here). */
export function callBuiltin(name: string, ...args: Value[]): Value | undefined {
  const decl = registry.get(name);
  assert.ok(decl, `builtin ${name} is registered`);
  return decl.impl(args, BUILTIN_CTX);
}
