import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '@portage/fetch';

/**
 * A lease kept in Postgres: how to take it (false while another holder has it), renew it
 * (false once lost) and give it back.
 *
 * @example const lease: Lease = { acquire: () => tryTake(), renew: () => extend(), release: () => giveBack(), describe: 'export slot' };
 */
export interface Lease {
  acquire(): Promise<boolean>;
  renew(): Promise<boolean>;
  release(): Promise<void>;
  /** For log lines: what the lease is on. */
  describe: string;
}

/**
 * Runs `work` holding `lease`: polls `acquire` with jittered backoff (10 ms doubling to 200 ms)
 * until it succeeds or `maxWaitMs` passes (then `onTimeout()` is thrown), renews it every third
 * of `leaseMs` while `work` runs, and releases it afterwards whatever happened.
 *
 * @example await holdLease(lease, { leaseMs: 60_000, maxWaitMs: 300_000, logger, onTimeout: () => busy() }, () => send());
 */
export async function holdLease<T>(
  lease: Lease,
  options: { leaseMs: number; maxWaitMs: number; logger: Logger; onTimeout: () => Error; signal?: AbortSignal | undefined },
  work: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  let backoffMs = 10;
  while (!(await lease.acquire())) {
    options.signal?.throwIfAborted();
    if (Date.now() - started > options.maxWaitMs) throw options.onTimeout();
    await sleep(backoffMs * (0.5 + Math.random()), undefined, options.signal ? { signal: options.signal } : {});
    backoffMs = Math.min(backoffMs * 2, 200);
  }
  const renew = setInterval(() => {
    lease.renew().then(
      (held) => {
        if (!held) options.logger.warn({ lease: lease.describe }, 'a lease ran out while its work ran: another worker may have taken it');
      },
      (error: unknown) => options.logger.warn({ lease: lease.describe, error: String(error) }, 'could not renew a lease'),
    );
  }, Math.max(1000, options.leaseMs / 3));
  renew.unref();
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await lease.release().catch((error: unknown) => options.logger.warn({ lease: lease.describe, error: String(error) }, 'could not release a lease: it frees when it runs out'));
  }
}
