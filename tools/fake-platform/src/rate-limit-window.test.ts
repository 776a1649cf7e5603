import { describe, expect, it } from 'vitest';
import { createRateLimitWindow } from './rate-limit-window.js';

const T0 = 1_800_000_000_000;

describe('createRateLimitWindow', () => {
  it('lets `requests` through per window, then refuses until the window ends', () => {
    // The window ends at T0 + 2.5 s; X-RateLimit-Reset rounds that up to whole epoch seconds.
    const window = createRateLimitWindow({ requests: 2, intervalMs: 2_500 });
    expect(window.take(T0)).toEqual({
      allowed: true,
      headers: { 'x-ratelimit-limit': '2', 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': '1800000003' },
    });
    expect(window.take(T0 + 10).headers['x-ratelimit-remaining']).toBe('0');
    const refused = window.take(T0 + 100);
    expect(refused.allowed).toBe(false);
    // 2.4 s left: Retry-After rounds up to whole seconds.
    expect(refused.headers['retry-after']).toBe('3');
    expect(window.take(T0 + 2_499).headers['retry-after']).toBe('1');
    const reopened = window.take(T0 + 2_500);
    expect(reopened.allowed).toBe(true);
    expect(reopened.headers['x-ratelimit-remaining']).toBe('1');
    expect(reopened.headers['retry-after']).toBeUndefined();
  });

  it('never asks for less than one second', () => {
    const window = createRateLimitWindow({ requests: 1, intervalMs: 50 });
    window.take(T0);
    expect(window.take(T0 + 49).headers['retry-after']).toBe('1');
  });

  it('rejects a limit that could never let a request through', () => {
    expect(() => createRateLimitWindow({ requests: 0, intervalMs: 1000 })).toThrow(RangeError);
    expect(() => createRateLimitWindow({ requests: 1, intervalMs: 0 })).toThrow(RangeError);
  });
});
