/**
 * Network failures worth another attempt: the connection broke or never came up for reasons
 * that pass (resets, refusals during a deploy, DNS hiccups). Anything else (TLS and
 * certificate errors, unknown hosts, invalid requests) fails the same way every time.
 *
 * @example RETRYABLE_NETWORK_CODES.has('ECONNRESET') // true
 */
export const RETRYABLE_NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * Failures that happen before a connection exists, so the server cannot have seen the request:
 * retrying them is safe even for a POST without an idempotency key.
 *
 * @example UNSENT_NETWORK_CODES.has('ECONNREFUSED') // true
 */
export const UNSENT_NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);
