import { firstIndex } from './binary-search.js';

/** A deleted record, as a platform's deletions feed reports it. */
export interface Tombstone {
  id: string;
  deleted_at: string;
}

/**
 * Deletions in the order they happened. The platform clock never runs backwards, so the log
 * is sorted by `deleted_at` and "deleted since T" is a binary search.
 *
 * @example
 * const log = new TombstoneLog();
 * log.add('rec_0000001', '2026-11-23T10:00:00.000Z');
 * log.since('2026-11-23T00:00:00.000Z'); // [{ id: 'rec_0000001', deleted_at: '2026-11-23T10:00:00.000Z' }]
 */
export class TombstoneLog {
  readonly #entries: Tombstone[] = [];

  add(id: string, deletedAt: string): void {
    this.#entries.push({ id, deleted_at: deletedAt });
  }

  /** Tombstones with `deleted_at >= iso`, or all of them without `iso`. */
  since(iso?: string): Tombstone[] {
    if (iso === undefined) return this.#entries.slice();
    return this.#entries.slice(firstIndex(this.#entries.length, (i) => this.#entries[i]!.deleted_at >= iso));
  }
}
