import { firstIndex } from './binary-search.js';
import { createDataset, createRecord, type FakeRecord } from './dataset.js';
import { createPrng, type Prng } from './prng.js';
import { TombstoneLog, type Tombstone } from './tombstone-log.js';
import { UpdatedAtIndex } from './updated-at-index.js';

/** Which records a mutation touches: these ids, or this many picked by the seeded PRNG. */
export type RecordTarget = readonly string[] | number;

export interface RecordStoreOptions {
  /** Records in the seeded dataset. */
  records: number;
  recordBytes?: number;
  /** Seeds the PRNG that picks records for `update(n)` / `remove(n)` and the new field values. */
  seed?: number;
  /** Wall clock in ms; mutations stamp `updated_at` / `deleted_at` with it. */
  now?: () => number;
}

// Past this many removals in one batch, one O(N) filter beats a splice per record.
const SPLICE_LIMIT = 32;
// Distinct `updated_since` values kept between mutations; a sync repeats one value per read.
const VIEW_CACHE_LIMIT = 32;

/**
 * The platform's records, mutable while a sync reads them: ordered by id (ids only grow, so
 * inserts land at the end), indexed by `updated_at`, with a tombstone per deletion. Every
 * mutation bumps `version`, which callers use to drop whatever they cached.
 *
 * Records are replaced, never changed in place, so an array taken from `live` or `snapshot`
 * earlier keeps the old versions. Treat the returned records as read-only.
 *
 * @example
 * const store = new RecordStore({ records: 100 });
 * const [changed] = store.update(['rec_0000007']);
 * store.updatedSince(changed!.updated_at); // [changed]
 */
export class RecordStore {
  #live: FakeRecord[];
  readonly #index: UpdatedAtIndex;
  readonly #tombstones = new TombstoneLog();
  readonly #prng: Prng;
  readonly #recordBytes: number;
  readonly #now: () => number;
  readonly #views = new Map<string, readonly FakeRecord[]>();
  #nextIndex: number;
  #lastStamp = -Infinity;
  #version = 0;

  constructor(options: RecordStoreOptions) {
    this.#recordBytes = options.recordBytes ?? 300;
    this.#live = createDataset(options.records, this.#recordBytes);
    this.#index = new UpdatedAtIndex(this.#live);
    this.#prng = createPrng(options.seed ?? 1);
    this.#now = options.now ?? Date.now;
    this.#nextIndex = options.records + 1;
  }

  /** Live records sorted by id. The same array until a large removal replaces it. */
  get live(): readonly FakeRecord[] {
    return this.#live;
  }

  /** Bumped by every mutation that changed something. */
  get version(): number {
    return this.#version;
  }

  /** Creates `count` records, updated now, with ids after every id so far. */
  insert(count: number): FakeRecord[] {
    checkCount(count);
    if (count === 0) return [];
    const at = this.#stamp();
    const created: FakeRecord[] = [];
    for (let i = 0; i < count; i++) created.push(createRecord(this.#nextIndex++, this.#recordBytes, at));
    this.#live.push(...created);
    this.#index.apply([], created);
    this.#changed();
    return created;
  }

  /**
   * Creates one record from the given fields (the rest as a seeded record would have them),
   * with the next id and `updated_at` now: what a platform's create endpoint does.
   */
  create(fields: Partial<Omit<FakeRecord, 'id' | 'updated_at'>>): FakeRecord {
    const record = { ...createRecord(this.#nextIndex++, 0, this.#stamp()), ...fields };
    this.#live.push(record);
    this.#index.apply([], [record]);
    this.#changed();
    return record;
  }

  /** Sets the given fields of one record and its `updated_at` to now; undefined when there is no such record. */
  patch(id: string, fields: Partial<Omit<FakeRecord, 'id' | 'updated_at'>>): FakeRecord | undefined {
    const position = this.#position(id);
    if (position === undefined) return undefined;
    const old = this.#live[position]!;
    const record = { ...old, ...fields, id: old.id, updated_at: this.#stamp() };
    this.#live[position] = record;
    this.#index.apply([old], [record]);
    this.#changed();
    return record;
  }

  /** The live record with this id. */
  get(id: string): FakeRecord | undefined {
    const position = this.#position(id);
    return position === undefined ? undefined : this.#live[position];
  }

  #position(id: string): number | undefined {
    const live = this.#live;
    const at = firstIndex(live.length, (i) => live[i]!.id >= id);
    return live[at]?.id === id ? at : undefined;
  }

  /** Changes `amount` on the target records and sets their `updated_at` to now; unknown ids are skipped. */
  update(target: RecordTarget): FakeRecord[] {
    const positions = this.#positions(target);
    if (positions.length === 0) return [];
    const at = this.#stamp();
    const before: FakeRecord[] = [];
    const after: FakeRecord[] = [];
    for (const position of positions) {
      const old = this.#live[position]!;
      // 1..99,999 added modulo 100,000: the amount always changes, and stays in range.
      const record = { ...old, amount: (old.amount + 1 + this.#prng.int(99_999)) % 100_000, updated_at: at };
      this.#live[position] = record;
      before.push(old);
      after.push(record);
    }
    this.#index.apply(before, after);
    this.#changed();
    return after;
  }

  /** Deletes the target records, leaving a tombstone for each; returns their ids. Unknown ids are skipped. */
  remove(target: RecordTarget): string[] {
    const positions = this.#positions(target);
    if (positions.length === 0) return [];
    const at = this.#stamp();
    const removed = positions.map((position) => this.#live[position]!);
    if (positions.length <= SPLICE_LIMIT) {
      for (let i = positions.length - 1; i >= 0; i--) this.#live.splice(positions[i]!, 1);
    } else {
      const gone = new Set(removed);
      this.#live = this.#live.filter((record) => !gone.has(record));
    }
    for (const record of removed) this.#tombstones.add(record.id, at);
    this.#index.apply(removed, []);
    this.#changed();
    return removed.map((record) => record.id);
  }

  /**
   * Live records with `updated_at >= iso`, sorted by id. The index finds how many there are
   * in O(log N); a few are sorted by id, many are filtered from `live` in one pass, whichever
   * is cheaper, and the answer is kept until the next mutation so that a paginated read pays
   * for it once.
   */
  updatedSince(iso: string): readonly FakeRecord[] {
    const from = this.#index.firstAtOrAfter(iso);
    const count = this.#live.length - from;
    if (count === 0) return [];
    if (count === this.#live.length) return this.#live;
    const cached = this.#views.get(iso);
    if (cached) return cached;
    const view =
      count * Math.log2(count) < this.#live.length
        ? this.#index.sorted.slice(from).sort((a, b) => (a.id < b.id ? -1 : 1))
        : this.#live.filter((record) => record.updated_at >= iso);
    if (this.#views.size >= VIEW_CACHE_LIMIT) this.#views.delete(this.#views.keys().next().value!);
    this.#views.set(iso, view);
    return view;
  }

  /** Tombstones with `deleted_at >= iso` (all without `iso`), oldest first. */
  deletedSince(iso?: string): Tombstone[] {
    return this.#tombstones.since(iso);
  }

  // One time per mutation, never earlier than the last: a wall clock stepping back would
  // otherwise give a later change an earlier `updated_at` and hide it from `updated_since`.
  #stamp(): string {
    this.#lastStamp = Math.max(this.#now(), this.#lastStamp);
    return new Date(this.#lastStamp).toISOString();
  }

  #changed(): void {
    this.#version++;
    this.#views.clear();
  }

  /** Positions in `live` of the target records, ascending (so in id order). */
  #positions(target: RecordTarget): number[] {
    const live = this.#live;
    if (typeof target !== 'number') {
      const positions = new Set<number>();
      for (const id of target) {
        const at = firstIndex(live.length, (i) => live[i]!.id >= id);
        if (live[at]?.id === id) positions.add(at);
      }
      return [...positions].sort((a, b) => a - b);
    }
    checkCount(target);
    const n = Math.min(target, live.length);
    if (n === live.length) return live.map((_, i) => i);
    let picked: number[];
    if (n * 2 > live.length) {
      // Most of them: a partial Fisher-Yates shuffle, no retries.
      const all = live.map((_, i) => i);
      for (let i = 0; i < n; i++) {
        const j = i + this.#prng.int(all.length - i);
        [all[i], all[j]] = [all[j]!, all[i]!];
      }
      picked = all.slice(0, n);
    } else {
      // A few of them: draw until `n` distinct, which takes under 2n draws on average.
      const chosen = new Set<number>();
      while (chosen.size < n) chosen.add(this.#prng.int(live.length));
      picked = [...chosen];
    }
    return picked.sort((a, b) => a - b);
  }
}

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`expected a count of records (an integer >= 0), got ${count}`);
}
