/** The regex builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const REGEX_BUILTINS: readonly BuiltinDecl[] = [];
