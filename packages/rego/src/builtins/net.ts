/** The net builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const NET_BUILTINS: readonly BuiltinDecl[] = [];
