import type { ErrorCode } from '@portage/core';

/**
 * The status -> code table used when no connector rule matched. 401 means "the token may
 * have expired": the client refreshes once, and a second 401 becomes AUTH_INVALID.
 */
export function defaultCodeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
    case 422:
      return 'VALIDATION_FAILED';
    case 401:
      return 'AUTH_EXPIRED';
    case 403:
      return 'PERMISSION_DENIED';
    case 404:
    case 410:
      return 'NOT_FOUND';
    case 408:
      return 'TIMEOUT';
    case 409:
    case 412:
      return 'CONFLICT';
    case 413:
      return 'RESPONSE_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return status >= 500 ? 'UPSTREAM_UNAVAILABLE' : 'UNKNOWN';
  }
}
