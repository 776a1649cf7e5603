import { afterEach, describe, expect, it } from 'vitest';
import { createFetchClient, createLogger } from '../src/index.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from './loopback-server.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Most request arrivals the server saw within any window of `windowMs`. */
function busiestWindow(s: LoopbackServer, windowMs: number): number {
  const times = s.requests.map((r) => r.at).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= windowMs) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

const silent = createLogger({ level: 'silent' });

describe('concurrency cap and rate budget, seen by a real server', () => {
  it('never has more than the concurrency cap in flight (default 5)', async () => {
    server = await startLoopbackServer((_r, res) => {
      setTimeout(() => sendJson(res, 200, {}), 30);
    });
    const client = createFetchClient({ baseUrl: server.url, logger: silent });
    await Promise.all(Array.from({ length: 40 }, (_, i) => client.request({ path: `/x/${i}` })));
    expect(server.requests).toHaveLength(40);
    // Never above the cap; above 1 proves requests really ran side by side.
    expect(server.maxInFlight).toBeLessThanOrEqual(5);
    expect(server.maxInFlight).toBeGreaterThan(1);
    await client.close();
  });

  it('honours a configured cap', async () => {
    server = await startLoopbackServer((_r, res) => {
      setTimeout(() => sendJson(res, 200, {}), 20);
    });
    const client = createFetchClient({ baseUrl: server.url, logger: silent, concurrency: 2 });
    await Promise.all(Array.from({ length: 12 }, () => client.request({ path: '/x' })));
    expect(server.maxInFlight).toBeLessThanOrEqual(2);
    expect(server.maxInFlight).toBeGreaterThan(1);
    await client.close();
  });

  it('never starts more than the configured requests per interval', async () => {
    server = await startLoopbackServer((_r, res) => sendJson(res, 200, {}));
    const client = createFetchClient({ baseUrl: server.url, logger: silent, rateLimit: { requests: 4, intervalMs: 1_000 }, concurrency: 10 });
    const started = performance.now();
    await Promise.all(Array.from({ length: 12 }, () => client.request({ path: '/x' })));
    // 12 requests at 4 per second need at least two full intervals after the first burst.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_900);
    // The server shares this process's event loop, so a busy machine can delay its arrival
    // stamps; a window of 800 ms tolerates stalls up to 200 ms, while without the limiter all
    // 12 requests would land in one window.
    expect(busiestWindow(server, 800)).toBeLessThanOrEqual(4);
    await client.close();
  });

  it('learns the budget from rate-limit headers: remaining 0 holds requests until the reset', async () => {
    let resetAt = 0;
    server = await startLoopbackServer((request, res) => {
      if (request.index === 0) {
        resetAt = performance.now() + 1000;
        sendJson(res, 200, {}, { 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1' });
      } else sendJson(res, 200, {});
    });
    const client = createFetchClient({ baseUrl: server.url, logger: silent });
    await client.request({ path: '/first' });
    await Promise.all([client.request({ path: '/a' }), client.request({ path: '/b' })]);
    expect(server.requests[1]!.at).toBeGreaterThanOrEqual(resetAt - 50);
    await client.close();
  });

  it('a 429 pauses every request of the connection, not just the one told', async () => {
    server = await startLoopbackServer((request, res) => {
      if (request.index === 0) sendJson(res, 429, {}, { 'retry-after': '1' });
      else sendJson(res, 200, {});
    });
    const client = createFetchClient({ baseUrl: server.url, logger: silent, concurrency: 1 });
    const first = client.request({ path: '/limited' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = client.request({ path: '/other' });
    await Promise.all([first, second]);
    const [limited, ...rest] = server.requests;
    for (const later of rest) expect(later.at - limited!.at).toBeGreaterThanOrEqual(950);
    await client.close();
  });
});
