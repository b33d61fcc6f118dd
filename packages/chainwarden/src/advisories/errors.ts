import type { InputLocation } from '../core/errors.js';
import { InputError } from '../core/errors.js';

/** An advisory record (OSV) that cannot be read: names the file (or archive entry) and the key path. */
export class AdvisoryError extends InputError {
  constructor(message: string, location: InputLocation, options?: { cause?: unknown }) {
    super(message, location, { cause: options?.cause, code: 'ADVISORY_INVALID' });
  }
}

/** A zip archive that is malformed or refused (entries escaping the target, absurd expansion). */
export class ArchiveError extends InputError {
  constructor(message: string, location: InputLocation, options?: { cause?: unknown }) {
    super(message, location, { cause: options?.cause, code: 'ARCHIVE_INVALID' });
  }
}
