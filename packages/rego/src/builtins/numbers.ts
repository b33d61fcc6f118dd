/** The numbers builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const NUMBERS_BUILTINS: readonly BuiltinDecl[] = [];
