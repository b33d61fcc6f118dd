/**
 * @chainwarden/rego: a Rego v1 policy engine (see issue 5). The engine lands in its own issue;
 * this module reserves the package and its public entry point.
 */
export const REGO_ENGINE_VERSION = '0.1.0';
