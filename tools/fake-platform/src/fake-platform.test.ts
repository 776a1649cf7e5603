import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset, SEED_EPOCH } from './dataset.js';
import { PAGING_STYLES, startFakePlatform, type FakePlatform } from './fake-platform.js';
import { walkStyle } from './walk-style.js';

let platform: FakePlatform;
beforeAll(async () => {
  platform = await startFakePlatform({ records: 57, pageSize: 10 });
});
afterAll(async () => platform.close());

const ids = (records: Array<{ id: string }>) => records.map((r) => r.id);
// Seed record i was updated i seconds after the epoch: "since second 20" keeps records 20..57.
const since20 = new Date(SEED_EPOCH + 20_000);
const from20 = () => ids(platform.records.filter((r) => r.updated_at >= since20.toISOString()));

describe('fake platform', () => {
  it('seeds the same dataset every time, records of about the asked size', () => {
    const a = createDataset(5, 300);
    expect(createDataset(5, 300)).toEqual(a);
    for (const record of a) expect(Buffer.byteLength(JSON.stringify(record))).toBe(300);
  });

  it.each(PAGING_STYLES)('%s serves every record once, in order', async (style) => {
    const read = ids(await walkStyle(platform.url, style));
    expect(read).toHaveLength(57);
    expect(read).toEqual(ids(platform.records));
  });

  it.each(PAGING_STYLES)('%s filters by updated_since', async (style) => {
    const read = ids(await walkStyle(platform.url, style, { query: { updated_since: since20.toISOString() } }));
    expect(from20()).toHaveLength(38);
    expect(read).toEqual(from20());
  });

  it.each(PAGING_STYLES)('%s filters by If-Modified-Since', async (style) => {
    const read = ids(await walkStyle(platform.url, style, { headers: { 'if-modified-since': since20.toUTCString() } }));
    expect(read).toEqual(from20());
  });

  it('applies both filters when both are given, so the later wins', async () => {
    const since50 = new Date(SEED_EPOCH + 50_000).toISOString();
    const read = await walkStyle(platform.url, 'last_id', { query: { updated_since: since50 }, headers: { 'if-modified-since': since20.toUTCString() } });
    expect(ids(read)).toEqual(['rec_0000050', 'rec_0000051', 'rec_0000052', 'rec_0000053', 'rec_0000054', 'rec_0000055', 'rec_0000056', 'rec_0000057']);
  });

  it('answers a time after every record with an empty list, and a malformed one with 400', async () => {
    expect(await walkStyle(platform.url, 'offset', { query: { updated_since: '2030-01-01T00:00:00Z' } })).toEqual([]);
    const bad = await fetch(`${platform.url}/offset/records?updated_since=yesterday`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/updated_since/);
  });

  it('ignores a malformed If-Modified-Since, as RFC 9110 asks', async () => {
    const read = await walkStyle(platform.url, 'cursor', { headers: { 'if-modified-since': 'not a date' } });
    expect(read).toHaveLength(57);
  });

  it('serves a repeated request the same bytes (from its page cache)', async () => {
    const url = `${platform.url}/offset/records?limit=7&offset=14`;
    const [a, b] = [await (await fetch(url)).text(), await (await fetch(url)).text()];
    expect(a).toBe(b);
    expect(ids((JSON.parse(a) as { data: Array<{ id: string }> }).data)).toEqual(ids(platform.records.slice(14, 21)));
  });

  it('counts and logs requests, query included', async () => {
    const before = platform.requestCount();
    await fetch(`${platform.url}/page/records?page=2&limit=5`);
    expect(platform.requestCount()).toBe(before + 1);
    expect(platform.requests().at(-1)).toMatchObject({ method: 'GET', path: '/page/records', query: { page: '2', limit: '5' }, status: 200 });
  });

  it('answers an unknown endpoint with 404', async () => {
    expect((await fetch(`${platform.url}/nope`)).status).toBe(404);
    expect((await fetch(`${platform.url}/offset/records/extra`)).status).toBe(404);
  });
});
