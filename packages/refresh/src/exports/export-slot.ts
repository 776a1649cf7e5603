import { randomUUID } from 'node:crypto';
import { PortageError } from '@portage/core';
import type { Logger } from '@portage/fetch';
import { acquireExportSlot, releaseExportSlot, renewExportSlot, type PortageDatabase } from '@portage/persist';
import { holdLease } from './hold-lease.js';

/**
 * Options of {@link withExportSlot}.
 *
 * @example const options: ExportSlotOptions = { database, connectionId, limit: 5, logger };
 */
export interface ExportSlotOptions {
  database: PortageDatabase;
  connectionId: string;
  limit: number;
  logger: Logger;
  /** How long a lease lasts unless renewed (renewed every third of it; default 60 s). */
  leaseMs?: number;
  /** Longest wait for a free slot, then RATE_LIMITED with a `waitUntil` (default 5 minutes). */
  maxWaitMs?: number;
  signal?: AbortSignal;
}

export const DEFAULT_LEASE_MS = 60_000;
export const DEFAULT_MAX_WAIT_MS = 5 * 60_000;

/**
 * Runs `work` holding one of the connection's `limit` export slots, waiting for one to free up.
 *
 * The limit has to hold across every worker process on every machine sharing the database, so
 * it lives in Postgres: a slot is a row of `export_slots` leased for `leaseMs` and renewed
 * while `work` runs. Leases rather than session advisory locks because an advisory lock is
 * only held as long as one pooled connection stays checked out (each in-flight export would
 * pin a database connection for the whole HTTP call), is invisible through a transaction-mode
 * pooler, and on the embedded store every caller shares one session, which would let them all
 * in. The cost of leases: a crashed worker's slot stays taken until its lease runs out (at most
 * `leaseMs`), which only slows that connection's exports meanwhile, never exceeds the limit.
 * After `maxWaitMs` it fails with RATE_LIMITED and a `waitUntil`, so a job reschedules
 * instead of holding a worker.
 *
 * @example const result = await withExportSlot({ database, connectionId, limit: 5, logger }, () => sendWrite(client, write));
 */
export function withExportSlot<T>(options: ExportSlotOptions, work: () => Promise<T>): Promise<T> {
  const { database, connectionId, limit } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const holder = randomUUID();
  let slot: number | undefined;
  return holdLease(
    {
      describe: `export slot of connection ${connectionId}`,
      acquire: async () => {
        slot = await acquireExportSlot(database.db, { connectionId, limit, holder, leaseMs });
        return slot !== undefined;
      },
      renew: () => renewExportSlot(database.db, { connectionId, slot: slot!, holder }, leaseMs),
      release: () => releaseExportSlot(database.db, { connectionId, slot: slot!, holder }),
    },
    {
      leaseMs,
      maxWaitMs,
      logger: options.logger,
      signal: options.signal,
      onTimeout: () =>
        new PortageError('RATE_LIMITED', `all ${limit} export slots of connection ${connectionId} stayed busy for ${Math.round(maxWaitMs / 1000)} s: the export waits its turn`, {
          context: { waitUntil: new Date(Date.now() + 30_000), concurrency: limit },
        }),
    },
    work,
  );
}
