/** The semver builtin family (see .tmp/rego-builtins-contract.md). */
import type { BuiltinDecl } from './registry.js';

export const SEMVER_BUILTINS: readonly BuiltinDecl[] = [];
