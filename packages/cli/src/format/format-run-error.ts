import type { RunError } from '@portage/persist';
import { messageWithoutCode } from '../errors/message-without-code.js';

/**
 * Pure: a stored run error as `CODE (action): message`.
 *
 * @example formatRunError({ code: 'AUTH_INVALID', action: 'alert_customer', message: 'AUTH_INVALID: GET /c answered 401', at }); // 'AUTH_INVALID (alert_customer): GET /c answered 401'
 */
export function formatRunError(error: Pick<RunError, 'code' | 'action' | 'message'>): string {
  return `${error.code} (${error.action}): ${messageWithoutCode(error.message, error.code)}`;
}
