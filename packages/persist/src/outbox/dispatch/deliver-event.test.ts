import type { Transport, TransportRequest } from '@portage/fetch';
import { describe, expect, it } from 'vitest';
import { deliverEvent, EVENT_ID_HEADER } from './deliver-event.js';
import { SIGNATURE_HEADER, verifySignature } from './sign-event.js';
import type { WebhookEvent } from './to-webhook-event.js';

const secret = 'whsec_unit_secret_value';
const endpoint = { url: 'https://hooks.example.test/portage', secret };
const clock = () => new Date('2026-01-01T00:00:00Z');
const event: WebhookEvent = {
  id: '42',
  connectionId: '0b8f6c1e-2d3a-4c4b-9a8e-1f2e3d4c5b6a',
  entity: 'order',
  externalId: 'ord_1',
  kind: 'updated',
  payload: { total: { amount: 1999, currency: 'EUR' } },
  runId: null,
  createdAt: '2025-12-31T23:59:00.000Z',
};

function bodyOf(text: string): AsyncIterable<Uint8Array> {
  return (async function* () {
    yield new TextEncoder().encode(text);
  })();
}

/** A transport answering `status` with `text`, recording the requests it got. */
function answering(status: number, text = ''): Transport & { requests: TransportRequest[] } {
  const requests: TransportRequest[] = [];
  const transport = async (request: TransportRequest) => {
    requests.push(request);
    return { status, headers: {}, body: bodyOf(text) };
  };
  return Object.assign(transport, { requests });
}

function throwing(error: unknown): Transport {
  return async () => {
    throw error;
  };
}

const deliver = (transport: Transport, timeoutMs = 5000) => deliverEvent(event, { transport, endpoint, timeoutMs, now: clock });

describe('deliverEvent', () => {
  it('posts the event as signed JSON with its id in a header', async () => {
    const transport = answering(204);
    expect(await deliver(transport)).toEqual({ ok: true, status: 204 });
    const [request] = transport.requests;
    expect(request).toMatchObject({ method: 'POST', url: endpoint.url, timeoutMs: 5000 });
    expect(JSON.parse(request!.body!)).toEqual(event);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers[EVENT_ID_HEADER]).toBe('42');
    const signature = request!.headers[SIGNATURE_HEADER]!;
    expect(signature).toMatch(/^t=1767225600,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, request!.body!, signature, { now: clock })).toBe(true);
    expect(request!.signal).toBeInstanceOf(AbortSignal);
    expect(JSON.stringify(request!.headers)).not.toContain(secret);
  });

  it.each([200, 201, 202, 299])('%s is a delivery', async (status) => {
    expect(await deliver(answering(status))).toEqual({ ok: true, status });
  });

  it.each([
    [301, '', 'HTTP 301'],
    [404, 'no such hook', 'HTTP 404: no such hook'],
    [500, '  {"error":\n  "boom"}  ', 'HTTP 500: {"error": "boom"}'],
  ])('%s fails with a short reason', async (status, text, reason) => {
    expect(await deliver(answering(status, text))).toEqual({ ok: false, reason });
  });

  it('keeps at most 200 characters of the response body', async () => {
    const outcome = await deliver(answering(500, 'x'.repeat(50_000)));
    expect(outcome).toEqual({ ok: false, reason: `HTTP 500: ${'x'.repeat(200)}` });
  });

  it('never keeps the secret, even when the receiver echoes it', async () => {
    const outcome = await deliver(answering(400, `bad secret ${secret}!`));
    expect(outcome).toEqual({ ok: false, reason: 'HTTP 400: bad secret [redacted]!' });
  });

  it.each([
    ['a code on the error', Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443 https://user:pw@x'), { code: 'ECONNREFUSED' }), 'network error: ECONNREFUSED'],
    ['a code on the cause', new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }) }), 'network error: UND_ERR_SOCKET'],
    ['a headers timeout', Object.assign(new Error('Headers Timeout Error'), { code: 'UND_ERR_HEADERS_TIMEOUT' }), 'timeout after 5000 ms'],
    ['an abort by the deadline', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'timeout after 5000 ms'],
    ['no code at all', new Error('https://user:pw@hooks.example.test failed'), 'network error: Error'],
    ['a non-error', 'boom', 'network error: unknown'],
  ])('a transport error with %s becomes "%s" (no message, no URL)', async (_name, error, reason) => {
    expect(await deliver(throwing(error))).toEqual({ ok: false, reason });
  });

  it('counts a 2xx as delivered even if its body breaks off', async () => {
    const transport: Transport = async () => ({
      status: 200,
      headers: {},
      body: (async function* () {
        yield new Uint8Array([1]);
        throw Object.assign(new Error('socket closed'), { code: 'UND_ERR_SOCKET' });
      })(),
    });
    expect(await deliver(transport)).toEqual({ ok: true, status: 200 });
  });
});
