import { afterEach, describe, expect, it } from 'vitest';
import type { FakeRecord } from './dataset.js';
import { startFakePlatform, type FakePlatform } from './fake-platform.js';
import { walkStyle } from './walk-style.js';

let platform: FakePlatform | undefined;
afterEach(async () => {
  await platform?.close();
  platform = undefined;
});
const start = async (records = 100) => (platform = await startFakePlatform({ records, pageSize: 10 }));
const ids = (records: Array<{ id: string }>) => records.map((r) => r.id);
const counts = (values: string[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());

describe('fake platform mutations', () => {
  it('inserts after every id, updates amount and updated_at, removes, and snapshots by id', async () => {
    const p = await start(5);
    const before = new Date().toISOString();
    expect(ids(p.insert(2))).toEqual(['rec_0000006', 'rec_0000007']);
    const old = p.snapshot().find((r) => r.id === 'rec_0000002')!;
    const [updated] = p.update(['rec_0000002', 'rec_9999999']);
    expect(updated).toMatchObject({ id: 'rec_0000002', name: old.name });
    expect(updated!.amount).not.toBe(old.amount);
    expect(updated!.updated_at >= before).toBe(true);
    expect(Date.parse(updated!.updated_at)).toBeLessThanOrEqual(Date.now());
    expect(p.remove(['rec_0000004', 'rec_0000004', 'nope'])).toEqual(['rec_0000004']);
    expect(ids(p.snapshot())).toEqual(['rec_0000001', 'rec_0000002', 'rec_0000003', 'rec_0000005', 'rec_0000006', 'rec_0000007']);
    expect(p.snapshot().find((r) => r.id === 'rec_0000002')).toEqual(updated);
  });

  it('picks the same "random" records for the same seed, and other ones for another seed', async () => {
    const picks = async (seed: number) => {
      const p = await startFakePlatform({ records: 1000, seed });
      const picked = [ids(p.update(5)), p.remove(3)];
      await p.close();
      return picked;
    };
    const [a, b, c] = [await picks(7), await picks(7), await picks(8)];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(new Set(a[0]).size).toBe(5);
    expect(a[1]).toHaveLength(3);
  });

  it('serves an update to updated_since readers of every style', async () => {
    const p = await start(30);
    const before = new Date().toISOString();
    const changed = p.update(['rec_0000007', 'rec_0000021']);
    for (const style of ['offset', 'page', 'cursor', 'last_id', 'link_header', 'next_url'] as const) {
      expect(await walkStyle(p.url, style, { query: { updated_since: before } })).toEqual(changed);
    }
  });

  it.each(['cursor', 'last_id'] as const)(
    '%s: while records change, unmutated records are served exactly once and inserts are served',
    async (style) => {
      const p = await start(200);
      const mutated = new Set<string>();
      const inserted = new Set<string>();
      const removedAhead = new Set<string>();
      const read = await walkStyle(p.url, style, {
        beforePage: (pages, soFar) => {
          const cursor = soFar.at(-1)!.id;
          // Something behind the read, something ahead of it, and seeded picks anywhere.
          const behind = `rec_${String(pages * 10 - 3).padStart(7, '0')}`;
          const ahead = `rec_${String(pages * 10 + 25).padStart(7, '0')}`;
          for (const id of ids(p.update([behind, ahead]))) mutated.add(id);
          for (const id of p.remove(pages % 2 ? [ahead] : 2)) {
            mutated.add(id);
            if (id > cursor) removedAhead.add(id);
          }
          for (const id of ids(p.update(3))) mutated.add(id);
          for (const id of ids(p.insert(2))) inserted.add(id);
        },
      });
      const seen = counts(ids(read));
      // Keyset pages over ids never serve a record twice.
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      const unmutated = Array.from({ length: 200 }, (_, i) => `rec_${String(i + 1).padStart(7, '0')}`).filter((id) => !mutated.has(id));
      expect(unmutated.length).toBeGreaterThan(100);
      for (const id of unmutated) expect(seen.get(id), id).toBe(1);
      const live = new Set(ids(p.snapshot()));
      const survivors = [...inserted].filter((id) => live.has(id) && !mutated.has(id));
      expect(survivors.length).toBeGreaterThan(10);
      for (const id of survivors) expect(seen.get(id), id).toBe(1);
      expect(removedAhead.size).toBeGreaterThan(5);
      for (const id of removedAhead) expect(seen.has(id), id).toBe(false);
    },
  );

  it('cursor with updated_since serves records updated ahead of the read, and inserts', async () => {
    const p = await start(100);
    const syncStart = new Date().toISOString();
    p.update(['rec_0000005', 'rec_0000030', 'rec_0000060']);
    const read = await walkStyle(p.url, 'cursor', {
      limit: 2,
      query: { updated_since: syncStart },
      beforePage: (pages) => {
        if (pages === 1) {
          p.update(['rec_0000001', 'rec_0000080']); // behind the cursor (missed), ahead (served)
          p.insert(1);
        }
      },
    });
    expect(ids(read)).toEqual(['rec_0000005', 'rec_0000030', 'rec_0000060', 'rec_0000080', 'rec_0000101']);
    expect(read.find((r) => r.id === 'rec_0000080')).toEqual(p.snapshot().find((r) => r.id === 'rec_0000080'));
  });

  it('offset: a deletion behind the read skips a record, as real offset APIs do', async () => {
    const p = await start(30);
    const read = await walkStyle(p.url, 'offset', { beforePage: (pages) => void (pages === 1 && p.remove(['rec_0000002'])) });
    // rec_0000002 was served before it went; rec_0000011 moved to offset 9, already passed.
    const all = Array.from({ length: 30 }, (_, i) => `rec_${String(i + 1).padStart(7, '0')}`);
    expect(ids(read)).toEqual(all.filter((id) => id !== 'rec_0000011'));
  });

  it('reports deletions since a time at /deleted', async () => {
    const p = await start(10);
    p.remove(['rec_0000001']);
    // Times have millisecond resolution and the filter is >=: step past the first deletion.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const since = new Date().toISOString();
    p.remove(['rec_0000003', 'rec_0000004']);
    const get = async (query: string) => {
      const res = await fetch(`${p.url}/deleted${query}`);
      return { status: res.status, body: (await res.json()) as { data: Array<{ id: string; deleted_at: string }> } };
    };
    const recent = await get(`?since=${since}`);
    expect(recent.status).toBe(200);
    expect(ids(recent.body.data)).toEqual(['rec_0000003', 'rec_0000004']);
    for (const t of recent.body.data) expect(t.deleted_at >= since).toBe(true);
    expect(ids((await get('')).body.data)).toEqual(['rec_0000001', 'rec_0000003', 'rec_0000004']);
    expect((await get('?since=2099-01-01T00:00:00Z')).body.data).toEqual([]);
    expect((await get('?since=soon')).status).toBe(400);
    expect(p.deleted(since)).toEqual(recent.body.data);
  });

  it('drops cached pages when records change', async () => {
    const p = await start(10);
    const url = `${p.url}/offset/records?limit=3`;
    const first = (await (await fetch(url)).json()) as { data: FakeRecord[] };
    const [changed] = p.update(['rec_0000002']);
    const second = (await (await fetch(url)).json()) as { data: FakeRecord[] };
    expect(first.data[1]!.amount).not.toBe(changed!.amount);
    expect(second.data[1]).toEqual(changed);
  });
});
