import { PortageError, type ErrorCode } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { decideOnExportFailure } from './decide-on-export-failure.js';
import { exportConflict } from './export-conflict.js';

const now = new Date('2026-11-23T12:00:00Z');
const error = (code: ErrorCode, context = {}) => new PortageError(code, 'x', { context });

describe('decideOnExportFailure', () => {
  it('an export conflict ends the job', () => {
    const conflict = exportConflict({ entity: 'customers', localKey: 'crm-1', externalId: 'rec_1', verdict: { conflict: true, reason: 'changed_since_sync' } });
    expect(decideOnExportFailure(conflict, { lastAttempt: false, now }).kind).toBe('conflict');
  });

  it('a rate limit reschedules at the reset time', () => {
    const waitUntil = new Date('2026-11-23T12:30:00Z');
    expect(decideOnExportFailure(error('RATE_LIMITED', { waitUntil }), { lastAttempt: false, now })).toMatchObject({ kind: 'reschedule', at: waitUntil });
  });

  it.each<[ErrorCode, string]>([
    ['VALIDATION_FAILED', 'dead_letter'],
    ['CONFIG_INVALID', 'dead_letter'],
    ['NOT_FOUND', 'dead_letter'],
    ['AUTH_INVALID', 'dead_letter'],
    ['UNKNOWN', 'dead_letter'],
    ['CONFLICT', 'retry'],
    ['TIMEOUT', 'retry'],
    ['UPSTREAM_UNAVAILABLE', 'retry'],
    ['NETWORK_ERROR', 'retry'],
  ])('%s -> %s', (code, kind) => {
    expect(decideOnExportFailure(error(code), { lastAttempt: false, now }).kind).toBe(kind);
  });
});
