import type { ExitCode } from '../../core/errors.js';
import { ChainwardenError } from '../../core/errors.js';

/**
 * The issue tracker refused or failed a request: bad token, unknown repository or issue, a rejected field, rate
 * limits that did not reset within the wait budget, a server error. The message names the repository and issue.
 */
export class TrackerError extends ChainwardenError {
  constructor(
    message: string,
    exitCode: ExitCode,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super('TRACKER_FAILED', message, exitCode, options);
    this.name = 'TrackerError';
  }
}
