/** The crypto builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const CRYPTO_BUILTINS: readonly BuiltinDecl[] = [];
