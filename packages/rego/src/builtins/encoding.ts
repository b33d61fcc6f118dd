/** The encoding builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const ENCODING_BUILTINS: readonly BuiltinDecl[] = [];
