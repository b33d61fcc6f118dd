/** The uuid builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const UUID_BUILTINS: readonly BuiltinDecl[] = [];
