/**
 * What the write endpoints are told to do wrong, set through `/_control/write-faults`.
 *
 * @example const faults: WriteFaults = { delayMs: 100, dropResponses: 1 };
 */
export interface WriteFaults {
  /** Every write answer (and single-record read) waits this long; the write is committed first. */
  delayMs?: number;
  /**
   * The answers of the next N writes are dropped after the write is committed: the request
   * hangs until the client gives up (a timeout with the write done).
   */
  dropResponses?: number;
  /** Honour the `Idempotency-Key` header (default true); false behaves like a platform without keys. */
  idempotency?: boolean;
}

/**
 * Counters of the export endpoints (`/records` and `/records/:id`), for tests to assert on.
 *
 * @example const { maxInFlight } = platform.writeStats();
 */
export interface WriteStats {
  /** Export requests (writes and single-record reads) being answered now. */
  inFlight: number;
  /** Most export requests answered at the same time since the last reset. */
  maxInFlight: number;
  /** Most writes (POST/PATCH) answered at the same time since the last reset. */
  maxWritesInFlight: number;
  /** Records created and updated (each write that changed something once, replays not counted). */
  created: number;
  updated: number;
  /** Keyed repeats answered from the idempotency cache. */
  replayed: number;
  /** Answers dropped after their write was committed. */
  dropped: number;
}

/**
 * Keeps the write faults and the stats, and tracks requests in flight: `begin()` when one
 * arrives, the returned `end()` when its answer is sent or its connection closes.
 *
 * @example const end = traffic.begin(true); res.on('close', end);
 */
export class WriteTraffic {
  faults: Required<WriteFaults>;
  #stats: WriteStats = emptyStats();
  #writesInFlight = 0;

  constructor(faults: WriteFaults = {}) {
    this.faults = { delayMs: 0, dropResponses: 0, idempotency: true, ...faults };
  }

  begin(isWrite: boolean): () => void {
    const stats = this.#stats;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    if (isWrite) {
      this.#writesInFlight++;
      stats.maxWritesInFlight = Math.max(stats.maxWritesInFlight, this.#writesInFlight);
    }
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      // A reset while requests were in flight must not drive the counters below zero.
      this.#stats.inFlight = Math.max(0, this.#stats.inFlight - 1);
      if (isWrite) this.#writesInFlight = Math.max(0, this.#writesInFlight - 1);
    };
  }

  /** Whether this write's answer is to be dropped (counts the drop). */
  takeDrop(): boolean {
    if (this.faults.dropResponses <= 0) return false;
    this.faults.dropResponses--;
    this.#stats.dropped++;
    return true;
  }

  count(what: 'created' | 'updated' | 'replayed'): void {
    this.#stats[what]++;
  }

  setFaults(faults: WriteFaults): Required<WriteFaults> {
    this.faults = { ...this.faults, ...faults };
    return this.faults;
  }

  stats(): WriteStats {
    return { ...this.#stats };
  }

  /** Zeroes the counters and maxima; requests still in flight keep counting. */
  reset(): void {
    this.#stats = { ...emptyStats(), inFlight: this.#stats.inFlight, maxInFlight: this.#stats.inFlight };
  }
}

function emptyStats(): WriteStats {
  return { inFlight: 0, maxInFlight: 0, maxWritesInFlight: 0, created: 0, updated: 0, replayed: 0, dropped: 0 };
}
