/** The sets builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const SETS_BUILTINS: readonly BuiltinDecl[] = [];
