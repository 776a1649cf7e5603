import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { isPortageError, PortageError, type ErrorContext, type ResponseFormat } from '@portage/core';
import { createAuthenticator } from '../auth/index.js';
import { classifyTransportError, type TransportFailure } from '../errors/classify-transport-error.js';
import { normalizeHttpError } from '../errors/normalize-http-error.js';
import { parseBody } from '../http/parse-body.js';
import { readBody } from '../http/read-body.js';
import { toRequestSpec, type RequestSpec, type ResponseHeaders } from '../http/request-spec.js';
import { hasHeader, serializeRequest } from '../http/serialize-request.js';
import { createLogger, createRedactor, DEFAULT_TRACKING_HEADERS, trackingIdOf } from '../log/index.js';
import { createRateLimiter } from '../rate-limit/index.js';
import { decideRetry, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry/index.js';
import { createUndiciTransport } from '../transport/undici-transport.js';
import {
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type FetchClientOptions,
} from './fetch-client-options.js';
import { paginate, type PaginateOptions, type PageSource, type Page } from './paginate.js';

export interface FetchResponse<T = unknown> {
  status: number;
  headers: ResponseHeaders;
  body: T;
  requestId: string;
  trackingId?: string;
  attempts: number;
}

export interface RequestOptions {
  /** Retry a POST/PATCH too (the platform dedupes it, e.g. with an idempotency key). */
  retrySafe?: boolean;
  /** False for a request whose method says idempotent but is not (a PUT that creates). */
  idempotent?: boolean;
  format?: ResponseFormat;
  signal?: AbortSignal;
}

export type RequestInput = Parameters<typeof toRequestSpec>[0];

export interface FetchClient {
  request<T = unknown>(input: RequestInput, options?: RequestOptions): Promise<FetchResponse<T>>;
  paginate(source: PageSource, options?: PaginateOptions): AsyncGenerator<Page>;
  close(): Promise<void>;
}

/**
 * The HTTP client of one connection: auth, retries with backoff, rate limit and concurrency
 * cap, response-size limit, timeouts, error normalisation, redacted structured logs, and
 * pagination as an async iterable.
 *
 * @example
 * const client = createFetchClient({ baseUrl: 'https://api.stripe.com', auth: { type: 'bearer' }, credentials: { type: 'bearer', token } });
 * for await (const page of client.paginate(charges)) console.log(page.records.length);
 */
export function createFetchClient(options: FetchClientOptions): FetchClient {
  const clock = options.clock ?? { now: Date.now, sleep: (ms: number, signal?: AbortSignal) => sleep(ms, undefined, { signal }), random: Math.random };
  const ownTransport = options.transport ? undefined : createUndiciTransport();
  const transport = options.transport ?? ownTransport!;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const limiter = createRateLimiter({
    ...(options.rateLimit ?? {}),
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
    now: clock.now,
    sleep: clock.sleep,
    ...(options.onRateLimitWait ? { onWait: (ms: number, reason: 'paused' | 'budget') => options.onRateLimitWait!({ ms, reason }) } : {}),
  });
  const authenticator = createAuthenticator(options.auth ?? { type: 'none' }, {
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.tokenProvider ? { tokenProvider: options.tokenProvider } : {}),
  });
  const redact = createRedactor(() => authenticator.secrets());
  const logger = (options.logger ?? createLogger({ name: 'portage-fetch' })).child({
    ...(options.connectionId ? { connectionId: options.connectionId } : {}),
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const trackingHeaders = options.trackingHeaders ?? DEFAULT_TRACKING_HEADERS;
  const baseHeaders = { 'user-agent': 'portage', ...options.headers };

  function request<T>(input: RequestInput, requestOptions: RequestOptions = {}): Promise<FetchResponse<T>> {
    return send<T>(toRequestSpec(input), requestOptions);
  }

  async function send<T>(spec: RequestSpec, requestOptions: RequestOptions): Promise<FetchResponse<T>> {
    const requestId = randomUUID();
    const startedAt = clock.now();
    const retrySafe = requestOptions.retrySafe ?? false;
    let refreshedAuth = false;
    for (let attempt = 1; ; attempt++) {
      failFastWhenPausedLong(spec, requestId);
      const outcome = await attemptOnce(spec, requestId, attempt, requestOptions);
      if (outcome.kind === 'ok') return outcome.response as FetchResponse<T>;
      if (outcome.kind === 'unauthorized' && !refreshedAuth && authenticator.onUnauthorized(outcome.sent)) {
        refreshedAuth = true;
        logger.warn({ requestId, attempt }, 'access token rejected: refreshing it and retrying once');
        continue;
      }
      const failure = outcome.kind === 'transport' ? outcome.failure : { type: 'response' as const, status: outcome.status, headers: outcome.headers };
      const decision = decideRetry(
        { attempt, elapsedMs: clock.now() - startedAt, method: spec.method, retrySafe, ...(requestOptions.idempotent === undefined ? {} : { idempotent: requestOptions.idempotent }), outcome: failure, now: clock.now(), random: clock.random },
        policy,
      );
      if (failure.type === 'response' && failure.status === 429 && decision.retry) {
        // Every request of this connection waits, not only the one that was told to.
        limiter.pauseUntil(clock.now() + decision.delayMs);
        options.onRateLimitWait?.({ ms: decision.delayMs, reason: 'retry_after' });
      }
      if (!decision.retry) {
        const error = outcome.kind === 'unauthorized' ? credentialsRejected(outcome.error, refreshedAuth) : outcome.error;
        error.context.attempts = attempt;
        if (decision.waitUntil !== undefined) {
          error.context.waitUntil = new Date(decision.waitUntil);
        }
        logger.error({ requestId, attempt, code: error.code, action: error.action, reason: decision.reason, ...error.context }, 'request failed');
        throw error;
      }
      const answered = outcome.kind === 'transport' ? {} : { status: outcome.status, ...(outcome.error.context.trackingId ? { trackingId: outcome.error.context.trackingId } : {}) };
      logger.warn({ requestId, attempt, ...answered, delayMs: Math.round(decision.delayMs), reason: decision.reason }, 'retrying request');
      await clock.sleep(decision.delayMs, requestOptions.signal);
    }
  }

  // The client already refreshed the token once (or had nothing to refresh): a 401 now means
  // the credentials themselves are no good, and the customer has to reconnect.
  function credentialsRejected(error: PortageError, refreshed: boolean): PortageError {
    if (error.code !== 'AUTH_EXPIRED') return error;
    const why = refreshed ? 'the platform rejected a freshly refreshed token' : 'the platform rejected the credentials';
    return new PortageError('AUTH_INVALID', `${error.context.method} ${error.context.url}: ${why}`, { cause: error, context: error.context });
  }

  // Quota headers can pause a connection for an hour (GitHub): holding a worker that long is
  // worse than failing now with the reset time, so the job layer can reschedule.
  function failFastWhenPausedLong(spec: RequestSpec, requestId: string): void {
    const wait = limiter.pausedUntil - clock.now();
    if (wait <= policy.maxRetryAfterMs) return;
    const waitUntil = new Date(limiter.pausedUntil);
    throw new PortageError('RATE_LIMITED', `the platform's quota is spent until ${waitUntil.toISOString()}`, {
      context: { method: spec.method, url: redact.url(spec.url), requestId, waitUntil },
    });
  }

  type Attempt =
    | { kind: 'ok'; response: FetchResponse }
    | { kind: 'http'; status: number; headers: ResponseHeaders; error: PortageError }
    | { kind: 'unauthorized'; status: number; headers: ResponseHeaders; error: PortageError; sent: RequestSpec }
    | { kind: 'transport'; failure: TransportFailure; error: PortageError };

  async function attemptOnce(spec: RequestSpec, requestId: string, attempt: number, opts: RequestOptions): Promise<Attempt> {
    const release = await limiter.acquire(opts.signal);
    const started = clock.now();
    const context: ErrorContext = { method: spec.method, requestId };
    let wireUrl: string | undefined;
    // Redacting costs a dozen regex passes, so it happens only when a log line or an error
    // needs the URL, not on every successful page.
    const withUrl = (): ErrorContext => {
      context.url ??= redact.url(wireUrl ?? spec.url);
      return context;
    };
    try {
      const authorized = await authenticator.authorize(withDefaults(spec, opts.format), opts.signal);
      const wire = serializeRequest(authorized, options.baseUrl);
      wireUrl = wire.url;
      const res = await transport({ method: spec.method, ...wire, timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) });
      limiter.observe(res.status, res.headers);
      const trackingId = trackingIdOf(res.headers, trackingHeaders);
      context.status = res.status;
      if (trackingId) context.trackingId = trackingId;
      const bytes = await readBody(res.body, maxBytes, context, res.headers['content-length']);
      // Per call at debug: a sync makes thousands of calls; retries and failures log at warn/error.
      if (logger.isLevelEnabled('debug')) {
        const ms = clock.now() - started;
        logger.debug({ requestId, attempt, method: spec.method, url: withUrl().url, status: res.status, ms, bytes: bytes.length, trackingId }, 'http response');
      }
      if (res.status >= 200 && res.status < 300) {
        const body = parseBody(bytes, res.headers['content-type'], opts.format, context);
        return { kind: 'ok', response: { status: res.status, headers: res.headers, body, requestId, attempts: attempt, ...(trackingId ? { trackingId } : {}) } };
      }
      const error = normalizeHttpError({ status: res.status, headers: res.headers, bodyText: redact.text(bytes.toString('utf8')), context: withUrl() }, options.errors);
      if (res.status === 401) return { kind: 'unauthorized', status: 401, headers: res.headers, error, sent: authorized };
      return { kind: 'http', status: res.status, headers: res.headers, error };
    } catch (cause) {
      withUrl();
      if (isPortageError(cause)) cause.context.url ??= context.url;
      if (isPortageError(cause) && cause.code !== 'TIMEOUT' && cause.code !== 'NETWORK_ERROR') throw cause;
      if (opts.signal?.aborted) throw cause;
      const failure = classifyTransportError(cause);
      const code = failure.type === 'timeout' ? 'TIMEOUT' : 'NETWORK_ERROR';
      const detail = failure.type === 'timeout' ? `no complete answer within ${timeoutMs} ms` : `connection failed (${failure.code})`;
      return { kind: 'transport', failure, error: new PortageError(code, `${spec.method} ${context.url}: ${detail}`, { cause, context }) };
    } finally {
      release();
    }
  }

  function withDefaults(spec: RequestSpec, format: ResponseFormat | undefined): RequestSpec {
    const headers: Record<string, string> = { ...baseHeaders, ...spec.headers };
    if (!hasHeader(headers, 'accept')) headers.accept = format?.type === 'xml' ? 'application/xml' : 'application/json';
    return { ...spec, headers };
  }

  // SOAP entities page through the connection's SOAP client (envelopes, faults, continuation
  // calls); everything after the page (mapping, persisting, checkpoints) is the same.
  async function* paginateSoapEntity(source: PageSource, paginateOptions?: PaginateOptions): AsyncGenerator<Page> {
    if (!options.soap) {
      throw new PortageError('CONFIG_INVALID', `${source.request.soap?.operation} is a SOAP operation: create the fetch client with \`soap: await createSoapClient({ wsdl, ... })\``);
    }
    yield* options.soap.paginate(source, paginateOptions);
  }

  return {
    request,
    paginate: (source, paginateOptions) =>
      source.request.soap ? paginateSoapEntity(source, paginateOptions) : paginate({ send, baseUrl: options.baseUrl }, source, paginateOptions),
    close: async () => {
      await ownTransport?.close();
    },
  };
}
