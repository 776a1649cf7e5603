import { pageOf, type SpecHandler, type SpecHandlers, type SpecResponse } from '@portage/spec-server';
import * as records from './records.js';

/** The Stripe lists the connector syncs. */
export type StripeList = 'charges' | 'customers' | 'invoices' | 'products' | 'prices';

/** What the fake Stripe serves per list, newest first (Stripe's order); tests may change it. */
export type StripeServed = Record<StripeList, { id?: string }[]>;

/**
 * A fresh copy of the records the fake Stripe serves.
 *
 * @example const served = stripeServed(); served.customers.pop();
 */
export function stripeServed(): StripeServed {
  return {
    charges: [...records.charges],
    customers: [...records.customers],
    invoices: [...records.invoices],
    products: [...records.products],
    prices: [...records.prices],
  };
}

function stripeError(param: string, code: string, message: string): SpecResponse {
  return { status: 400, body: { error: { type: 'invalid_request_error', code, param, message } } };
}

/** A Stripe list endpoint: `limit` (1..100, default 10), `starting_after` an id of the list, `has_more`. */
function list(served: StripeServed, entity: StripeList): SpecHandler {
  const url = `/v1/${entity}`;
  return (request) => {
    const limit = Number(request.query.limit ?? 10);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      return stripeError('limit', 'parameter_invalid_integer', 'This value must be between 1 and 100.');
    }
    const listed = served[entity];
    const after = request.query.starting_after;
    const start = typeof after === 'string' ? listed.findIndex((record) => record.id === after) + 1 : 0;
    if (typeof after === 'string' && start === 0) return stripeError('starting_after', 'resource_missing', `No such object: '${after}'`);
    const page = pageOf(listed, start, limit);
    return { status: 200, body: { object: 'list', data: page.items, has_more: page.hasMore, url } };
  };
}

/**
 * The spec server handlers of a fake Stripe: its list endpoints, serving `served` as it is
 * when each request arrives.
 *
 * @example startSpecSyncWorld({ platform: 'stripe', connector: stripe, credentials, handlers: stripeHandlers(stripeServed()) });
 */
export function stripeHandlers(served: StripeServed): SpecHandlers {
  return Object.fromEntries((Object.keys(served) as StripeList[]).map((entity) => [`GET /v1/${entity}`, list(served, entity)]));
}
