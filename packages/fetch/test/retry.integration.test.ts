import { afterEach, describe, expect, it } from 'vitest';
import { createFetchClient, createLogger, type FetchClientOptions } from '../src/index.js';
import { sendJson, startLoopbackServer, type Handler, type LoopbackServer } from './loopback-server.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server that answers the n-th request (0-based) with `script[n]`, the last entry after that. */
async function scripted(script: Handler[]): Promise<LoopbackServer> {
  server = await startLoopbackServer((request, res, raw) => script[Math.min(request.index, script.length - 1)]!(request, res, raw));
  return server;
}

const ok: Handler = (_r, res) => sendJson(res, 200, { ok: true });
const status = (code: number, headers: Record<string, string> = {}): Handler => (_r, res) => sendJson(res, code, { error: { message: `status ${code}` } }, headers);

function clientFor(s: LoopbackServer, extra: Partial<FetchClientOptions> = {}) {
  return createFetchClient({
    baseUrl: s.url,
    logger: createLogger({ level: 'silent' }),
    retry: { baseDelayMs: 20, maxDelayMs: 100, minDelayMs: 20, maxAttempts: 5 },
    ...extra,
  });
}

const gapsOf = (s: LoopbackServer) => s.requests.slice(1).map((r, i) => r.at - s.requests[i]!.at);

describe('retries against a real server', () => {
  it('429 with Retry-After in seconds waits that long, then succeeds', async () => {
    const s = await scripted([status(429, { 'retry-after': '1' }), ok]);
    const response = await clientFor(s).request({ path: '/x' });
    expect(response.status).toBe(200);
    expect(response.attempts).toBe(2);
    expect(gapsOf(s)[0]).toBeGreaterThanOrEqual(950);
  });

  it('429 with Retry-After as an HTTP-date waits until then', async () => {
    // HTTP-dates have whole seconds: two seconds ahead is between one and two seconds away.
    const s = await scripted([(_r, res) => sendJson(res, 429, {}, { 'retry-after': new Date(Date.now() + 2000).toUTCString() }), ok]);
    const response = await clientFor(s).request({ path: '/x' });
    expect(response.attempts).toBe(2);
    expect(gapsOf(s)[0]).toBeGreaterThanOrEqual(900);
  });

  it('429 with Retry-After: 0 still backs off, and gives up after max attempts', async () => {
    const s = await scripted([status(429, { 'retry-after': '0' })]);
    const error = await clientFor(s).request({ path: '/x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMITED', action: 'wait_until' });
    expect(s.requests).toHaveLength(5);
    for (const gap of gapsOf(s)) expect(gap).toBeGreaterThanOrEqual(19);
  });

  it('429 with an X-RateLimit-Reset beyond the wait budget fails fast with waitUntil', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const s = await scripted([status(429, { 'x-ratelimit-reset': String(reset), 'x-ratelimit-remaining': '0' })]);
    const error = await clientFor(s).request({ path: '/x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RATE_LIMITED' });
    expect((error as { context: { waitUntil: Date } }).context.waitUntil.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    expect(s.requests).toHaveLength(1);
  });

  it.each([502, 503, 504])('%i is retried until the platform recovers', async (code) => {
    const s = await scripted([status(code), status(code), ok]);
    const response = await clientFor(s).request({ path: '/x' });
    expect(response.attempts).toBe(3);
  });

  it('a reset connection is retried', async () => {
    const reset: Handler = (_r, res) => {
      res.socket?.destroy();
    };
    const s = await scripted([reset, ok]);
    const response = await clientFor(s).request({ path: '/x' });
    expect(response.attempts).toBe(2);
  });

  it('a request that gets no answer in time is retried, then fails with TIMEOUT', async () => {
    const hang: Handler = () => undefined;
    const s = await scripted([hang, ok]);
    const response = await clientFor(s, { timeoutMs: 200 }).request({ path: '/x' });
    expect(response.attempts).toBe(2);

    const s2 = await scripted([hang]);
    const error = await clientFor(s2, { timeoutMs: 100, retry: { maxAttempts: 2, minDelayMs: 10, baseDelayMs: 10 } })
      .request({ path: '/x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT', action: 'retry' });
    expect(s2.requests).toHaveLength(2);
  });

  it('a body that stalls halfway counts as a timeout', async () => {
    const s = await scripted([
      (_r, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"partial":');
      },
      ok,
    ]);
    const response = await clientFor(s, { timeoutMs: 200 }).request({ path: '/x' });
    expect(response.attempts).toBe(2);
  });

  it('a POST is not retried unless marked safe', async () => {
    const s = await scripted([status(503), ok]);
    const error = await clientFor(s).request({ method: 'POST', path: '/x', body: { a: 1 } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(s.requests).toHaveLength(1);

    const s2 = await scripted([status(503), ok]);
    const response = await clientFor(s2).request({ method: 'POST', path: '/x', body: { a: 1 } }, { retrySafe: true });
    expect(response.attempts).toBe(2);
    expect(s2.requests.map((r) => r.body)).toEqual(['{"a":1}', '{"a":1}']);
  });

  it('stops when the elapsed-time budget runs out', async () => {
    const s = await scripted([status(503)]);
    const client = clientFor(s, { retry: { maxAttempts: 100, maxElapsedMs: 300, baseDelayMs: 50, minDelayMs: 50, maxDelayMs: 100 } });
    const error = await client.request({ path: '/x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(s.requests.length).toBeLessThan(10);
  });
});
