/** The arrays builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const ARRAYS_BUILTINS: readonly BuiltinDecl[] = [];
