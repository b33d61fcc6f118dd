import type { InputLocation } from '../core/errors.js';
import { InputError, RegistryError } from '../core/errors.js';

/** A KEV catalog or EPSS file that cannot be read: names the file and the line (or key path). Nothing is stored. */
export class ThreatFeedError extends InputError {
  constructor(message: string, location: InputLocation, options?: { cause?: unknown }) {
    super(message, location, { cause: options?.cause, code: 'INPUT_INVALID' });
    this.name = 'ThreatFeedError';
  }
}

/**
 * A backlog or risk update made against a stale view (`--expect-status`, `--expect-revision` no longer true), or a
 * change the entry's state does not allow. Nothing is changed (exit 2).
 */
export class RemediationConflictError extends RegistryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('REGISTRY_CONFLICT', message, options);
    this.name = 'RemediationConflictError';
  }
}
