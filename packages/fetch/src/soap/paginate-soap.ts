import { formatSince, getPath, PortageError, setPath, type SoapPaginationConfig } from '@portage/core';
import type { Page, PageSource, PaginateOptions } from '../client/paginate.js';
import type { PageState } from '../pagination/index.js';
import { readToken } from '../pagination/read-token.js';
import type { SoapCallOptions, SoapResponse } from './create-soap-client.js';
import { soapCallOf, soapPageState, type SoapPageCall } from './soap-page-state.js';

/** What SOAP pagination needs from the client. */
export interface SoapPageTransport {
  send(operation: string, input: unknown, options?: SoapCallOptions): Promise<SoapResponse>;
  /** The endpoint URL for an entity's `request.path`, or undefined for the client's default. */
  endpointFor(path: string): string | undefined;
}

/**
 * Streams the pages of a SOAP entity: the first from `request.soap`, every next one from the
 * `soap_continuation` operation with inputs read from the page before, e.g. NetSuite `search`
 * then `searchMoreWithId(searchId, pageIndex)` until pageIndex reaches totalPages, or
 * Salesforce `query` then `queryMore(queryLocator)` until done. Each page's `next` is a
 * serialisable PageState; `options.resume` continues from one.
 *
 * An incremental filter `{ in: 'body', name }` sets the since value at that dot path of the
 * first call's input (e.g. "searchRecord.basic.lastModifiedDate.searchValue").
 *
 * @example
 * for await (const page of paginateSoap(transport, customers, { resume: checkpoint })) save(page.records, page.next);
 */
export async function* paginateSoap(transport: SoapPageTransport, source: PageSource, options: PaginateOptions = {}): AsyncGenerator<Page> {
  const first = source.request.soap;
  if (!first) throw new PortageError('CONFIG_INVALID', `${source.request.path} has no request.soap call: a SOAP read needs the operation of its first page`);
  const pagination = soapPaginationOf(source);
  const endpoint = transport.endpointFor(source.request.path);
  const callOptions: SoapCallOptions = { ...(options.signal ? { signal: options.signal } : {}), ...(endpoint ? { endpoint } : {}) };
  let state = options.resume ?? soapPageState(source.request.path, firstCall(source, options.since), 0, 0);
  let call = soapCallOf(state);
  let pending: Promise<SoapResponse> | undefined;
  for (;;) {
    const response = await (pending ?? transport.send(call.operation, call.input, callOptions));
    pending = undefined;
    const page = readPage(response, state, call);
    if (page.next && options.readAhead !== false) {
      const next = soapCallOf(page.next);
      pending = transport.send(next.operation, next.input, callOptions);
      // Settled by the await above, or abandoned when the caller stops: never unhandled.
      pending.catch(() => undefined);
    }
    yield page;
    if (!page.next) return;
    state = page.next;
    call = soapCallOf(state);
  }

  function readPage(response: SoapResponse, current: PageState, currentCall: SoapPageCall): Page {
    const body = response.body;
    const where = { operation: currentCall.operation, requestId: response.requestId };
    if (pagination?.status) checkStatus(pagination.status, body, where);
    const continuation = pagination !== undefined && currentCall.operation === pagination.operation && current.pageIndex > 0;
    const recordsPath = continuation ? (pagination.recordsPath ?? source.recordsPath) : source.recordsPath;
    const records = recordsAt(body, recordsPath, where);
    const recordsSoFar = current.recordsSoFar + records.length;
    const nextCall = pagination ? continueWith(pagination, body, records.length, current.pageIndex, where) : undefined;
    if (nextCall && sameCall(nextCall, currentCall)) {
      throw new PortageError('MALFORMED_RESPONSE', `pagination did not advance after page ${current.pageIndex}: ${nextCall.operation} would be called with the same input again`, { context: where });
    }
    return {
      records,
      index: current.pageIndex,
      status: response.status,
      headers: {},
      requestId: response.requestId,
      ...(nextCall ? { next: soapPageState(source.request.path, nextCall, current.pageIndex + 1, recordsSoFar) } : {}),
    };
  }
}

function soapPaginationOf(source: PageSource): SoapPaginationConfig | undefined {
  const { pagination } = source;
  if (pagination.type === 'soap_continuation') return pagination;
  if (pagination.type === 'none') return undefined;
  throw new PortageError('CONFIG_INVALID', `${source.request.soap?.operation ?? 'a SOAP call'} cannot be paged by "${pagination.type}": use soap_continuation or none`);
}

function firstCall(source: PageSource, since: Date | undefined): SoapPageCall {
  const soap = source.request.soap!;
  let input: Record<string, unknown> = structuredClone(soap.input ?? {});
  if (since) {
    const filter = source.incremental;
    if (!filter || filter.in !== 'body') {
      throw new PortageError('CONFIG_INVALID', `${soap.operation} has no incremental filter with in: 'body' (a dot path in its input), so it cannot be read "modified since"`);
    }
    input = setPath(input, filter.name, formatSince(since, filter.format ?? 'iso8601')) as Record<string, unknown>;
  }
  return { operation: soap.operation, input };
}

type Where = { operation: string; requestId: string };

function recordsAt(body: unknown, path: string, where: Where): unknown[] {
  const value = getPath(body, path);
  if (Array.isArray(value)) return value;
  // An empty list element is left out of the answer, or is an empty element (null).
  if (value === undefined || value === null || value === '') return [];
  throw new PortageError('MALFORMED_RESPONSE', `records at "${path || '(result)'}" of ${where.operation} are a ${typeof value}, not a list: point recordsPath at the repeated element`, {
    context: { ...where, fieldPath: path },
  });
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true' || value === '1';
}

function checkStatus(status: NonNullable<SoapPaginationConfig['status']>, body: unknown, where: Where): void {
  if (isTrue(getPath(body, status.successPath))) return;
  const platformCode = status.codePath ? getPath(body, status.codePath) : undefined;
  const platformMessage = status.messagePath ? getPath(body, status.messagePath) : undefined;
  const code = typeof platformCode === 'string' ? platformCode : undefined;
  const message = typeof platformMessage === 'string' ? platformMessage.slice(0, 500) : undefined;
  // In-band failures name platform codes like faults do; the read cannot go on either way.
  throw new PortageError('VALIDATION_FAILED', `${where.operation} reported failure${code ? ` ${code}` : ''}${message ? `: ${message}` : ''} (at "${status.successPath}")`, {
    context: { ...where, ...(code ? { platformCode: code } : {}), ...(message ? { platformMessage: message } : {}) },
  });
}

function integerAt(body: unknown, path: string, where: Where): number | undefined {
  const value = getPath(body, path);
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(number)) {
    throw new PortageError('MALFORMED_RESPONSE', `expected a whole number at "${path}" of ${where.operation}, got ${JSON.stringify(value).slice(0, 40)}`, { context: { ...where, fieldPath: path } });
  }
  return number;
}

function continueWith(pagination: SoapPaginationConfig, body: unknown, records: number, pageIndex: number, where: Where): SoapPageCall | undefined {
  if (pagination.donePath && isTrue(getPath(body, pagination.donePath))) return undefined;
  const input: Record<string, unknown> = {};
  if (pagination.pageNumber) {
    const { param, path, totalPagesPath } = pagination.pageNumber;
    // Page numbers are 1-based; a result that does not say its own number is the next in line.
    const current = (path ? integerAt(body, path, where) : undefined) ?? pageIndex + 1;
    const total = integerAt(body, totalPagesPath, where);
    if (total === undefined) {
      throw new PortageError('MALFORMED_RESPONSE', `${where.operation} did not say how many pages there are (nothing at "${totalPagesPath}")`, { context: { ...where, fieldPath: totalPagesPath } });
    }
    if (current >= total) return undefined;
    input[param] = current + 1;
  } else if (!pagination.donePath && records === 0) {
    // No explicit "more pages" signal: an empty page ends the read, as for every paginator.
    return undefined;
  }
  const explicit = pagination.donePath !== undefined || pagination.pageNumber !== undefined;
  for (const [field, path] of Object.entries(pagination.input ?? {})) {
    const value = readToken(body, path);
    if (value === undefined) {
      if (!explicit) return undefined;
      // The result says more pages exist yet gives no way to ask for them: stopping would
      // look like a complete read (and a deletion sweep could then remove the rest).
      throw new PortageError('MALFORMED_RESPONSE', `${where.operation} says more pages follow but has no ${field} at "${path}"`, { context: { ...where, fieldPath: path } });
    }
    input[field] = value;
  }
  return { operation: pagination.operation, input };
}

function sameCall(a: SoapPageCall, b: SoapPageCall): boolean {
  return a.operation === b.operation && JSON.stringify(a.input) === JSON.stringify(b.input);
}
