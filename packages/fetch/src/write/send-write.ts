import type { FetchClient, FetchResponse } from '../client/create-fetch-client.js';
import { hasHeader } from '../http/serialize-request.js';
import { encodeForm } from './encode-form.js';

/**
 * One write to a platform: a create or an update of one record.
 *
 * @example
 * const write: WriteRequest = { method: 'POST', path: '/v1/customers', body: { email }, bodyFormat: 'form', idempotency: { header: 'Idempotency-Key', key } };
 */
export interface WriteRequest {
  method: 'POST' | 'PUT' | 'PATCH';
  /** Relative to the client's base URL, or absolute. */
  path: string;
  body: unknown;
  /** `json` (default) or `form`: form-urlencoded with nested keys (`metadata[key]`). */
  bodyFormat?: 'json' | 'form';
  query?: Record<string, string | number | boolean>;
  /** Extra headers, e.g. the connection's tenant. */
  headers?: Record<string, string>;
  /**
   * The platform's idempotency header and the key of this write. With it, the client retries
   * the write after a timeout or a 5xx (the platform answers a repeat with the first result).
   */
  idempotency?: { header: string; key: string };
  signal?: AbortSignal;
}

/**
 * Sends one write through a connection's fetch client, so it gets the client's auth, rate
 * limit, concurrency cap, timeouts, error normalisation and redacted logs. Retries follow the
 * client's policy with one rule for writes: a write (PUT included: some platforms, Xero among
 * them, create on PUT) is repeated after a failure only with an idempotency key, or when the
 * request provably never left (connection refused).
 *
 * @example
 * const created = await sendWrite(client, {
 *   method: 'POST', path: '/v1/customers', body: { email: 'a@example.test' }, bodyFormat: 'form',
 *   idempotency: { header: 'Idempotency-Key', key: link.idempotencyKey },
 * });
 */
export function sendWrite<T = unknown>(client: FetchClient, write: WriteRequest): Promise<FetchResponse<T>> {
  const headers: Record<string, string> = { ...write.headers };
  if (write.idempotency) headers[write.idempotency.header] = write.idempotency.key;
  let body: unknown = write.body;
  if (write.bodyFormat === 'form') {
    body = encodeForm(write.body);
    if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/x-www-form-urlencoded';
  } else if (typeof body === 'string' && !hasHeader(headers, 'content-type')) {
    // The client passes strings through as they are: a JSON string body must say it is JSON.
    body = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  return client.request<T>(
    { method: write.method, path: write.path, headers, ...(write.query ? { query: write.query } : {}), ...(body === undefined ? {} : { body }) },
    { retrySafe: write.idempotency !== undefined, idempotent: false, ...(write.signal ? { signal: write.signal } : {}) },
  );
}
