import { PortageError } from '@portage/core';
import { createFetchTransport, type Transport } from '@portage/fetch';
import { HttpHandler, HttpResponse } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { captureRequest } from '../capture/capture.js';
import { normalizeUrl } from '../capture/normalize-url.js';
import { sortKeys } from '../capture/sort-keys.js';
import type { LoadedFixture, RecordedExchange, RecordedRequest, RecordedResponse } from '../fixture/fixture.js';
import { RECORD_ENV } from '../record/record-mode.js';
import { createFixtureRedactor, type FixtureRedactor, type RedactionOptions } from '../redact/fixture-redactor.js';
import { closestRequest, requestKey } from './request-diff.js';

/**
 * A live request no fixture matches, with the nearest recorded one and what differs.
 *
 * @example { request, closest: { label: 'stripe/charges #1', request }, differences: ['query param limit differs: recorded 100, got 10'], message }
 */
export interface ReplayMismatch {
  /** The live request, redacted like a fixture. */
  request: RecordedRequest;
  closest?: { label: string; request: RecordedRequest };
  differences: string[];
  message: string;
}

/**
 * Fixtures served by MSW, and a transport for the fetch client that goes through them.
 *
 * @example
 * const replay = replayServer(await loadFixtures('fixtures', 'stripe'));
 * replay.listen();
 * const client = createFetchClient({ baseUrl: 'https://api.stripe.com', transport: replay.transport });
 * // ... run the sync, then:
 * replay.close();
 */
export interface ReplayServer {
  /** The MSW server: add handlers with `server.use(...)` to simulate failures on top of fixtures. */
  server: SetupServer;
  /**
   * The fetch client's transport for replay: `fetch` (which MSW intercepts; undici's `request`
   * is not intercepted). A request no fixture matches throws a CONFIG_INVALID error naming the
   * closest recorded request, so the client fails at once instead of retrying.
   */
  transport: Transport;
  /** Every unmatched request so far. */
  mismatches: ReplayMismatch[];
  /** Starts intercepting; nothing reaches the network while it listens. */
  listen(): void;
  close(): void;
  /** Serves each request's recorded responses from the first again and forgets mismatches. */
  reset(): void;
  /** Recorded requests that were never served: a connector that stopped making them. */
  unused(): { label: string; request: RecordedRequest }[];
}

/**
 * Options of {@link replayServer}: the redaction options the fixtures were recorded with, so
 * live requests are redacted the same way before they are compared.
 *
 * @example { secrets: () => [apiKey] }
 */
export type ReplayOptions = RedactionOptions;

const MISMATCH_HEADER = 'x-portage-replay-mismatch';
const MAX_DIFFERENCES = 8;
// Statuses whose responses have no body (RFC 9110 15.2, 15.3.5, 15.3.6, 15.4.5).
const NO_BODY = new Set([101, 103, 204, 205, 304]);

interface Group {
  key: string;
  label: string;
  request: RecordedRequest;
  responses: RecordedResponse[];
  served: number;
}

// Hand-edited fixtures may have an unsorted query or unredacted-looking values: put them
// through the same normalisation as live requests, so both sides compare alike.
function canonical(request: RecordedRequest, redactor: FixtureRedactor): RecordedRequest {
  const { json, ...rest } = request;
  return {
    ...rest,
    method: request.method.toUpperCase(),
    url: normalizeUrl(request.url, redactor),
    ...(json === undefined ? {} : { json: sortKeys(redactor.json(json)) }),
  };
}

function toResponse(recorded: RecordedResponse): Response {
  const headers = new Headers(recorded.headers);
  // A recorded cookie is a placeholder by now, and MSW parses Set-Cookie (and fails on a
  // placeholder): the fetch client keeps no cookies, so replay sends none.
  headers.delete('set-cookie');
  let body: string | Buffer | null = null;
  if (!NO_BODY.has(recorded.status)) {
    if (recorded.json !== undefined) {
      body = JSON.stringify(recorded.json);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    } else if (recorded.text !== undefined) {
      body = recorded.text;
    } else if (recorded.base64 !== undefined) {
      body = Buffer.from(recorded.base64, 'base64');
    }
  }
  return new HttpResponse(body, { status: recorded.status, headers });
}

async function liveRequest(request: Request, redactor: FixtureRedactor): Promise<RecordedRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const text = request.body === null ? '' : await request.clone().text();
  return captureRequest({ method: request.method, url: request.url, headers, body: text === '' ? undefined : text }, redactor);
}

function describeMismatch(got: RecordedRequest, groups: readonly Group[]): ReplayMismatch {
  const near = closestRequest(got, groups);
  const head = `${got.method} ${got.url} matches no recorded request`;
  const advice = `re-record the fixtures with ${RECORD_ENV}=1 if the connector's requests changed on purpose`;
  if (!near) return { request: got, differences: [], message: `${head}: no fixtures are loaded; ${advice}` };
  const shown = near.differences.slice(0, MAX_DIFFERENCES);
  const more = near.differences.length > shown.length ? `; and ${near.differences.length - shown.length} more` : '';
  const closest = { label: near.candidate.label, request: near.candidate.request };
  return {
    request: got,
    closest,
    differences: near.differences,
    message: `${head}. Closest recorded: ${closest.request.method} ${closest.request.url} (${closest.label}): ${shown.join('; ')}${more}. To accept the change, ${advice}`,
  };
}

/**
 * Builds an MSW server that answers with recorded responses. A request matches a recording
 * when method, URL (origin, path, sorted query) and body are equal after redaction; identical
 * requests get their recorded responses in order (a 429 then a 200 replays as such), the last
 * one repeating. A request that matches nothing gets a 501 whose text (and the error thrown by
 * `transport`) names the closest recorded request and what differs. Runs fully offline.
 *
 * @example
 * const replay = replayServer(await loadFixtures('fixtures', 'stripe'));
 * replay.listen();
 * const page = await createFetchClient({ baseUrl: 'https://api.stripe.com', transport: replay.transport }).request({ path: '/v1/charges' });
 */
export function replayServer(fixtures: readonly LoadedFixture[], options: ReplayOptions = {}): ReplayServer {
  const redactor = createFixtureRedactor(options);
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const fixture of fixtures) {
    fixture.exchanges.forEach((exchange: RecordedExchange, i) => {
      const request = canonical(exchange.request, redactor);
      const key = requestKey(request);
      const existing = byKey.get(key);
      if (existing) {
        existing.responses.push(exchange.response);
        return;
      }
      const group: Group = { key, label: `${fixture.file ?? `${fixture.connector}/${fixture.scenario}`} exchange ${i + 1}`, request, responses: [exchange.response], served: 0 };
      groups.push(group);
      byKey.set(key, group);
    });
  }

  // Every handler looks at the same request: capture (read, redact, normalise) it once.
  const captured = new WeakMap<Request, Promise<RecordedRequest>>();
  const capture = (request: Request): Promise<RecordedRequest> => {
    let pending = captured.get(request);
    if (!pending) {
      pending = liveRequest(request, redactor);
      captured.set(request, pending);
    }
    return pending;
  };

  const mismatches: ReplayMismatch[] = [];
  const handlers = groups.map(
    (group) =>
      new HttpHandler(
        group.request.method,
        async ({ request }) => requestKey(await capture(request)) === group.key,
        () => {
          const recorded = group.responses[Math.min(group.served, group.responses.length - 1)]!;
          group.served++;
          return toResponse(recorded);
        },
      ),
  );
  const fallback = new HttpHandler(/.*/, () => true, async ({ request }) => {
    const mismatch = describeMismatch(await capture(request), groups);
    mismatches.push(mismatch);
    return new HttpResponse(mismatch.message, {
      status: 501,
      headers: { 'content-type': 'text/plain; charset=utf-8', [MISMATCH_HEADER]: String(mismatches.length - 1) },
    });
  });
  const server = setupServer(...handlers, fallback);

  // `globalThis.fetch` is looked up per call: MSW replaces it in listen(), after this is built.
  const viaFetch = createFetchTransport((input, init) => globalThis.fetch(input, init));
  const transport: Transport = async (req) => {
    const res = await viaFetch(req);
    const index = res.headers[MISMATCH_HEADER];
    const mismatch = index === undefined ? undefined : mismatches[Number(index)];
    if (!mismatch) return res;
    throw new PortageError('CONFIG_INVALID', mismatch.message, {
      context: { method: mismatch.request.method, url: mismatch.request.url, replay: 'unmatched', differences: mismatch.differences },
    });
  };

  return {
    server,
    transport,
    mismatches,
    listen: () => server.listen({ onUnhandledRequest: 'error' }),
    close: () => server.close(),
    reset: () => {
      for (const group of groups) group.served = 0;
      mismatches.length = 0;
      server.resetHandlers();
    },
    unused: () => groups.filter((g) => g.served === 0).map((g) => ({ label: g.label, request: g.request })),
  };
}
