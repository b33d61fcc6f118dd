/** Typed errors, with OPA's codes. */
export type RegoErrorCode =
  | 'rego_parse_error'
  | 'rego_compile_error'
  | 'rego_type_error'
  | 'rego_unsafe_var_error'
  | 'rego_recursion_error'
  | 'eval_conflict_error'
  | 'eval_type_error'
  | 'eval_builtin_error'
  | 'eval_cancel_error'
  | 'eval_recursion_error'
  | 'eval_internal_error';

export interface Location {
  readonly file: string;
  readonly row: number;
  readonly col: number;
}

/** Parse errors name file:line:col; other errors file:line, as OPA prints them. */
function formatLocation(code: RegoErrorCode, l: Location): string {
  return code === 'rego_parse_error' ? `${l.file}:${l.row}:${l.col}` : `${l.file}:${l.row}`;
}

export class RegoError extends Error {
  constructor(
    readonly code: RegoErrorCode,
    message: string,
    readonly location?: Location,
    options?: { cause?: unknown },
  ) {
    super(location ? `${formatLocation(code, location)}: ${code}: ${message}` : `${code}: ${message}`, options);
    this.name = 'RegoError';
  }
  /** The message without the location and code prefix. */
  get detail(): string {
    const i = this.message.indexOf(`${this.code}: `);
    return i < 0 ? this.message : this.message.slice(i + this.code.length + 2);
  }
}

/** A builtin got an operand of the wrong type (eval_type_error). */
export class BuiltinTypeError extends RegoError {
  constructor(message: string, location?: Location) {
    super('eval_type_error', message, location);
    this.name = 'BuiltinTypeError';
  }
}

/** A builtin failed on well-typed operands (eval_builtin_error). */
export class BuiltinError extends RegoError {
  constructor(message: string, location?: Location, options?: { cause?: unknown }) {
    super('eval_builtin_error', message, location, options);
    this.name = 'BuiltinError';
  }
}

/** Errors raised by several rules or functions producing different values (eval_conflict_error). */
export class ConflictError extends RegoError {
  constructor(message: string, location?: Location) {
    super('eval_conflict_error', message, location);
    this.name = 'ConflictError';
  }
}
