import type { AuthConfig, Credentials, ErrorMapping } from '@portage/core';
import type { TokenProvider } from '../auth/index.js';
import type { Logger } from '../log/index.js';
import type { RetryPolicy } from '../retry/index.js';
import type { Transport } from '../transport/transport.js';
import type { SoapClient } from '../soap/create-soap-client.js';

export interface FetchClientOptions {
  baseUrl: string;
  auth?: AuthConfig;
  credentials?: Credentials;
  /** Required for OAuth2; persisted token providers come from the refresh package. */
  tokenProvider?: TokenProvider;
  /** Defaults to undici's `request`. */
  transport?: Transport;
  retry?: Partial<RetryPolicy>;
  /** Requests per interval for this connection; learned from rate-limit headers when absent. */
  rateLimit?: { requests: number; intervalMs: number };
  /** Requests in flight at once for this connection (default 5). */
  concurrency?: number;
  /** Per attempt, headers and body included (default 30 s). */
  timeoutMs?: number;
  /** Largest response body read (default 50 MiB). */
  maxResponseBytes?: number;
  errors?: ErrorMapping;
  /** Sent with every request (e.g. an API version header). */
  headers?: Record<string, string>;
  /** Response headers holding the platform's request id, first match wins. */
  trackingHeaders?: readonly string[];
  logger?: Logger;
  /** For logs and metrics: which connection this client serves. */
  connectionId?: string;
  /**
   * Reads SOAP entities (`request.soap`): `paginate` hands them to this client. Made once per
   * connection with `createSoapClient`.
   */
  soap?: Pick<SoapClient, 'paginate'>;
  /**
   * Told of every wait the rate limit imposes on this connection's requests: `retry_after`
   * when a 429 makes a request wait before its retry, `paused` when a request waits out a
   * quota pause (a 429 or exhausted quota headers), `budget` when it waits for the configured
   * or learned rate budget. For metrics (count and seconds); must not throw.
   */
  onRateLimitWait?: (wait: RateLimitWait) => void;
  /** Injected for tests. */
  clock?: { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void>; random(): number };
}

/**
 * One wait imposed by the rate limit, as `onRateLimitWait` reports it.
 *
 * @example const wait: RateLimitWait = { ms: 1500, reason: 'retry_after' };
 */
export interface RateLimitWait {
  ms: number;
  reason: 'retry_after' | 'paused' | 'budget';
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_CONCURRENCY = 5;
