import { isPortageError, PortageError } from '@portage/core';
import { isExportConflict } from './export-conflict.js';

/**
 * What the export worker does with a failed export: `conflict` ends the job (the link holds the
 * conflict for the caller to resolve), `reschedule` waits for a rate limit's reset without
 * spending a retry, `dead_letter` parks an export a retry cannot fix (replayable once fixed),
 * `retry` lets the queue try again (the last failure goes to the dead-letter queue).
 *
 * @example decideOnExportFailure(error, { lastAttempt: false, now: new Date() }).kind; // 'retry'
 */
export type ExportFailureDecision =
  | { kind: 'conflict'; reason: string }
  | { kind: 'reschedule'; at: Date; reason: string }
  | { kind: 'dead_letter'; reason: string }
  | { kind: 'retry'; reason: string };

/**
 * Pure: decides by the error's universal code and action.
 *
 * @example decideOnExportFailure(new PortageError('VALIDATION_FAILED', 'bad email'), { lastAttempt: false, now }); // { kind: 'dead_letter', ... }
 */
export function decideOnExportFailure(error: unknown, attempt: { lastAttempt: boolean; now: Date }): ExportFailureDecision {
  if (isExportConflict(error)) return { kind: 'conflict', reason: 'the platform changed the record since the last sync: resolve the conflict' };
  const portage = isPortageError(error) ? error : new PortageError('UNKNOWN', String((error as Error)?.message ?? error), { cause: error });
  switch (portage.action) {
    case 'wait_until': {
      const at = portage.context.waitUntil instanceof Date ? portage.context.waitUntil : new Date(attempt.now.getTime() + 60_000);
      return { kind: 'reschedule', at, reason: `rate limited until ${at.toISOString()}` };
    }
    case 'fix_config':
    case 'reauthorize':
    case 'ignore_record':
      return { kind: 'dead_letter', reason: `${portage.code}: a retry cannot fix this; fix it, then replay the export` };
    case 'alert_customer':
      // A platform's own 409 (e.g. a concurrent request with the same idempotency key) passes.
      if (portage.code === 'CONFLICT') break;
      return { kind: 'dead_letter', reason: `${portage.code}: needs the customer or an operator; replay the export afterwards` };
    default:
      break;
  }
  return { kind: 'retry', reason: attempt.lastAttempt ? `${portage.code}: retries spent, to the dead-letter queue` : `${portage.code}: will retry` };
}
