import { firstIndex } from './binary-search.js';
import type { FakeRecord } from './dataset.js';

// Past this many changes in one batch, one O(N) filter-and-merge beats a splice per record.
const SPLICE_LIMIT = 32;

/**
 * Orders records by `updated_at`, then by `id` so that equal times still have one order.
 *
 * @example [...records].sort(compareByUpdatedAt)
 */
export function compareByUpdatedAt(a: FakeRecord, b: FakeRecord): number {
  if (a.updated_at !== b.updated_at) return a.updated_at < b.updated_at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The live records sorted by `(updated_at, id)`, so "updated since T" is a binary search to a
 * suffix instead of a scan of every record. ISO 8601 times from `toISOString` all have the
 * same width, so comparing them as strings compares them as times.
 *
 * @example
 * const index = new UpdatedAtIndex(records);
 * index.sorted.slice(index.firstAtOrAfter('2026-01-01T00:00:10.000Z')); // updated since then
 */
export class UpdatedAtIndex {
  #sorted: FakeRecord[];

  constructor(records: readonly FakeRecord[]) {
    // Seed records are already in this order, which TimSort checks in one pass.
    this.#sorted = [...records].sort(compareByUpdatedAt);
  }

  /** Records by `(updated_at, id)`; read-only to callers, replaced or spliced by `apply`. */
  get sorted(): readonly FakeRecord[] {
    return this.#sorted;
  }

  /** Position of the first record with `updated_at >= iso`. */
  firstAtOrAfter(iso: string): number {
    return firstIndex(this.#sorted.length, (i) => this.#sorted[i]!.updated_at >= iso);
  }

  /** Takes `removed` (the very objects held) out and puts `added` in, keeping the order. */
  apply(removed: readonly FakeRecord[], added: readonly FakeRecord[]): void {
    if (removed.length + added.length <= SPLICE_LIMIT) {
      for (const record of removed) {
        const at = this.#position(record);
        if (this.#sorted[at] === record) this.#sorted.splice(at, 1);
      }
      for (const record of added) this.#sorted.splice(this.#position(record), 0, record);
      return;
    }
    const gone = new Set(removed);
    const kept = gone.size ? this.#sorted.filter((record) => !gone.has(record)) : this.#sorted;
    this.#sorted = merge(kept, [...added].sort(compareByUpdatedAt));
  }

  #position(record: FakeRecord): number {
    return firstIndex(this.#sorted.length, (i) => compareByUpdatedAt(this.#sorted[i]!, record) >= 0);
  }
}

// Mutations stamp the current time, so `b` usually belongs wholly after `a`: check that first.
function merge(a: FakeRecord[], b: FakeRecord[]): FakeRecord[] {
  if (b.length === 0) return a;
  const lastA = a.at(-1);
  if (lastA === undefined || compareByUpdatedAt(lastA, b[0]!) <= 0) return a.concat(b);
  const out: FakeRecord[] = new Array<FakeRecord>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareByUpdatedAt(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
