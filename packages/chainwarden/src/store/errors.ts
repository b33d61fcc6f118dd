import type { InputLocation } from '../core/errors.js';
import { ChainwardenError, ExitCode, InputError } from '../core/errors.js';

/** A store index (or a key in it) that cannot be trusted: malformed, or pointing outside the store root. */
export class StoreIndexError extends InputError {
  constructor(message: string, location: InputLocation, options?: { cause?: unknown }) {
    super(message, location, { cause: options?.cause, code: 'STORE_INVALID' });
  }
}

export type StoreErrorCode = 'STORE_INVALID' | 'STORE_NOT_FOUND' | 'STORE_CONFLICT' | 'STORE_TAMPERED' | 'STORE_BUSY';

const STORE_EXIT: Readonly<Record<StoreErrorCode, ExitCode>> = {
  STORE_INVALID: ExitCode.badInput,
  STORE_NOT_FOUND: ExitCode.badInput,
  STORE_CONFLICT: ExitCode.badInput,
  STORE_TAMPERED: ExitCode.gateClosed,
  STORE_BUSY: ExitCode.internal,
};

/**
 * The store refuses a request: a key or release id escaping the store root (STORE_INVALID), a release or name it does
 * not hold (STORE_NOT_FOUND), a change to evidence that is on legal hold or already stored differently
 * (STORE_CONFLICT), stored bytes that no longer match their digest (STORE_TAMPERED, exit 1), or a lock it could not get in time (STORE_BUSY).
 */
export class StoreError extends ChainwardenError {
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, STORE_EXIT[code], options);
  }
}
