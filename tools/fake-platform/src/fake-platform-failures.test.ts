import { afterEach, describe, expect, it } from 'vitest';
import { startFakePlatform, type FakePlatform } from './fake-platform.js';

let platform: FakePlatform | undefined;
afterEach(async () => {
  await platform?.close();
  platform = undefined;
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fake platform rate limit, failures and latency', () => {
  it('answers 429 with Retry-After beyond the limit, and recovers after the interval', async () => {
    platform = await startFakePlatform({ records: 20, rateLimit: { requests: 3, intervalMs: 1000 } });
    const get = () => fetch(`${platform!.url}/offset/records?limit=5`);
    const ok = [await get(), await get(), await get()];
    expect(ok.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(ok.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0']);
    expect(ok[0]!.headers.get('x-ratelimit-limit')).toBe('3');
    const reset = Number(ok[0]!.headers.get('x-ratelimit-reset'));
    expect(Math.abs(reset * 1000 - Date.now())).toBeLessThan(2_000);

    const limited = await get();
    expect(limited.status).toBe(429);
    const retryAfter = limited.headers.get('retry-after')!;
    expect(retryAfter).toMatch(/^\d+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await get()).status).toBe(429);

    // Doing as Retry-After says is enough: the window opened before the 429 was sent.
    await sleep(Number(retryAfter) * 1000);
    const recovered = await get();
    expect(recovered.status).toBe(200);
    expect(recovered.headers.get('x-ratelimit-remaining')).toBe('2');
    expect(platform.requests().map((r) => r.status)).toEqual([200, 200, 200, 429, 429, 200]);
  });

  it('sends no rate limit headers without a rate limit', async () => {
    platform = await startFakePlatform({ records: 5 });
    expect((await fetch(`${platform.url}/offset/records`)).headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('answers 503 to every Nth request', async () => {
    platform = await startFakePlatform({ records: 5, failEvery: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fetch(`${platform.url}/cursor/records`)).status);
    expect(statuses).toEqual([200, 200, 503, 200, 200, 503, 200]);
    expect(platform.requestCount()).toBe(7);
  });

  it('waits latencyMs before each answer', async () => {
    platform = await startFakePlatform({ records: 5, latencyMs: 60 });
    const started = performance.now();
    await (await fetch(`${platform.url}/offset/records`)).text();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('does not count, log, limit or fail control requests', async () => {
    platform = await startFakePlatform({ records: 5, failEvery: 1 });
    const res = await fetch(`${platform.url}/_control/snapshot`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(5);
    expect(platform.requestCount()).toBe(0);
    expect((await fetch(`${platform.url}/offset/records`)).status).toBe(503);
    expect(platform.requests()).toMatchObject([{ path: '/offset/records', status: 503 }]);
  });
});
