import { describe, expect, it } from 'vitest';
import { whatToDo } from './what-to-do.js';

describe('whatToDo', () => {
  it.each([
    ['AUTH_INVALID', 'alert_customer', 'Re-authenticate'],
    ['AUTH_EXPIRED', 'reauthorize', 'Re-authenticate'],
    ['RATE_LIMITED', 'wait_until', 'Wait for the platform'],
    ['UPSTREAM_UNAVAILABLE', 'retry', 'Wait for the platform'],
    ['CONFIG_INVALID', 'fix_config', 'Fix the configuration'],
    ['VALIDATION_FAILED', 'fix_config', 'Fix the configuration'],
    ['PERMISSION_DENIED', 'alert_customer', 'Ask the customer for access'],
    ['NOT_FOUND', 'ignore_record', 'Nothing to do'],
    ['UNKNOWN', 'alert_customer', 'Investigate'],
  ])('%s -> %s', (code, action, title) => {
    expect(whatToDo({ code, action }).title).toBe(title);
  });

  it('a code this version does not know falls back to its action, then to investigating', () => {
    expect(whatToDo({ code: 'QUOTA_GONE', action: 'wait_until' }).title).toBe('Wait for the platform');
    expect(whatToDo({ code: 'QUOTA_GONE', action: 'shrug' }).title).toBe('Investigate');
    expect(whatToDo({}).title).toBe('Investigate');
  });

  it('a rate limit with a reset time says when', () => {
    expect(whatToDo({ code: 'RATE_LIMITED', action: 'wait_until', waitUntil: '2026-11-23T13:00:00.000Z' }).detail).toContain('until 2026-11-23T13:00:00.000Z');
  });
});
