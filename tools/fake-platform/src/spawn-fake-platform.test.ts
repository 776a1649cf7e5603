import { afterEach, describe, expect, it } from 'vitest';
import type { FakeRecord } from './dataset.js';
import { spawnFakePlatform, type SpawnedFakePlatform } from './spawn-fake-platform.js';
import { walkStyle } from './walk-style.js';

let platform: SpawnedFakePlatform | undefined;
afterEach(async () => {
  await platform?.close();
  platform = undefined;
});

describe('spawnFakePlatform', () => {
  it('runs in another process, mutated through /_control/*', async () => {
    platform = await spawnFakePlatform({ records: 20, pageSize: 5, seed: 3 });
    const before = new Date().toISOString();
    const res = await fetch(`${platform.url}/_control/update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: ['rec_0000004'] }),
    });
    expect(res.status).toBe(200);
    const [updated] = ((await res.json()) as { data: FakeRecord[] }).data;
    expect(updated).toMatchObject({ id: 'rec_0000004' });
    expect(updated!.updated_at >= before).toBe(true);

    const read = await walkStyle(platform.url, 'cursor', { query: { updated_since: before } });
    expect(read).toEqual([updated]);
    const all = await walkStyle(platform.url, 'last_id');
    expect(all.find((r) => r.id === 'rec_0000004')).toEqual(updated);

    expect((await platform.insert(2)).map((r) => r.id)).toEqual(['rec_0000021', 'rec_0000022']);
    expect(await platform.remove(['rec_0000001'])).toEqual(['rec_0000001']);
    expect(await platform.remove(3)).toHaveLength(3);
    expect(await platform.update(2)).toHaveLength(2);
    const snapshot = await platform.snapshot();
    expect(snapshot).toHaveLength(18);
    expect(snapshot.map((r) => r.id)).toEqual(snapshot.map((r) => r.id).sort());
    const deleted = (await (await fetch(`${platform.url}/deleted?since=${before}`)).json()) as { data: unknown[] };
    expect(deleted.data).toHaveLength(4);
    // One filtered page, two pages of 10 for all 20, one /deleted; control requests do not count.
    expect(await platform.requestCount()).toBe(4);
    expect((await platform.requests()).at(-1)).toMatchObject({ path: '/deleted', query: { since: before } });
  });

  it('answers malformed control requests with 400 or 404', async () => {
    platform = await spawnFakePlatform({ records: 5 });
    const post = (path: string, body: string) => fetch(`${platform!.url}/_control/${path}`, { method: 'POST', body });
    expect((await post('update', '{"count":-1}')).status).toBe(400);
    expect((await post('insert', '{"ids":["rec_0000001"]}')).status).toBe(400);
    expect((await post('remove', 'not json')).status).toBe(400);
    expect((await post('explode', '{}')).status).toBe(404);
    await expect(platform.update(1.5)).rejects.toThrow(/400/);
  });

  it('passes rate limit, failures and latency to the child as flags', async () => {
    platform = await spawnFakePlatform({ records: 5, rateLimit: { requests: 2, intervalMs: 60_000 }, failEvery: 4, latencyMs: 30 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${platform.url}/offset/records`);
      statuses.push(res.status);
      if (i === 0) expect(res.headers.get('x-ratelimit-limit')).toBe('2');
    }
    expect(statuses).toEqual([200, 200, 429, 503]);
    const started = performance.now();
    await fetch(`${platform.url}/offset/records`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });
});
