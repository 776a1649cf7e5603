import { Agent, request, type Dispatcher } from 'undici';
import type { Transport } from './transport.js';
import { flattenHeaders } from './flatten-headers.js';

export interface UndiciTransportOptions {
  /** Sockets per origin; the client's concurrency cap is what really bounds requests in flight. */
  connections?: number;
  /** Use an existing dispatcher (e.g. a proxy agent) instead of creating one. */
  dispatcher?: Dispatcher;
}

/**
 * The default transport: undici's `request`, the fastest HTTP client on Node.
 *
 * @example
 * const client = createFetchClient({ baseUrl, transport: createUndiciTransport({ connections: 10 }) });
 */
export function createUndiciTransport(options: UndiciTransportOptions = {}): Transport & { close(): Promise<void> } {
  const owned = options.dispatcher ? undefined : new Agent({ connections: options.connections ?? 16 });
  const dispatcher = options.dispatcher ?? owned!;
  const transport = async (req: Parameters<Transport>[0]) => {
    const res = await request(req.url, {
      method: req.method as Dispatcher.HttpMethod,
      headers: req.headers,
      body: req.body,
      signal: req.signal,
      // undici's own timers: no AbortController or timer of ours per request.
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
      dispatcher,
    });
    return { status: res.statusCode, headers: flattenHeaders(res.headers), body: res.body };
  };
  return Object.assign(transport, { close: async () => owned?.close() });
}
