import { describe, expect, it } from 'vitest';
import { createPrng } from './prng.js';
import { RecordStore } from './record-store.js';

/** A clock the test moves, starting after the seed records' times. */
function fakeClock(start = Date.UTC(2026, 5, 1)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) };
}

describe('RecordStore', () => {
  it('stamps mutations with the clock, and never earlier than the last stamp', () => {
    const clock = fakeClock();
    const store = new RecordStore({ records: 10, now: clock.now });
    expect(store.update(['rec_0000001'])[0]!.updated_at).toBe(new Date(clock.now()).toISOString());
    clock.advance(-60_000); // the wall clock steps back
    const [later] = store.update(['rec_0000002']);
    expect(later!.updated_at).toBe(new Date(clock.now() + 60_000).toISOString());
    expect(store.updatedSince(later!.updated_at).map((r) => r.id)).toEqual(['rec_0000001', 'rec_0000002']);
  });

  it('bumps version on changes only', () => {
    const store = new RecordStore({ records: 3 });
    expect(store.version).toBe(0);
    store.update(['nope']);
    store.remove([]);
    store.insert(0);
    expect(store.version).toBe(0);
    store.insert(1);
    expect(store.version).toBe(1);
  });

  it('rejects counts that are not whole numbers >= 0', () => {
    const store = new RecordStore({ records: 3 });
    expect(() => store.insert(-1)).toThrow(RangeError);
    expect(() => store.update(1.5)).toThrow(RangeError);
  });

  it('picks every record when asked for more than there are', () => {
    const store = new RecordStore({ records: 4 });
    expect(store.remove(10)).toEqual(['rec_0000001', 'rec_0000002', 'rec_0000003', 'rec_0000004']);
    expect(store.live).toEqual([]);
  });

  // Small and large batches take different paths (splices vs one filter and merge), and
  // updatedSince sorts a few or filters many: check all of them against a plain model.
  it.each([1, 7, 40, 300])('agrees with a brute-force model over random mutations (batches up to %i)', (batch) => {
    const clock = fakeClock();
    const store = new RecordStore({ records: 500, seed: batch, now: clock.now });
    const model = new Map(store.live.map((r) => [r.id, r]));
    const deleted: Array<{ id: string; deleted_at: string }> = [];
    const prng = createPrng(batch);
    const times: string[] = [store.live[250]!.updated_at];
    for (let step = 0; step < 60; step++) {
      clock.advance(prng.int(3)); // equal times happen, and must still order by id
      const n = 1 + prng.int(batch);
      const op = prng.int(3);
      if (op === 0) for (const r of store.insert(n)) model.set(r.id, r);
      if (op === 1) for (const r of store.update(n)) model.set(r.id, r);
      if (op === 2) {
        for (const id of store.remove(n)) {
          model.delete(id);
          deleted.push({ id, deleted_at: new Date(clock.now()).toISOString() });
        }
      }
      times.push(new Date(clock.now()).toISOString());
      const expected = [...model.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(store.live).toEqual(expected);
      for (const since of [times[0]!, times.at(-1)!, times[prng.int(times.length)]!, '2000-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z']) {
        expect(store.updatedSince(since)).toEqual(expected.filter((r) => r.updated_at >= since));
        expect(store.deletedSince(since)).toEqual(deleted.filter((t) => t.deleted_at >= since));
      }
    }
  });
});
