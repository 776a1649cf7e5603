import { describe, it, expect } from 'vitest';
import { DEFAULT_RETRY_POLICY } from './retry-policy.js';

describe('DEFAULT_RETRY_POLICY', () => {
  it.each([
    { field: 'maxAttempts', want: 5 },
    { field: 'maxElapsedMs', want: 120_000 },
    { field: 'baseDelayMs', want: 250 },
    { field: 'maxDelayMs', want: 30_000 },
    { field: 'minDelayMs', want: 100 },
    { field: 'retryStatuses', want: [408, 429, 502, 503, 504] },
    { field: 'maxRetryAfterMs', want: 60_000 },
  ] as const)('$field', ({ field, want }) => {
    expect(DEFAULT_RETRY_POLICY[field]).toEqual(want);
  });

  it('cannot be changed by accident, only overridden by spreading', () => {
    expect(Object.isFrozen(DEFAULT_RETRY_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RETRY_POLICY.retryStatuses)).toBe(true);
    expect({ ...DEFAULT_RETRY_POLICY, maxAttempts: 2 }.maxAttempts).toBe(2);
  });
});
