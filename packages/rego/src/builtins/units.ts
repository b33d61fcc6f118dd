/** The units builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const UNITS_BUILTINS: readonly BuiltinDecl[] = [];
