/** How many requests the platform answers per interval before it answers 429. */
export interface RateLimit {
  requests: number;
  intervalMs: number;
}

/** Whether one request may go ahead, and the headers that tell the client about its quota. */
export interface RateLimitDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

/**
 * A fixed window, as GitHub and many others count: it opens at the first request, lets
 * `requests` through, refuses the rest with `Retry-After` (whole seconds, at least 1) until
 * `intervalMs` after it opened, then the next request opens a new one. Refused requests do
 * not use quota. `X-RateLimit-Reset` is the window's end in epoch seconds (GitHub's form).
 *
 * @example
 * const window = createRateLimitWindow({ requests: 2, intervalMs: 1000 });
 * window.take(0).allowed; window.take(1).allowed; // true, true
 * window.take(2).headers['retry-after']; // '1'
 */
export function createRateLimitWindow(limit: RateLimit): { take(now: number): RateLimitDecision } {
  if (!Number.isInteger(limit.requests) || limit.requests < 1 || !(limit.intervalMs > 0)) {
    throw new RangeError(`rateLimit needs requests >= 1 and intervalMs > 0, got ${JSON.stringify(limit)}`);
  }
  let opened = -Infinity;
  let used = 0;
  return {
    take(now) {
      if (now >= opened + limit.intervalMs) {
        opened = now;
        used = 0;
      }
      const resetsAt = opened + limit.intervalMs;
      const allowed = used < limit.requests;
      if (allowed) used++;
      const headers: Record<string, string> = {
        'x-ratelimit-limit': String(limit.requests),
        'x-ratelimit-remaining': String(limit.requests - used),
        'x-ratelimit-reset': String(Math.ceil(resetsAt / 1000)),
      };
      if (!allowed) headers['retry-after'] = String(Math.max(1, Math.ceil((resetsAt - now) / 1000)));
      return { allowed, headers };
    },
  };
}
