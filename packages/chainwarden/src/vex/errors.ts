import type { InputLocation } from '../core/errors.js';
import { InputError } from '../core/errors.js';

/** A VEX document that cannot be read as any supported format; names the file and the place. */
export class VexError extends InputError {
  constructor(message: string, location: InputLocation, options?: { cause?: unknown }) {
    super(message, location, { cause: options?.cause, code: 'VEX_INVALID' });
  }
}
