import type { ErrorCode } from '@portage/core';
import type { ConnectionHealth } from '@portage/persist';

/** What just happened to a connection. */
export type HealthEvent =
  | { kind: 'sync_succeeded' }
  | { kind: 'sync_failed'; code: ErrorCode; retriesSpent: boolean }
  | { kind: 'reconnected' }
  | { kind: 'disabled' }
  | { kind: 'enabled' };

/**
 * The connection health state machine. `disabled` is an operator's decision and only
 * `enabled` leaves it; `needs_reauth` is left only by new credentials or a sync that works
 * again; a failure that retrying may still fix changes nothing until retries are spent.
 *
 * @example nextHealth('healthy', { kind: 'sync_failed', code: 'AUTH_INVALID', retriesSpent: false }) // 'needs_reauth'
 */
export function nextHealth(current: ConnectionHealth, event: HealthEvent): ConnectionHealth {
  if (current === 'disabled') return event.kind === 'enabled' ? 'healthy' : 'disabled';
  switch (event.kind) {
    case 'disabled':
      return 'disabled';
    case 'enabled':
      return current;
    case 'reconnected':
    case 'sync_succeeded':
      return 'healthy';
    case 'sync_failed':
      if (event.code === 'AUTH_INVALID') return 'needs_reauth';
      if (current === 'needs_reauth') return 'needs_reauth';
      if (event.code === 'PERMISSION_DENIED') return 'degraded';
      return event.retriesSpent ? 'degraded' : current;
  }
}

/** Whether sync jobs should run for a connection in this state (they would only fail). */
export function canSync(health: ConnectionHealth): boolean {
  return health === 'healthy' || health === 'degraded';
}
