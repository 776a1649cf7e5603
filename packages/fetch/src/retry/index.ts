export { fullJitterDelay } from './backoff.js';
export { decideRetry, type RetryDecision, type RetryInput, type RetryOutcome } from './decide-retry.js';
export { parseHttpDate } from './http-date.js';
export { parseRetryAfter, readServerWait, type ServerWait } from './retry-after.js';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
export { RETRYABLE_NETWORK_CODES, UNSENT_NETWORK_CODES } from './retryable-network-codes.js';
