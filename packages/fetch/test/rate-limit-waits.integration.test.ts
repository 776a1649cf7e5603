import { afterEach, describe, expect, it } from 'vitest';
import { createFetchClient, createLogger, type RateLimitWait } from '../src/index.js';
import { sendJson, startLoopbackServer, type LoopbackServer } from './loopback-server.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const silent = createLogger({ level: 'silent' });

describe('onRateLimitWait: every wait the rate limit imposes is reported (for metrics)', () => {
  it('a 429 with Retry-After: the retry waits, and so does every other request of the connection', async () => {
    let calls = 0;
    server = await startLoopbackServer((_request, response) => {
      calls += 1;
      if (calls === 1) {
        response.setHeader('retry-after', '1');
        sendJson(response, 429, { error: { message: 'slow down' } });
        return;
      }
      sendJson(response, 200, {});
    });
    const waits: RateLimitWait[] = [];
    const client = createFetchClient({ baseUrl: server.url, logger: silent, concurrency: 1, onRateLimitWait: (wait) => waits.push(wait) });
    // The second request queues behind the first (concurrency 1) and finds the pause.
    await Promise.all([client.request({ path: '/a' }), client.request({ path: '/b' })]);
    await client.close();
    expect(waits[0]).toEqual({ reason: 'retry_after', ms: 1000 });
    // The other request either started before the pause was set or waited it out.
    for (const wait of waits.slice(1)) expect(wait).toEqual({ reason: 'paused', ms: expect.any(Number) });
    expect(waits.length).toBeLessThanOrEqual(2);
  });

  it('the configured budget: requests beyond it wait, and each wait is reported as budget', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    const waits: RateLimitWait[] = [];
    const client = createFetchClient({ baseUrl: server.url, logger: silent, rateLimit: { requests: 2, intervalMs: 200 }, onRateLimitWait: (wait) => waits.push(wait) });
    await Promise.all(Array.from({ length: 5 }, () => client.request({ path: '/x' })));
    await client.close();
    expect(waits.length).toBeGreaterThanOrEqual(2);
    for (const wait of waits) {
      expect(wait.reason).toBe('budget');
      expect(wait.ms).toBeGreaterThan(0);
    }
  });

  it('nothing is reported when nothing waits', async () => {
    server = await startLoopbackServer((_request, response) => sendJson(response, 200, {}));
    const waits: RateLimitWait[] = [];
    const client = createFetchClient({ baseUrl: server.url, logger: silent, onRateLimitWait: (wait) => waits.push(wait) });
    await Promise.all(Array.from({ length: 3 }, () => client.request({ path: '/x' })));
    await client.close();
    expect(waits).toEqual([]);
  });
});
