/** The time builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const TIME_BUILTINS: readonly BuiltinDecl[] = [];
