/** The graph builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const GRAPH_BUILTINS: readonly BuiltinDecl[] = [];
