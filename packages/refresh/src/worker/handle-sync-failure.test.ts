import { PortageError, type ErrorCode } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { decideOnFailure, runErrorOf } from './handle-sync-failure.js';

const now = new Date('2026-11-23T12:00:00Z');
const error = (code: ErrorCode, context = {}) => new PortageError(code, 'x', { context });

describe('decideOnFailure', () => {
  it('a rate limit reschedules at the reset time without spending a retry', () => {
    const waitUntil = new Date('2026-11-23T12:30:00Z');
    expect(decideOnFailure(error('RATE_LIMITED', { waitUntil }), { lastAttempt: true, now })).toMatchObject({ kind: 'reschedule', at: waitUntil });
  });

  it('a rate limit without a reset time waits a minute', () => {
    const decision = decideOnFailure(error('RATE_LIMITED'), { lastAttempt: false, now });
    expect(decision).toMatchObject({ kind: 'reschedule', at: new Date('2026-11-23T12:01:00Z') });
  });

  it.each<[ErrorCode, string]>([
    ['AUTH_INVALID', 'give_up'],
    ['PERMISSION_DENIED', 'give_up'],
    ['CONFLICT', 'give_up'],
    ['CONFIG_INVALID', 'give_up'],
    ['VALIDATION_FAILED', 'give_up'],
    ['UPSTREAM_UNAVAILABLE', 'retry'],
    ['NETWORK_ERROR', 'retry'],
    ['MALFORMED_RESPONSE', 'retry'],
  ])('%s -> %s', (code, kind) => {
    expect(decideOnFailure(error(code), { lastAttempt: false, now }).kind).toBe(kind);
  });

  it('the last failed attempt still retries: pg-boss moves it to the dead-letter queue', () => {
    expect(decideOnFailure(error('UPSTREAM_UNAVAILABLE'), { lastAttempt: true, now })).toMatchObject({ kind: 'retry', reason: expect.stringContaining('dead-letter') });
  });

  it('a plain Error is treated as UNKNOWN and retried', () => {
    expect(decideOnFailure(new Error('boom'), { lastAttempt: false, now }).kind).toBe('retry');
  });
});

describe('runErrorOf', () => {
  it('keeps what support needs from the context: tracking id, platform message and code, status, reset time', () => {
    const waitUntil = new Date('2026-11-23T12:30:00Z');
    const failure = new PortageError('RATE_LIMITED', 'GET /orders answered 429', {
      context: { status: 429, trackingId: 'req_42', platformMessage: 'slow down', platformCode: 'rate_limit', waitUntil, url: 'https://x/orders', attempts: 3 },
    });
    expect(runErrorOf(failure, now)).toEqual({
      code: 'RATE_LIMITED',
      action: 'wait_until',
      message: failure.message,
      at: now.toISOString(),
      status: 429,
      trackingId: 'req_42',
      platformMessage: 'slow down',
      platformCode: 'rate_limit',
      waitUntil: waitUntil.toISOString(),
    });
  });

  it('an error without context is code, action, message and time', () => {
    expect(Object.keys(runErrorOf(error('CONFIG_INVALID'), now)).sort()).toEqual(['action', 'at', 'code', 'message']);
  });
});
