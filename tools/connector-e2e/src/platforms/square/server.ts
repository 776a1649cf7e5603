import type { Square } from '@portage/connector-square';
import { pageOf, type SpecHandlers, type SpecRequest, type SpecResponse } from '@portage/spec-server';
import { CATALOG, CUSTOMERS, ORDERS } from './records.js';

// Square's catalog/list pages hold a fixed 100 objects; the fake pages by 2 to get several pages.
const CATALOG_PAGE_SIZE = 2;

/**
 * Square cursors are opaque; the fake's carries where the next page starts.
 *
 * @example cursorFor(2) // 'c3RhcnQ6Mg'
 */
export const cursorFor = (start: number): string => Buffer.from(`start:${start}`).toString('base64url');
const startOf = (cursor: unknown): number => (typeof cursor === 'string' ? Number(Buffer.from(cursor, 'base64url').toString().slice('start:'.length)) : 0);

/** What the fake Square holds besides its fixed catalog and customers; tests change the orders. */
export interface SquareState {
  orders: Square['Order'][];
}

/**
 * A fresh copy of the orders the fake Square serves.
 *
 * @example const state = squareState();
 */
export function squareState(): SquareState {
  return { orders: [...ORDERS] };
}

/** Square leaves empty lists and a missing cursor out of its answers. */
function listAnswer(name: string, page: { items: unknown[]; nextStart: number | null }): SpecResponse {
  return { status: 200, body: { ...(page.items.length ? { [name]: page.items } : {}), ...(page.nextStart === null ? {} : { cursor: cursorFor(page.nextStart) }) } };
}

const badRequest = (detail: string): SpecResponse => ({ status: 400, body: { errors: [{ category: 'INVALID_REQUEST_ERROR', code: 'BAD_REQUEST', detail }] } });

const TIME_FIELDS = { CREATED_AT: 'created_at', UPDATED_AT: 'updated_at', CLOSED_AT: 'closed_at' } as const;

/** SearchOrders as Square runs it: locations required, one time range, sorted by that same field. */
function searchOrders(state: SquareState, request: SpecRequest): SpecResponse {
  const body = request.body as Square['SearchOrdersRequest'];
  const locations = body.location_ids ?? [];
  if (locations.length < 1 || locations.length > 10) return badRequest('location_ids must name 1 to 10 locations');
  const sortField = (body.query?.sort?.sort_field ?? 'CREATED_AT') as keyof typeof TIME_FIELDS;
  const ranges = body.query?.filter?.date_time_filter ?? {};
  const filtered = (Object.keys(ranges) as (keyof typeof ranges)[]).filter((field) => ranges[field] !== undefined);
  if (filtered.length > 1) return badRequest('filter on one time range at a time');
  if (filtered[0] && TIME_FIELDS[sortField] !== filtered[0]) return badRequest(`sort_field must be ${filtered[0].toUpperCase()} when filtering by it`);
  const field = TIME_FIELDS[sortField];
  const range = filtered[0] ? ranges[filtered[0]] : undefined;
  const time = (order: Square['Order']) => Date.parse(order[field] ?? '');
  const matches = state.orders
    .filter((order) => locations.includes(order.location_id))
    .filter((order) => !range?.start_at || time(order) >= Date.parse(range.start_at))
    .sort((a, b) => (body.query?.sort?.sort_order === 'ASC' ? time(a) - time(b) : time(b) - time(a)));
  return listAnswer('orders', pageOf(matches, startOf(body.cursor), body.limit ?? 500));
}

function listCatalog(request: SpecRequest): SpecResponse {
  const types = typeof request.query.types === 'string' ? request.query.types.toUpperCase().split(',') : undefined;
  const objects = CATALOG.filter((object) => !types || types.includes(object.type));
  return listAnswer('objects', pageOf(objects, startOf(request.query.cursor), CATALOG_PAGE_SIZE));
}

function listCustomers(request: SpecRequest): SpecResponse {
  const asked = Number(request.query.limit ?? 100);
  // Square ignores a limit outside 1..100.
  const limit = asked >= 1 && asked <= 100 ? asked : 100;
  return listAnswer('customers', pageOf(CUSTOMERS, startOf(request.query.cursor), limit));
}

/**
 * The spec server handlers of a fake Square: SearchOrders over `state.orders` (as it is when
 * each request arrives), the catalog in pages of 2, and the customers.
 *
 * @example startSpecSyncWorld({ platform: 'square', connector: square, tenant, credentials, handlers: squareHandlers(squareState()) });
 */
export function squareHandlers(state: SquareState): SpecHandlers {
  return { 'POST /v2/orders/search': (request) => searchOrders(state, request), 'GET /v2/catalog/list': listCatalog, 'GET /v2/customers': listCustomers };
}
