import { isPortageError, PortageError } from '@portage/core';
import type { RunError } from '@portage/persist';

/** What the worker does with a failed sync job. */
export type FailureDecision =
  | { kind: 'reschedule'; at: Date; reason: string }
  | { kind: 'give_up'; reason: string }
  | { kind: 'retry'; reason: string };

/**
 * Pure: decides by the error's universal code. A rate limit waits for the platform's reset
 * without spending a retry; errors a retry cannot fix (credentials, configuration, mappings)
 * stop at once; the rest retry. What it does to the connection's health is `nextHealth`'s call.
 *
 * @example decideOnFailure(rateLimited, { lastAttempt: false }) // { kind: 'reschedule', at: ... }
 */
export function decideOnFailure(error: unknown, attempt: { lastAttempt: boolean; now: Date }): FailureDecision {
  const portage = isPortageError(error) ? error : new PortageError('UNKNOWN', String((error as Error)?.message ?? error), { cause: error });
  switch (portage.action) {
    case 'wait_until': {
      const at = portage.context.waitUntil instanceof Date ? portage.context.waitUntil : new Date(attempt.now.getTime() + 60_000);
      return { kind: 'reschedule', at, reason: `rate limited until ${at.toISOString()}` };
    }
    case 'alert_customer':
      // Fencing found another worker on the same sync: that one carries on.
      if (portage.code === 'CONFLICT') return { kind: 'give_up', reason: 'another worker took over this sync' };
      if (portage.code === 'AUTH_INVALID') return { kind: 'give_up', reason: 'credentials rejected: the customer must reconnect' };
      if (portage.code === 'PERMISSION_DENIED') return { kind: 'give_up', reason: 'permission denied: the customer must grant access' };
      break;
    case 'fix_config':
      return { kind: 'give_up', reason: `configuration problem (${portage.code}): fix it, then replay the job` };
    default:
      break;
  }
  return { kind: 'retry', reason: attempt.lastAttempt ? `${portage.code}: retries spent, to the dead-letter queue` : `${portage.code}: will retry` };
}

/**
 * Pure: the error a failed job records on its run, with what support needs to follow it up:
 * the platform's tracking id, its own message and code, the HTTP status, and when a rate limit
 * resets. Context from the fetch client is already redacted; nothing else of it is copied.
 *
 * @example runErrorOf(error, new Date()) // { code: 'UPSTREAM_UNAVAILABLE', action: 'retry', message, at, trackingId: 'req_1', status: 503 }
 */
export function runErrorOf(error: PortageError, at: Date): RunError {
  const { trackingId, platformMessage, platformCode, status, waitUntil } = error.context;
  return {
    code: error.code,
    action: error.action,
    message: error.message,
    at: at.toISOString(),
    ...(typeof trackingId === 'string' ? { trackingId } : {}),
    ...(typeof platformMessage === 'string' ? { platformMessage } : {}),
    ...(typeof platformCode === 'string' ? { platformCode } : {}),
    ...(typeof status === 'number' ? { status } : {}),
    ...(waitUntil instanceof Date ? { waitUntil: waitUntil.toISOString() } : {}),
  };
}
