import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset } from './dataset.js';
import { PAGING_STYLES, startFakePlatform, type FakePlatform } from './fake-platform.js';

let platform: FakePlatform;
beforeAll(async () => {
  platform = await startFakePlatform({ records: 57, pageSize: 10 });
});
afterAll(async () => platform.close());

/** Walks a style by hand, following whatever the answer says, to check the server itself. */
async function walk(style: string): Promise<string[]> {
  const ids: string[] = [];
  let url: string | undefined = `${platform.url}/${style}/records?limit=10`;
  let page = 1;
  while (url) {
    const res = await fetch(url);
    const body = (await res.json()) as Record<string, unknown> | unknown[];
    const records = (Array.isArray(body) ? body : ((body.data ?? body.items ?? body.orders) as unknown[])) as Array<{ id: string }>;
    ids.push(...records.map((r) => r.id));
    const last = records.at(-1)?.id;
    const b = body as Record<string, unknown>;
    const next: Record<string, string | undefined> = {
      offset: records.length ? `${platform.url}/offset/records?limit=10&offset=${ids.length}` : undefined,
      page: records.length ? `${platform.url}/page/records?limit=10&page=${++page}` : undefined,
      cursor: b.next_cursor ? `${platform.url}/cursor/records?limit=10&cursor=${String(b.next_cursor)}` : undefined,
      last_id: b.has_more ? `${platform.url}/last_id/records?limit=10&starting_after=${last}` : undefined,
      link_header: /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1],
      next_url: (b.next as string | null) ?? undefined,
    };
    url = next[style];
  }
  return ids;
}

describe('fake platform', () => {
  it('seeds the same dataset every time, records of about the asked size', () => {
    const a = createDataset(5, 300);
    expect(createDataset(5, 300)).toEqual(a);
    for (const record of a) expect(Buffer.byteLength(JSON.stringify(record))).toBe(300);
  });

  it.each(PAGING_STYLES)('%s serves every record once, in order', async (style) => {
    expect(await walk(style)).toEqual(platform.records.map((r) => r.id));
  });

  it('answers an unknown endpoint with 404', async () => {
    expect((await fetch(`${platform.url}/nope`)).status).toBe(404);
  });
});
