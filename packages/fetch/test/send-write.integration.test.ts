import { afterEach, describe, expect, it } from 'vitest';
import { createFetchClient, createLogger, sendWrite, type FetchClient } from '../src/index.js';
import { sendJson, startLoopbackServer, type Handler, type LoopbackServer } from './loopback-server.js';

let server: LoopbackServer | undefined;
let client: FetchClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  server = undefined;
  client = undefined;
});

async function start(script: Handler[]): Promise<{ server: LoopbackServer; client: FetchClient }> {
  server = await startLoopbackServer((request, res, raw) => script[Math.min(request.index, script.length - 1)]!(request, res, raw));
  client = createFetchClient({
    baseUrl: server.url,
    auth: { type: 'api_key', in: 'header', name: 'X-Api-Key' },
    credentials: { type: 'api_key', apiKey: 'test-api-key' },
    logger: createLogger({ level: 'silent' }),
    retry: { baseDelayMs: 10, maxDelayMs: 20, minDelayMs: 10, maxAttempts: 3 },
    timeoutMs: 300,
  });
  return { server, client };
}

const created: Handler = (request, res) => sendJson(res, 201, { id: 'c1', body: request.body });
const unavailable: Handler = (_r, res) => sendJson(res, 503, { error: { message: 'down' } });
// Reads the request, then never answers: the client's timeout ends the attempt.
const hang: Handler = () => undefined;

describe('sendWrite', () => {
  it('sends a JSON body with the client auth and answers with the written record', async () => {
    const { server, client } = await start([created]);
    const response = await sendWrite<{ id: string }>(client, { method: 'POST', path: '/customers', body: { email: 'a@example.test' } });
    expect(response.status).toBe(201);
    expect(response.body.id).toBe('c1');
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'POST', url: '/customers', body: '{"email":"a@example.test"}' });
    expect(request!.headers).toMatchObject({ 'content-type': 'application/json', 'x-api-key': 'test-api-key' });
  });

  it('sends a form body with nested keys, and the idempotency key in its header', async () => {
    const { server, client } = await start([created]);
    await sendWrite(client, {
      method: 'POST',
      path: '/v1/customers',
      body: { email: 'a@example.test', metadata: { plan: 'pro' } },
      bodyFormat: 'form',
      idempotency: { header: 'Idempotency-Key', key: 'key-1' },
    });
    const [request] = server.requests;
    expect(request!.body).toBe('email=a%40example.test&metadata%5Bplan%5D=pro');
    expect(request!.headers).toMatchObject({ 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': 'key-1' });
  });

  it('retries a keyed write after a 503 and after a timeout, with the same key each time', async () => {
    const { server, client } = await start([unavailable, hang, created]);
    const response = await sendWrite(client, { method: 'POST', path: '/c', body: {}, idempotency: { header: 'Idempotency-Key', key: 'key-2' } });
    expect(response.attempts).toBe(3);
    expect(server.requests.map((request) => request.headers['idempotency-key'])).toEqual(['key-2', 'key-2', 'key-2']);
  });

  it('does not repeat a POST without a key once it may have reached the platform', async () => {
    const { server, client } = await start([hang, created]);
    const error = await sendWrite(client, { method: 'POST', path: '/c', body: {} }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'TIMEOUT', context: { attempts: 1 } });
    expect(server.requests).toHaveLength(1);
  });

  it('does not repeat a PUT without a key either: some platforms create on PUT', async () => {
    const { server, client } = await start([unavailable, created]);
    const error = await sendWrite(client, { method: 'PUT', path: '/c', body: { a: 1 } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', context: { attempts: 1 } });
    expect(server.requests).toHaveLength(1);
  });

  it('repeats a PUT with a key', async () => {
    const { server, client } = await start([unavailable, created]);
    await sendWrite(client, { method: 'PUT', path: '/c', body: { a: 1 }, idempotency: { header: 'Idempotency-Key', key: 'key-3' } });
    expect(server.requests).toHaveLength(2);
  });

  it('maps a rejection to a universal code', async () => {
    const { client } = await start([(_r, res) => sendJson(res, 422, { error: { message: 'email is invalid' } })]);
    await expect(sendWrite(client, { method: 'PATCH', path: '/c/1', body: {} })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', context: { status: 422 } });
  });
});
