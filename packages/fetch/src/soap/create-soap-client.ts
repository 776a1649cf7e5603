import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PortageError, type ErrorContext } from '@portage/core';
import { Client } from 'soap';
import type { Page, PageSource, PaginateOptions } from '../client/paginate.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../client/fetch-client-options.js';
import { createLogger, createRedactor } from '../log/index.js';
import { createRateLimiter } from '../rate-limit/index.js';
import { decideRetry, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry/index.js';
import { createUndiciTransport } from '../transport/undici-transport.js';
import { CLIENT_OPTIONS, loadWsdl, type Wsdl } from './load-wsdl.js';
import { normalizeSoapError } from './normalize-soap-error.js';
import { paginateSoap } from './paginate-soap.js';
import { DEFAULT_SOAP_CONCURRENCY, DEFAULT_SOAP_TIMEOUT_MS, type SoapClientOptions, type SoapHeader } from './soap-client-options.js';
import { recordingHttpClient } from './soap-exchange.js';
import { bindOperations, type BoundOperation } from './soap-operations.js';

/** Input and output JSON of each operation; generated WSDL types fill it in. */
export type SoapOperations = Record<string, { input: unknown; output: unknown }>;

/** The default when no generated types are given: any operation, JSON in and out. */
export type UntypedSoapOperations = Record<string, { input: Record<string, unknown>; output: unknown }>;

export interface SoapCallOptions {
  signal?: AbortSignal;
  /** Overrides the client's endpoint for this call. */
  endpoint?: string;
}

/** An answered call: the operation's output as JSON, and facts for logs and pages. */
export interface SoapResponse<T = unknown> {
  body: T;
  /** The answer's SOAP headers as JSON, when it had any. */
  soapHeaders?: unknown;
  status: number;
  requestId: string;
  attempts: number;
}

export interface SoapClient<Ops extends SoapOperations = UntypedSoapOperations> {
  /** The operations the WSDL binds, as it spells them. */
  readonly operations: readonly string[];
  /** Calls one operation and resolves with its output as JSON. */
  call<K extends keyof Ops & string>(operation: K, input: Ops[K]['input'], options?: SoapCallOptions): Promise<Ops[K]['output']>;
  /** Like `call`, with the answer's status, SOAP headers, request id and attempts. */
  send<K extends keyof Ops & string>(operation: K, input: Ops[K]['input'], options?: SoapCallOptions): Promise<SoapResponse<Ops[K]['output']>>;
  /** Pages of a SOAP entity (`request.soap` + `soap_continuation` or `none` pagination), like the fetch client's. */
  paginate(source: PageSource, options?: PaginateOptions): AsyncGenerator<Page>;
  close(): Promise<void>;
}

type Callback = (error: unknown, result: unknown, raw: unknown, soapHeader: unknown) => void;
type SoapMethod = (input: unknown, callback: Callback) => void;

/**
 * A SOAP client on the `soap` package: the WSDL is read from a local file once, here; each call
 * builds its SOAP headers (e.g. a NetSuite token passport) afresh, goes through Portage's
 * transport with a timeout, size limit, concurrency cap and retries, and answers with JSON in
 * which xsd:long/decimal/double values are the exact text sent and every `maxOccurs > 1`
 * element is an array even with one item. Faults become PortageErrors with universal codes.
 *
 * @example
 * const netsuite = await createSoapClient({
 *   wsdl: 'specs/netsuite/netsuite.wsdl',
 *   endpoint: `https://${account}.suitetalk.api.netsuite.com/services/NetSuitePort_2023_2`,
 *   headers: () => [tokenPassport(credentials)],
 * });
 * const result = await netsuite.call('getServerTime', {});
 */
export async function createSoapClient<Ops extends SoapOperations = UntypedSoapOperations>(options: SoapClientOptions): Promise<SoapClient<Ops>> {
  const wsdl = await loadWsdl(options.wsdl);
  const bound = bindOperations(wsdl, { ...(options.service ? { service: options.service } : {}), ...(options.port ? { port: options.port } : {}) });
  const clock = options.clock ?? { now: Date.now, sleep: (ms: number, signal?: AbortSignal) => sleep(ms, undefined, { signal }), random: Math.random };
  const ownTransport = options.transport ? undefined : createUndiciTransport();
  const transport = options.transport ?? ownTransport!;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const limiter = createRateLimiter({ ...(options.rateLimit ?? {}), concurrency: options.concurrency ?? DEFAULT_SOAP_CONCURRENCY, now: clock.now, sleep: clock.sleep });
  const logger = (options.logger ?? createLogger({ name: 'portage-soap' })).child({ ...(options.connectionId ? { connectionId: options.connectionId } : {}) });
  const timeoutMs = options.timeoutMs ?? DEFAULT_SOAP_TIMEOUT_MS;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;

  function operationOf(operation: string): BoundOperation {
    const found = bound.get(operation);
    if (found) return found;
    const near = [...bound.keys()].filter((name) => name.toLowerCase() === operation.toLowerCase());
    const hint = near.length > 0 ? `did you mean ${near.join(', ')}?` : `it has ${bound.size} operations, e.g. ${[...bound.keys()].slice(0, 8).join(', ')}`;
    throw new PortageError('CONFIG_INVALID', `the WSDL has no operation "${operation}": ${hint}`);
  }

  async function send<T>(operation: string, input: unknown, callOptions: SoapCallOptions = {}): Promise<SoapResponse<T>> {
    const target = operationOf(operation);
    const endpoint = callOptions.endpoint ?? options.endpoint ?? target.location;
    const requestId = randomUUID();
    const startedAt = clock.now();
    let renewedSession = false;
    for (let attempt = 1; ; attempt++) {
      const release = await limiter.acquire(callOptions.signal);
      let outcome;
      try {
        outcome = await attemptOnce<T>(operation, input, target, endpoint, requestId, attempt, callOptions.signal);
      } finally {
        release();
      }
      if (outcome.ok) return outcome.response;
      const { error, outcome: failure } = outcome.failure;
      if (error.code === 'AUTH_EXPIRED' && options.onAuthExpired) {
        if (!renewedSession && (await options.onAuthExpired())) {
          renewedSession = true;
          logger.warn({ requestId, operation, attempt }, 'SOAP session expired: renewed it, retrying once');
          continue;
        }
        throw final(new PortageError('AUTH_INVALID', `${operation}: the platform rejected ${renewedSession ? 'a freshly renewed session' : 'the session and it could not be renewed'}`, { cause: error, context: error.context }), attempt, undefined);
      }
      if (callOptions.signal?.aborted || !failure) throw final(error, attempt, undefined);
      const decision = decideRetry(
        { attempt, elapsedMs: clock.now() - startedAt, method: 'POST', retrySafe: true, outcome: failure, now: clock.now(), random: clock.random },
        policy,
      );
      if (!decision.retry) throw final(error, attempt, decision.waitUntil);
      if (error.code === 'RATE_LIMITED') limiter.pauseUntil(clock.now() + decision.delayMs);
      logger.warn({ requestId, operation, attempt, code: error.code, delayMs: Math.round(decision.delayMs), reason: decision.reason }, 'retrying SOAP call');
      await clock.sleep(decision.delayMs, callOptions.signal);
    }

    function final(error: PortageError, attempts: number, waitUntil: number | undefined): PortageError {
      error.context.attempts = attempts;
      if (waitUntil !== undefined) error.context.waitUntil = new Date(waitUntil);
      logger.error({ requestId, operation, code: error.code, action: error.action, ...error.context }, 'SOAP call failed');
      return error;
    }
  }

  type Attempt<T> = { ok: true; response: SoapResponse<T> } | { ok: false; failure: ReturnType<typeof normalizeSoapError> };

  async function attemptOnce<T>(operation: string, input: unknown, target: BoundOperation, endpoint: string, requestId: string, attempt: number, signal?: AbortSignal): Promise<Attempt<T>> {
    const headers = (await options.headers?.({ operation, attempt })) ?? [];
    const secrets = [...headerSecrets(headers), ...(options.secrets?.() ?? [])];
    const redact = createRedactor(() => secrets);
    const context: ErrorContext = { method: 'POST', url: redact.url(endpoint), operation, requestId };
    const { httpClient, exchange } = recordingHttpClient({ transport, timeoutMs, maxResponseBytes, ...(signal ? { signal } : {}) });
    try {
      const soapClient = new Client(wsdl as Wsdl, endpoint || undefined, { ...CLIENT_OPTIONS, httpClient });
      for (const header of headers) {
        if (typeof header === 'string') soapClient.addSoapHeader(header);
        else soapClient.addSoapHeader(header.value, header.name, header.namespace, header.xmlns);
      }
      for (const [name, value] of Object.entries(options.httpHeaders ?? {})) soapClient.addHttpHeader(name, value);
      const ports = (soapClient as unknown as Record<string, Record<string, Record<string, SoapMethod>>>)[target.service]!;
      const method = ports[target.port]![operation]!;
      const answer = await new Promise<{ result: unknown; soapHeader: unknown }>((resolve, reject) => {
        method(input ?? {}, (error, result, _raw, soapHeader) => (error ? reject(error as Error) : resolve({ result, soapHeader })));
      });
      const seen = exchange();
      const status = seen.kind === 'answered' ? seen.status : 0;
      if (answer.result === undefined) {
        throw new PortageError('MALFORMED_RESPONSE', `${operation} at ${context.url}: the SOAP answer has no ${operation} output element`, { context: { ...context, status } });
      }
      if (logger.isLevelEnabled('debug')) logger.debug({ requestId, operation, attempt, status }, 'soap response');
      return {
        ok: true,
        response: { body: answer.result as T, status, requestId, attempts: attempt, ...(answer.soapHeader ? { soapHeaders: answer.soapHeader } : {}) },
      };
    } catch (cause) {
      if (cause instanceof PortageError && cause.code === 'MALFORMED_RESPONSE') return { ok: false, failure: { error: cause } };
      return { ok: false, failure: normalizeSoapError({ operation, exchange: exchange(), cause, context, redact, ...(options.faults ? { rules: options.faults } : {}) }) };
    }
  }

  const client: SoapClient<Ops> = {
    operations: Object.freeze([...bound.keys()]),
    call: async (operation, input, callOptions) => (await send<Ops[typeof operation]['output']>(operation, input, callOptions)).body,
    send: (operation, input, callOptions) => send(operation, input, callOptions),
    paginate: (source, paginateOptions) =>
      paginateSoap({ send: (operation, input, callOptions) => send(operation, input, callOptions), endpointFor }, source, paginateOptions),
    close: async () => {
      await ownTransport?.close();
    },
  };
  return client;

  // A SOAP entity's `request.path` is the endpoint's path under `baseUrl`, unless the client
  // was given its endpoint outright.
  function endpointFor(path: string): string | undefined {
    if (options.endpoint) return options.endpoint;
    if (!options.baseUrl) return undefined;
    return new URL(path.replace(/^\//, ''), options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`).toString();
  }
}

/** String leaves of the built headers (tokens, signatures, nonces): never shown in errors. */
function headerSecrets(headers: readonly SoapHeader[]): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.length >= 6) found.push(value);
    } else if (value && typeof value === 'object') {
      for (const child of Object.values(value)) visit(child);
    }
  };
  for (const header of headers) visit(typeof header === 'string' ? extractXmlText(header) : header.value);
  return found;
}

function extractXmlText(xml: string): string[] {
  return [...xml.matchAll(/>([^<]+)</g)].map((match) => match[1]!.trim()).filter(Boolean);
}
