/**
 * How long GitHub asks us to wait before retrying, from a response's status and headers, or undefined when the
 * response is not a rate limit. Primary limit: 403/429 with `x-ratelimit-remaining: 0` until `x-ratelimit-reset`
 * (epoch seconds). Secondary limit: `retry-after` (seconds); without it GitHub asks for at least a minute.
 */
export interface RateLimitWait {
  readonly kind: 'primary' | 'secondary';
  readonly waitMs: number;
  /** When the primary limit resets (ISO), for messages. */
  readonly resetAt?: string;
}

export function rateLimitWait(status: number, headers: Headers, message: string, nowMs: number): RateLimitWait | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && /^\d+$/u.test(retryAfter.trim())) return { kind: 'secondary', waitMs: Number(retryAfter.trim()) * 1000 };
  if (headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(headers.get('x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) {
      return { kind: 'primary', waitMs: Math.max(0, reset * 1000 - nowMs) + 1000, resetAt: new Date(reset * 1000).toISOString().replace(/\.\d{3}Z$/u, 'Z') };
    }
    return { kind: 'primary', waitMs: 60_000 };
  }
  if (status === 429 || /secondary rate limit|abuse/iu.test(message)) return { kind: 'secondary', waitMs: 60_000 };
  return undefined;
}
