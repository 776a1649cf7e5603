/**
 * What the caller should do about an error. Stable: stored with sync runs and shown to
 * support teams, so values are only ever added.
 */
export type ErrorAction =
  | 'retry'
  | 'wait_until'
  | 'reauthorize'
  | 'fix_config'
  | 'alert_customer'
  | 'ignore_record';

/** Universal error codes every platform error is mapped to. */
export const ERROR_CODES = {
  RATE_LIMITED: { action: 'wait_until', hint: 'wait until the platform says the limit resets' },
  AUTH_EXPIRED: { action: 'reauthorize', hint: 'refresh the access token, then retry' },
  AUTH_INVALID: { action: 'alert_customer', hint: 'ask the customer to reconnect the account' },
  PERMISSION_DENIED: { action: 'alert_customer', hint: 'ask the customer to grant the missing scope' },
  NOT_FOUND: { action: 'ignore_record', hint: 'the record no longer exists on the platform' },
  VALIDATION_FAILED: { action: 'fix_config', hint: 'the request was rejected as invalid: check the entity config or record' },
  CONFLICT: { action: 'alert_customer', hint: 'the platform holds a newer version: resolve the conflict' },
  UPSTREAM_UNAVAILABLE: { action: 'retry', hint: 'the platform is failing: retry later' },
  NETWORK_ERROR: { action: 'retry', hint: 'the connection failed: retry later' },
  TIMEOUT: { action: 'retry', hint: 'the platform did not answer in time: retry later' },
  MALFORMED_RESPONSE: { action: 'retry', hint: 'the platform sent a body that could not be read: retry, then report it' },
  RESPONSE_TOO_LARGE: { action: 'fix_config', hint: 'lower the page size or raise maxResponseBytes' },
  CONFIG_INVALID: { action: 'fix_config', hint: 'fix the configuration named in the message' },
  UNKNOWN: { action: 'alert_customer', hint: 'an unclassified platform error: check the platform message' },
} as const satisfies Record<string, { action: ErrorAction; hint: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as ErrorCode[];

/** The action that goes with a code. */
export function actionFor(code: ErrorCode): ErrorAction {
  return ERROR_CODES[code].action;
}
