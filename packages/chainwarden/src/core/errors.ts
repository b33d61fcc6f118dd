/**
 * Typed errors. Every error chainwarden raises on purpose is a ChainwardenError with a literal `code`;
 * the CLI (src/cli/main.ts) is the only place that maps them to messages and exit codes.
 */

/** Process exit codes, documented in the README. */
export const ExitCode = {
  ok: 0,
  gateClosed: 1,
  badInput: 2,
  internal: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type ChainwardenErrorCode =
  | 'USAGE'
  | 'CONFIG_INVALID'
  | 'INPUT_INVALID'
  | 'LOCKFILE_INVALID'
  | 'LOCKFILE_UNSUPPORTED'
  | 'LOCKFILE_DUPLICATE'
  | 'NO_LOCKFILE'
  | 'IO'
  | 'INTERNAL'
  | 'BUNDLE_INVALID'
  | 'KEY_INVALID'
  | 'KEY_PASSWORD'
  | 'TRUST_ROOT_INVALID'
  | 'TRUST_POLICY_INVALID'
  | 'SIGNING_FAILED'
  | 'POLICY_ERROR'
  | 'REGISTRY_UNAVAILABLE'
  | 'REGISTRY_MIGRATION'
  | 'REGISTRY_NOT_FOUND'
  | 'REGISTRY_CONFLICT'
  | 'SBOM_INVALID'
  | 'SIGNATURE_REJECTED'
  | 'ADVISORY_INVALID'
  | 'VEX_INVALID'
  | 'ARCHIVE_INVALID'
  | 'STORE_INVALID'
  | 'STORE_NOT_FOUND'
  | 'STORE_CONFLICT'
  | 'STORE_TAMPERED'
  | 'STORE_BUSY'
  | 'TRACKER_FAILED';

/** Where in an input file a problem was found: a line/column, a key path, or both. */
export interface InputLocation {
  /** Path of the file, as the user would recognise it (relative to the project when possible). */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Key path inside a structured document, e.g. `packages["node_modules/foo"].version`. */
  readonly path?: string;
}

export function formatLocation(loc: InputLocation): string {
  let out = loc.file;
  if (loc.line !== undefined) {
    out += `:${loc.line}`;
    if (loc.column !== undefined) out += `:${loc.column}`;
  }
  if (loc.path !== undefined && loc.path !== '') out += ` (at ${loc.path})`;
  return out;
}

export class ChainwardenError extends Error {
  readonly code: ChainwardenErrorCode;
  readonly exitCode: ExitCode;

  constructor(code: ChainwardenErrorCode, message: string, exitCode: ExitCode, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.exitCode = exitCode;
  }
}

/** Bad command-line usage: unknown option values, missing arguments, conflicting flags. */
export class UsageError extends ChainwardenError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('USAGE', message, ExitCode.badInput, options);
  }
}

/** `chainwarden.yaml` does not match its schema. */
export class ConfigError extends ChainwardenError {
  readonly location: InputLocation;
  constructor(message: string, location: InputLocation, options?: { cause?: unknown }) {
    super('CONFIG_INVALID', `${formatLocation(location)}: ${message}`, ExitCode.badInput, options);
    this.location = location;
  }
}

/** The codes an InputError may carry. */
export type InputErrorCode =
  | 'INPUT_INVALID'
  | 'LOCKFILE_INVALID'
  | 'LOCKFILE_UNSUPPORTED'
  | 'LOCKFILE_DUPLICATE'
  | 'BUNDLE_INVALID'
  | 'KEY_INVALID'
  | 'TRUST_ROOT_INVALID'
  | 'TRUST_POLICY_INVALID'
  | 'SBOM_INVALID'
  | 'ADVISORY_INVALID'
  | 'VEX_INVALID'
  | 'ARCHIVE_INVALID'
  | 'STORE_INVALID';

/** Any untrusted input that cannot be read as what it claims to be. */
export class InputError extends ChainwardenError {
  readonly location: InputLocation;
  constructor(
    message: string,
    location: InputLocation,
    options?: { cause?: unknown; code?: InputErrorCode },
  ) {
    super(options?.code ?? 'INPUT_INVALID', `${formatLocation(location)}: ${message}`, ExitCode.badInput, options);
    this.location = location;
  }
}

/** A lockfile is malformed, truncated, of an unknown version, or inconsistent. */
export class LockfileError extends InputError {
  constructor(
    message: string,
    location: InputLocation,
    options?: { cause?: unknown; code?: 'LOCKFILE_INVALID' | 'LOCKFILE_UNSUPPORTED' | 'LOCKFILE_DUPLICATE' },
  ) {
    super(message, location, { cause: options?.cause, code: options?.code ?? 'LOCKFILE_INVALID' });
  }
}

/** No supported lockfile was found in a project. */
export class NoLockfileError extends ChainwardenError {
  constructor(message: string) {
    super('NO_LOCKFILE', message, ExitCode.badInput);
  }
}

/** A file could not be read or written. */
export class IoError extends ChainwardenError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('IO', message, ExitCode.badInput, options);
  }
}

/** A private key cannot be decrypted: no password given, or the wrong one. Never carries the password. */
export class KeyPasswordError extends ChainwardenError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('KEY_PASSWORD', message, ExitCode.badInput, options);
  }
}

/** A signing service (Fulcio, Rekor, a timestamp authority, an OIDC token endpoint) failed or refused. */
export class SigningError extends ChainwardenError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('SIGNING_FAILED', message, ExitCode.internal, options);
  }
}

/** A Rego policy could not be parsed, compiled or evaluated (the engine's code, e.g. rego_parse_error, is kept). */
export class PolicyError extends ChainwardenError {
  constructor(
    message: string,
    readonly regoCode: string,
    options?: { cause?: unknown },
  ) {
    super('POLICY_ERROR', message, ExitCode.badInput, options);
    this.name = 'PolicyError';
  }
}

export type RegistryErrorCode = 'REGISTRY_UNAVAILABLE' | 'REGISTRY_MIGRATION' | 'REGISTRY_NOT_FOUND' | 'REGISTRY_CONFLICT';

const REGISTRY_EXIT: Readonly<Record<RegistryErrorCode, ExitCode>> = {
  REGISTRY_UNAVAILABLE: ExitCode.badInput,
  REGISTRY_MIGRATION: ExitCode.internal,
  REGISTRY_NOT_FOUND: ExitCode.badInput,
  REGISTRY_CONFLICT: ExitCode.badInput,
};

/** The registry database cannot be reached or migrated, or names something it does not hold. */
export class RegistryError extends ChainwardenError {
  constructor(code: RegistryErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, REGISTRY_EXIT[code], options);
    this.name = 'RegistryError';
  }
}

/** A supplier SBOM's signature did not verify against the supplier's trust policy (the gate is closed: exit 1). */
export class SignatureRejectedError extends ChainwardenError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('SIGNATURE_REJECTED', message, ExitCode.gateClosed, options);
    this.name = 'SignatureRejectedError';
  }
}
