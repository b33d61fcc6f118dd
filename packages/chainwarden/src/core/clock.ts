import { UsageError } from './errors.js';

/**
 * The build timestamp for reproducible output: `SOURCE_DATE_EPOCH` (seconds since the epoch) when set,
 * otherwise undefined (callers omit the timestamp rather than invent one).
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): Date | undefined {
  const raw = env['SOURCE_DATE_EPOCH'];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${raw}"`);
  }
  return new Date(Number(raw) * 1000);
}

/** ISO 8601 in UTC without milliseconds, e.g. 2024-01-02T03:04:05Z. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
