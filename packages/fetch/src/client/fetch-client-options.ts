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
  /** Injected for tests. */
  clock?: { now(): number; sleep(ms: number, signal?: AbortSignal): Promise<void>; random(): number };
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_CONCURRENCY = 5;
