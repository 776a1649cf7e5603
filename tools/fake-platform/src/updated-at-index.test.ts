import { describe, expect, it } from 'vitest';
import { createRecord, type FakeRecord } from './dataset.js';
import { createPrng } from './prng.js';
import { compareByUpdatedAt, UpdatedAtIndex } from './updated-at-index.js';

const T = ['2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.001Z', '2026-06-01T00:00:00.002Z'];

describe('UpdatedAtIndex', () => {
  it('finds the first record at or after a time', () => {
    const records = [createRecord(1, 0, T[0]!), createRecord(2, 0, T[1]!), createRecord(3, 0, T[1]!)];
    const index = new UpdatedAtIndex(records);
    expect(index.firstAtOrAfter(T[1]!)).toBe(1);
    expect(index.firstAtOrAfter(T[2]!)).toBe(3);
  });

  // Three times for hundreds of records: ties everywhere, so order within a time is by id,
  // through both the splice path (small batches) and the merge path (large ones).
  it.each([5, 200])('stays sorted by (updated_at, id) through random changes in batches up to %i', (batch) => {
    const prng = createPrng(batch);
    let next = 1;
    const make = () => createRecord(next++, 0, T[prng.int(T.length)]!);
    let live: FakeRecord[] = Array.from({ length: 300 }, make);
    const index = new UpdatedAtIndex(live);
    for (let step = 0; step < 40; step++) {
      const removed = live.filter(() => prng.int(live.length) < batch / 2);
      // Updates put a record back with another time, so an added record can sort before
      // records with its time and larger ids; inserts bring new ids.
      const updated = removed.filter(() => prng.int(2) === 0).map((r) => ({ ...r, updated_at: T[prng.int(T.length)]! }));
      const added = [...updated, ...Array.from({ length: prng.int(batch) }, make)];
      index.apply(removed, added);
      live = live.filter((r) => !removed.includes(r)).concat(added);
      expect(index.sorted).toEqual([...live].sort(compareByUpdatedAt));
    }
  });
});
