import { randomBytes } from 'node:crypto';
import type { CustomersRecord } from '@portage/connector-stripe';
import { withIdempotencyKey, type IdempotencyStore, type SpecHandler, type SpecHandlers, type SpecResponse } from '@portage/spec-server';
import { customer } from './records.js';
import type { StripeServed } from './server.js';

const NO_ADDRESS = { city: null, country: null, line1: null, line2: null, postal_code: null, state: null };
/** Top-level text fields a create or update body sets as they are ("" unsets them). */
const TEXT_FIELDS = ['name', 'email', 'phone', 'description'] as const;

function stripeError(status: number, type: string, code: string | undefined, message: string, param?: string): SpecResponse {
  return { status, body: { error: { type, ...(code ? { code } : {}), ...(param ? { param } : {}), message } } };
}

/**
 * A create or update body (nested and typed by the spec server) applied to a customer, the way
 * Stripe applies one: sent fields replace, `""` unsets, `address` and `metadata` merge key by key.
 */
function applyBody(record: CustomersRecord, body: Record<string, unknown>): CustomersRecord {
  const next: CustomersRecord = { ...record };
  for (const field of TEXT_FIELDS) if (typeof body[field] === 'string') next[field] = body[field] === '' ? null : (body[field] as string);
  if (body.address === '') next.address = null;
  else if (typeof body.address === 'object' && body.address !== null) next.address = { ...NO_ADDRESS, ...next.address, ...(body.address as Partial<typeof NO_ADDRESS>) };
  if (body.metadata === '') next.metadata = {};
  else if (typeof body.metadata === 'object' && body.metadata !== null) next.metadata = { ...next.metadata, ...(body.metadata as Record<string, string>) };
  return next;
}

/**
 * The spec server handlers of a fake Stripe's customer writes, over the same `served` lists the
 * list handlers read: create (POST /v1/customers, newest first), update (POST
 * /v1/customers/{customer}) and read (GET /v1/customers/{customer}). Writes honour the
 * Idempotency-Key header as Stripe does: a repeat with the same key and body gets the first
 * answer with `Idempotent-Replayed: true`, the key on another body a 400 idempotency_error.
 *
 * @example startSpecSyncWorld({ platform: 'stripe', connector: stripe, credentials, handlers: { ...stripeHandlers(served), ...stripeCustomerWrites(served) } });
 */
export function stripeCustomerWrites(served: StripeServed, options: { now?: () => Date } = {}): SpecHandlers {
  const now = options.now ?? (() => new Date());
  const store: IdempotencyStore = new Map();
  const keyed = (handler: SpecHandler) =>
    withIdempotencyKey(handler, {
      store,
      replayHeaders: { 'idempotent-replayed': 'true' },
      mismatch: () => stripeError(400, 'idempotency_error', undefined, 'Keys for idempotent requests can only be used with the same parameters they were first used with.'),
    });
  const customers = () => served.customers as CustomersRecord[];
  const find = (id: string | undefined) => customers().findIndex((record) => record.id === id);
  const missing = (id: string | undefined) => stripeError(404, 'invalid_request_error', 'resource_missing', `No such customer: '${id}'`, 'id');

  return {
    'POST /v1/customers': keyed((request) => {
      const created = applyBody(customer({ id: `cus_${randomBytes(7).toString('hex')}`, created: Math.floor(now().getTime() / 1000) }), (request.body ?? {}) as Record<string, unknown>);
      served.customers.unshift(created);
      return { status: 200, body: created };
    }),
    'POST /v1/customers/{customer}': keyed((request) => {
      const index = find(request.pathParams.customer);
      if (index < 0) return missing(request.pathParams.customer);
      const updated = applyBody(customers()[index]!, (request.body ?? {}) as Record<string, unknown>);
      served.customers[index] = updated;
      return { status: 200, body: updated };
    }),
    'GET /v1/customers/{customer}': (request) => {
      const index = find(request.pathParams.customer);
      return index < 0 ? missing(request.pathParams.customer) : { status: 200, body: customers()[index] };
    },
  };
}
