import type { SpecHandler, SpecRequest, SpecResponse } from './spec-server.js';

/** The stored answers of keyed writes, by key; share one between the handlers of a platform. */
export type IdempotencyStore = Map<string, { fingerprint: string; answer: SpecResponse }>;

export interface IdempotencyKeyOptions {
  /** The request header carrying the key; default `idempotency-key`. */
  header?: string;
  /** Added to a replayed answer, e.g. Stripe's `{ 'idempotent-replayed': 'true' }`. */
  replayHeaders?: Record<string, string>;
  /** The answer when a key comes back with a different request (Stripe: 400 idempotency_error). */
  mismatch: (request: SpecRequest) => SpecResponse;
  /** Where answers are kept; one per platform, so a key is one request whatever the operation. */
  store?: IdempotencyStore;
}

/**
 * Wraps a write handler so it honours an idempotency key header the way platforms that take one
 * do: the first request with a key runs the handler and, when it succeeds (2xx), its answer is
 * kept; a repeat of the same request (method, path and body) with that key gets the kept answer
 * again without running the handler, so nothing is written twice; the same key on a different
 * request gets `mismatch`. Requests without the header run the handler every time.
 *
 * @example
 * const store: IdempotencyStore = new Map();
 * handlers['POST /v1/customers'] = withIdempotencyKey(createCustomer, { store, replayHeaders: { 'idempotent-replayed': 'true' }, mismatch: () => ({ status: 400, body: stripeIdempotencyError }) });
 */
export function withIdempotencyKey(handler: SpecHandler, options: IdempotencyKeyOptions): SpecHandler {
  const header = (options.header ?? 'idempotency-key').toLowerCase();
  const store = options.store ?? new Map();
  return async (request) => {
    const key = request.headers[header];
    if (key === undefined) return handler(request);
    const fingerprint = `${request.method} ${request.path} ${JSON.stringify(request.body ?? null)}`;
    const stored = store.get(key);
    if (stored !== undefined) {
      if (stored.fingerprint !== fingerprint) return options.mismatch(request);
      return { ...stored.answer, headers: { ...stored.answer.headers, ...options.replayHeaders } };
    }
    const answer = await handler(request);
    if (answer.status >= 200 && answer.status < 300) store.set(key, { fingerprint, answer });
    return answer;
  };
}
