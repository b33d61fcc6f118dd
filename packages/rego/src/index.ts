/** @chainwarden/rego: a Rego v1 policy engine. */
export const REGO_ENGINE_VERSION = '0.1.0';
export { Policy, PreparedQuery } from './api.js';
export type { EvalRequest, ModuleSource, PolicyOptions, QueryResult } from './api.js';
export { RegoError, BuiltinError, BuiltinTypeError, ConflictError } from './errors.js';
export type { Location, RegoErrorCode } from './errors.js';
export { BuiltinRegistry, fail, typeError } from './builtins/registry.js';
export type { BuiltinContext, BuiltinDecl, BuiltinImpl, TypeSpec } from './builtins/registry.js';
export { defaultBuiltins } from './builtins/index.js';
export { parseModule, parseQuery } from './syntax/parser.js';
export * from './value/index.js';
