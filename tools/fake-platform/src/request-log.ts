/** One request the platform answered, for tests to assert on. */
export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Epoch ms when it arrived. */
  at: number;
  /** Status it was answered with (200, 404, 429, 503...). */
  status: number;
}

/**
 * The last `capacity` requests, oldest first, in a ring so that a long benchmark does not grow
 * memory without bound.
 *
 * @example
 * const log = new RequestLog(2);
 * log.add(a); log.add(b); log.add(c);
 * log.list(); // [b, c]
 */
export class RequestLog {
  readonly #ring: RequestRecord[] = [];
  #next = 0;

  constructor(readonly capacity = 10_000) {}

  add(record: RequestRecord): void {
    if (this.#ring.length < this.capacity) this.#ring.push(record);
    else this.#ring[this.#next] = record;
    this.#next = (this.#next + 1) % this.capacity;
  }

  list(): RequestRecord[] {
    if (this.#ring.length < this.capacity) return this.#ring.slice();
    return [...this.#ring.slice(this.#next), ...this.#ring.slice(0, this.#next)];
  }
}
