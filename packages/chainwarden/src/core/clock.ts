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

/** Overrides the current time for retention decisions (tests, "what would expire on …" audits). */
export const NOW_ENV = 'CHAINWARDEN_NOW';

/**
 * The current time: `CHAINWARDEN_NOW` (ISO 8601, or whole seconds since the epoch) when set, otherwise the system
 * clock. Unlike SOURCE_DATE_EPOCH (the source's date, for reproducible output) this is when something happens.
 */
export function currentTime(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env[NOW_ENV];
  if (raw === undefined || raw === '') return new Date();
  const date = /^\d+$/.test(raw) ? new Date(Number(raw) * 1000) : new Date(raw);
  if (Number.isNaN(date.getTime()) || !/^\d+$|^\d{4}-\d{2}-\d{2}/.test(raw)) throw new UsageError(`${NOW_ENV} must be an ISO 8601 date or whole seconds since the epoch, got "${raw}"`);
  return date;
}
