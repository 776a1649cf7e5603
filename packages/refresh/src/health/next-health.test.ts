import { describe, expect, it } from 'vitest';
import type { ConnectionHealth } from '@portage/persist';
import { canSync, nextHealth, type HealthEvent } from './next-health.js';

const failed = (code: 'AUTH_INVALID' | 'PERMISSION_DENIED' | 'UPSTREAM_UNAVAILABLE', retriesSpent = false): HealthEvent => ({ kind: 'sync_failed', code, retriesSpent });

describe('nextHealth', () => {
  it.each<[ConnectionHealth, HealthEvent, ConnectionHealth]>([
    ['healthy', { kind: 'sync_succeeded' }, 'healthy'],
    ['degraded', { kind: 'sync_succeeded' }, 'healthy'],
    ['needs_reauth', { kind: 'sync_succeeded' }, 'healthy'],
    ['healthy', failed('AUTH_INVALID'), 'needs_reauth'],
    ['degraded', failed('AUTH_INVALID'), 'needs_reauth'],
    ['healthy', failed('PERMISSION_DENIED'), 'degraded'],
    ['healthy', failed('UPSTREAM_UNAVAILABLE'), 'healthy'],
    ['healthy', failed('UPSTREAM_UNAVAILABLE', true), 'degraded'],
    ['needs_reauth', failed('UPSTREAM_UNAVAILABLE', true), 'needs_reauth'],
    ['needs_reauth', { kind: 'reconnected' }, 'healthy'],
    ['healthy', { kind: 'disabled' }, 'disabled'],
    ['disabled', { kind: 'sync_succeeded' }, 'disabled'],
    ['disabled', { kind: 'reconnected' }, 'disabled'],
    ['disabled', { kind: 'enabled' }, 'healthy'],
    ['degraded', { kind: 'enabled' }, 'degraded'],
  ])('%s + %j -> %s', (current, event, want) => {
    expect(nextHealth(current, event)).toBe(want);
  });

  it.each<[ConnectionHealth, boolean]>([
    ['healthy', true],
    ['degraded', true],
    ['needs_reauth', false],
    ['disabled', false],
  ])('canSync(%s) = %s', (health, want) => {
    expect(canSync(health)).toBe(want);
  });
});
