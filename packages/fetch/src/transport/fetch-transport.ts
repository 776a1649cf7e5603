import type { Transport } from './transport.js';

/**
 * A transport on the WHATWG `fetch` (global, or any compatible implementation). Slower than
 * undici's `request` on Node, but runs wherever `fetch` does.
 *
 * @example const client = createFetchClient({ baseUrl, transport: createFetchTransport() });
 */
export function createFetchTransport(fetchImpl: typeof fetch = globalThis.fetch): Transport {
  return async (req) => {
    const res = await fetchImpl(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      // fetch has no per-phase timeouts: one deadline for headers and body together.
      signal: req.signal ? AbortSignal.any([req.signal, AbortSignal.timeout(req.timeoutMs)]) : AbortSignal.timeout(req.timeoutMs),
      redirect: 'follow',
    });
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = res.body ?? (async function* () {})();
    return { status: res.status, headers, body: body as AsyncIterable<Uint8Array> };
  };
}
