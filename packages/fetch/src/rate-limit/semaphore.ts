export interface Semaphore {
  /**
   * Resolves with a release function once a slot is free; waiters are served first come,
   * first served. Rejects with `signal.reason` if the signal aborts first, taking no slot.
   */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /** Slots held now. */
  readonly active: number;
  /** Callers queued for a slot. */
  readonly waiting: number;
}

interface Waiter {
  grant(): void;
}

/**
 * A concurrency cap. A freed slot goes straight to the oldest waiter rather than back to the
 * pool, so a newcomer can never overtake someone who has been queueing.
 *
 * @example
 * const slots = createSemaphore(2);
 * const release = await slots.acquire(signal);
 * try { await work(); } finally { release(); }
 */
export function createSemaphore(limit: number): Semaphore {
  if (!(limit >= 1) || (!Number.isInteger(limit) && limit !== Infinity)) {
    throw new RangeError(`concurrency must be a positive integer, got ${limit}`);
  }
  let active = 0;
  const queue: Waiter[] = [];

  const releaser = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      if (next) next.grant();
      else active--;
    };
  };

  return {
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (active < limit && queue.length === 0) {
        active++;
        return Promise.resolve(releaser());
      }
      return new Promise((resolve, reject) => {
        const onAbort = (): void => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve(releaser());
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(waiter);
      });
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
