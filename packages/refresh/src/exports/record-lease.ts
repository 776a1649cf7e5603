import { randomUUID } from 'node:crypto';
import { PortageError } from '@portage/core';
import type { Logger } from '@portage/fetch';
import { leaseExportLink, releaseExportLink, type ExportLinkKey, type PortageDatabase } from '@portage/persist';
import { DEFAULT_LEASE_MS, DEFAULT_MAX_WAIT_MS } from './export-slot.js';
import { holdLease } from './hold-lease.js';

/**
 * Runs `work` as the only export of one record in progress, across every worker: a create
 * and an update of the same record racing would each find no external id yet and create it
 * twice. The lease lives on the record's link (`lease_holder`, `lease_until`), like the
 * concurrency slots.
 *
 * @example await withRecordLease({ database, key, logger }, () => run.execute());
 */
export function withRecordLease<T>(
  options: { database: PortageDatabase; key: ExportLinkKey; logger: Logger; leaseMs?: number; maxWaitMs?: number; signal?: AbortSignal },
  work: () => Promise<T>,
): Promise<T> {
  const { database, key } = options;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const holder = randomUUID();
  const take = () => leaseExportLink(database.db, key, { holder, leaseMs });
  return holdLease(
    { describe: `export of ${key.entity} "${key.localKey}"`, acquire: take, renew: take, release: () => releaseExportLink(database.db, key, holder) },
    {
      leaseMs,
      maxWaitMs,
      logger: options.logger,
      signal: options.signal,
      onTimeout: () =>
        new PortageError('RATE_LIMITED', `another export of ${key.entity} "${key.localKey}" ran for over ${Math.round(maxWaitMs / 1000)} s: this one waits its turn`, {
          context: { waitUntil: new Date(Date.now() + 30_000), entity: key.entity, localKey: key.localKey },
        }),
    },
    work,
  );
}
