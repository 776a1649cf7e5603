import type { SpecHandlers, SpecRequest, SpecResponse } from '@portage/spec-server';
import { pageOf } from '@portage/spec-server';
import { orders } from './records.js';

const LAST_MODIFIED = /^lastmodifieddate:\[(.+?)\.\.\]$/;

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Where the fake eBay's `href`/`next`/`prev` links point. By default at the server itself
 * (`http://` + the request's Host), as eBay builds them from its own host; recording passes
 * the real origin so the fixtures hold the links eBay would send.
 *
 * @example { origin: 'https://api.ebay.com' }
 */
export interface EbayLinkOptions {
  origin?: string;
}

/**
 * GET /order as eBay serves it: `offset`/`limit` (default 50, at most 200), `total`, and
 * absolute `href`/`next`/`prev` URLs that repeat the request's filter.
 */
function getOrders(request: SpecRequest, options: EbayLinkOptions): SpecResponse {
  const limit = Number(single(request.query.limit) ?? 50);
  const offset = Number(single(request.query.offset) ?? 0);
  const filter = single(request.query.filter);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200 || !Number.isInteger(offset) || offset < 0) return { status: 400 };
  const since = filter === undefined ? undefined : LAST_MODIFIED.exec(filter)?.[1];
  if (filter !== undefined && (since === undefined || Number.isNaN(Date.parse(since)))) return { status: 400 };
  const matching = since === undefined ? orders : orders.filter((order) => Date.parse(order.lastModifiedDate ?? '') >= Date.parse(since));
  const page = pageOf(matching, offset, limit);
  const origin = options.origin ?? `http://${request.headers.host}`;
  const url = (at: number) => `${origin}${request.path}?${new URLSearchParams({ ...(filter === undefined ? {} : { filter }), limit: String(limit), offset: String(at) })}`;
  return {
    status: 200,
    body: {
      href: url(offset),
      total: matching.length,
      limit,
      offset,
      ...(page.nextStart === null ? {} : { next: url(page.nextStart) }),
      ...(offset > 0 ? { prev: url(Math.max(0, offset - limit)) } : {}),
      orders: page.items,
    },
  };
}

/**
 * The spec server handlers of a fake eBay Sell Fulfillment API: getOrders over the fixed orders.
 *
 * @example startSpecSyncWorld({ platform: 'ebay', connector: ebay, credentials, handlers: ebayHandlers() });
 */
export function ebayHandlers(options: EbayLinkOptions = {}): SpecHandlers {
  return { 'GET /order': (request) => getOrders(request, options) };
}
