/** The objects builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const OBJECTS_BUILTINS: readonly BuiltinDecl[] = [];
