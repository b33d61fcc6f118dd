/** The strings builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const STRINGS_BUILTINS: readonly BuiltinDecl[] = [];
