import { describe, expect, it } from 'vitest';
import { withIdempotencyKey, type IdempotencyStore } from './idempotency-key.js';
import type { SpecRequest } from './spec-server.js';

const request = (body: unknown, headers: Record<string, string> = {}): SpecRequest => ({
  method: 'POST',
  path: '/v1/customers',
  pathParams: {},
  query: {},
  headers,
  body,
  operation: 'POST /v1/customers',
});

function counting() {
  let created = 0;
  const store: IdempotencyStore = new Map();
  const handler = withIdempotencyKey(
    (req) => {
      created += 1;
      return (req.body as { fail?: boolean }).fail ? { status: 402, body: { error: 'declined' } } : { status: 200, body: { id: `cus_${created}` } };
    },
    { store, replayHeaders: { 'idempotent-replayed': 'true' }, mismatch: () => ({ status: 400, body: { error: 'idempotency_error' } }) },
  );
  return { handler, store, created: () => created };
}

describe('withIdempotencyKey', () => {
  it('answers a keyed repeat with the first answer, marked as replayed, without writing again', async () => {
    const { handler, created } = counting();
    const first = await handler(request({ email: 'a@example.test' }, { 'idempotency-key': 'k1' }));
    const again = await handler(request({ email: 'a@example.test' }, { 'idempotency-key': 'k1' }));
    expect(first).toEqual({ status: 200, body: { id: 'cus_1' } });
    expect(again).toEqual({ status: 200, body: { id: 'cus_1' }, headers: { 'idempotent-replayed': 'true' } });
    expect(created()).toBe(1);
  });

  it('refuses the same key on a different request, and writes each unkeyed request', async () => {
    const { handler, created } = counting();
    await handler(request({ email: 'a@example.test' }, { 'idempotency-key': 'k1' }));
    expect(await handler(request({ email: 'b@example.test' }, { 'idempotency-key': 'k1' }))).toEqual({ status: 400, body: { error: 'idempotency_error' } });
    await handler(request({ email: 'a@example.test' }));
    await handler(request({ email: 'a@example.test' }));
    expect(created()).toBe(3);
  });

  it('keeps only successful answers: a refused write can be tried again with its key', async () => {
    const { handler, store, created } = counting();
    expect((await handler(request({ fail: true }, { 'idempotency-key': 'k2' }))).status).toBe(402);
    expect(store.size).toBe(0);
    await handler(request({ fail: true }, { 'idempotency-key': 'k2' }));
    expect(created()).toBe(2);
  });
});
