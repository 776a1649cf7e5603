import { getPath, PortageError, type EntityRequest, type IncrementalFilter, type PaginationConfig, type ResponseFormat } from '@portage/core';
import { absoluteUrl } from '../http/absolute-url.js';
import { applyIncremental } from '../http/apply-incremental.js';
import { toRequestSpec, type RequestSpec, type ResponseHeaders } from '../http/request-spec.js';
import { createPaginator, placeTokens, tokensUnchanged, type PageState } from '../pagination/index.js';
import type { FetchResponse, RequestOptions } from './create-fetch-client.js';

/** What a paginated read needs: an entity's config satisfies it. */
export interface PageSource {
  request: EntityRequest;
  pagination: PaginationConfig;
  /** Dot path of the record array; "" when the body is the array. */
  recordsPath: string;
  format?: ResponseFormat;
  incremental?: IncrementalFilter;
  /** The platform leaves the records key out when there are none (see `recordsOf`). */
  omitsEmptyRecords?: boolean;
}

export interface PaginateOptions {
  /** Only records modified since then (needs `incremental` on the source). */
  since?: Date;
  /** Continue from a checkpointed state instead of the first page. */
  resume?: PageState;
  signal?: AbortSignal;
  /**
   * Request the next page while the caller works on the current one (default true). Memory
   * holds at most two pages; when a caller stops early, the one request in flight finishes
   * and its answer is dropped.
   */
  readAhead?: boolean;
}

export interface Page {
  records: unknown[];
  index: number;
  status: number;
  headers: ResponseHeaders;
  requestId: string;
  trackingId?: string;
  /** Where to continue after this page; absent on the last page. Checkpoint it with the records. */
  next?: PageState;
}

type Send = (spec: RequestSpec, options: RequestOptions) => Promise<FetchResponse>;

/** How the client sends a page request, and where relative URLs are anchored. */
export interface PageTransport {
  send: Send;
  baseUrl: string;
}

/**
 * Streams the pages of a list endpoint, one request at a time, so memory holds one page.
 * A list read is safe to retry even over POST (search endpoints), so retries are allowed.
 */
export async function* paginate({ send, baseUrl }: PageTransport, source: PageSource, options: PaginateOptions = {}): AsyncGenerator<Page> {
  const paginator = createPaginator(source.pagination);
  // Only the caller's own signal is passed down: a signal on every request costs an abort
  // listener per page (measurable in bench:fetch). A caller that stops early leaves at most
  // one read-ahead request to finish on its own; its answer is dropped.
  const requestOptions: RequestOptions = { retrySafe: true, ...(options.signal ? { signal: options.signal } : {}), ...(source.format ? { format: source.format } : {}) };
  const fetchPage = (request: RequestSpec) => send(request, requestOptions);
  let state = options.resume ?? firstState(source, paginator.start(), options.since);
  let pending: Promise<FetchResponse> | undefined;
  for (;;) {
    const response = await (pending ?? fetchPage(state.request));
    const page = readPage(response, state);
    pending = undefined;
    if (page.next && options.readAhead !== false) {
      pending = fetchPage(page.next.request);
      // Settled by the await above, or abandoned when the caller stops: never unhandled.
      pending.catch(() => undefined);
    }
    yield page;
    if (!page.next) return;
    state = page.next;
  }

  function readPage(response: FetchResponse, current: PageState): Page {
    const records = recordsOf(response, source, current.request);
    const recordsSoFar = current.recordsSoFar + records.length;
    // Paginators resolve relative next URLs against the request URL, so it must be absolute.
    const url = absoluteUrl(current.request.url, baseUrl);
    const pageRequest = { ...current.request, url };
    const tokens = paginator.next({ request: pageRequest, status: response.status, headers: response.headers, body: response.body, records, pageIndex: current.pageIndex, recordsSoFar });
    let next: PageState | undefined;
    if (tokens) {
      if (tokensUnchanged(current.request, url, tokens)) {
        throw new PortageError('MALFORMED_RESPONSE', `pagination did not advance after page ${current.pageIndex}: the platform sent the same page token again`, {
          context: { method: current.request.method, requestId: response.requestId },
        });
      }
      const request = placeTokens(current.request, tokens);
      assertSameOrigin(request.url, baseUrl, current.pageIndex);
      next = { request, pageIndex: current.pageIndex + 1, recordsSoFar };
    }
    return {
      records,
      index: current.pageIndex,
      status: response.status,
      headers: response.headers,
      requestId: response.requestId,
      ...(response.trackingId ? { trackingId: response.trackingId } : {}),
      ...(next ? { next } : {}),
    };
  }
}

function firstState(source: PageSource, startTokens: Parameters<typeof placeTokens>[1], since: Date | undefined): PageState {
  let request = toRequestSpec({ ...source.request, method: source.request.method ?? 'GET' });
  if (since) {
    if (!source.incremental) {
      throw new PortageError('CONFIG_INVALID', `${request.url} has no incremental filter, so it cannot be read "modified since"`);
    }
    request = applyIncremental(request, source.incremental, since);
  }
  return { request: placeTokens(request, startTokens), pageIndex: 0, recordsSoFar: 0 };
}

function recordsOf(response: FetchResponse, source: PageSource, request: RequestSpec): unknown[] {
  const path = source.recordsPath;
  const value = getPath(response.body, path);
  if (Array.isArray(value)) return value;
  // An empty XML list parses to "" or vanishes; JSON APIs say null. A JSON body without the
  // path at all is a changed response shape: reading it as "no records" could later make a
  // deletion sweep remove everything, so it is an error.
  const empty = value === null || (source.format?.type === 'xml' && (value === undefined || value === ''));
  if (empty) return [];
  // Some platforms (Square) answer `{}` when nothing matches. Only a body holding no list at
  // all reads as empty: records moved to another key stay an error.
  if (value === undefined && source.omitsEmptyRecords && holdsNoList(response.body)) return [];
  const found = value === undefined ? 'missing' : `a ${typeof value}, not a list`;
  throw new PortageError('MALFORMED_RESPONSE', `records at "${path || '(body)'}" are ${found}`, {
    context: { method: request.method, requestId: response.requestId, fieldPath: path },
  });
}

function holdsNoList(body: unknown): boolean {
  return body !== null && typeof body === 'object' && !Array.isArray(body) && !Object.values(body).some(Array.isArray);
}

/**
 * A next-page URL from a response must stay on the base URL's origin: the client sends the
 * connection's credentials with every request, and a response must not be able to send them
 * elsewhere.
 */
function assertSameOrigin(url: string, baseUrl: string, pageIndex: number): void {
  const target = new URL(absoluteUrl(url, baseUrl)).origin;
  const origin = new URL(baseUrl).origin;
  if (target !== origin) {
    throw new PortageError('MALFORMED_RESPONSE', `the next page after page ${pageIndex} is on ${target}, not ${origin}: Portage sends a connection's credentials only to its base URL's origin`, {
      context: { url: target },
    });
  }
}
