import { isPortageError, PortageError } from '@portage/core';
import { getExportLink, recordExportFailure, type ExportLink, type ExportLinkKey } from '@portage/persist';
import { DEFAULT_EXPORT_CONCURRENCY, type ExportContext } from './export-context.js';
import { isExportConflict } from './export-conflict.js';
import { withExportSlot } from './export-slot.js';
import { withRecordLease } from './record-lease.js';
import { ExportRun } from './export-run.js';
import { checkRecord, resolveTarget, type ExportInput, type ExportResult } from './export-target.js';

export type { ExportInput, ExportResult } from './export-target.js';


/**
 * Writes one record to the platform: one request per record (plus a read for the conflict
 * check), so each export is atomic, fails with a universal error code and is safe to retry.
 *
 * - Exactly once: the link (per connection, entity and local key) stores the external id, and
 *   the idempotency key and body of the attempt in progress. A retry resends the same body
 *   with the same key; on a platform without keys, a create whose answer was lost is first
 *   looked up (`export.lookup`) and linked rather than made twice.
 * - No stale overwrites: before an update, the platform's record is read and its updated-at
 *   compared with the newest version the last sync stored or the last export wrote; a newer
 *   one refuses the export with CONFLICT (both times in `context`), unless `force`.
 * - At most N requests per connection in flight across all workers (`withExportSlot`).
 *
 * Throws PortageError; the link records the failure (state `conflict` or `failed`).
 *
 * @example
 * const result = await exportRecord(context, { connectionId, entity: 'customers', localKey: 'crm-42', record });
 * // { status: 'created', externalId: 'rec_0001001', remoteUpdatedAt: '2026-...' }
 */
export async function exportRecord(context: ExportContext, input: ExportInput): Promise<ExportResult> {
  const { db } = context.database;
  const key: ExportLinkKey = { connectionId: input.connectionId, entity: input.entity, localKey: input.localKey };
  const superseded = (link: ExportLink | undefined): ExportResult | undefined =>
    input.seq !== undefined && link && input.seq < link.requestedSeq
      ? { status: 'superseded', ...(link.externalId !== undefined && { externalId: link.externalId }) }
      : undefined;
  // Cheap check first: a superseded job need not wait for anything.
  const early = superseded(await getExportLink(db, key));
  if (early) return early;
  const leases = {
    database: context.database,
    logger: context.logger,
    ...(context.slotLeaseMs !== undefined && { leaseMs: context.slotLeaseMs }),
    ...(context.slotMaxWaitMs !== undefined && { maxWaitMs: context.slotMaxWaitMs }),
    ...(input.signal && { signal: input.signal }),
  };
  try {
    const target = await resolveTarget(context, input);
    const record = checkRecord(target, input);
    const limit = (await context.concurrencyFor?.(target.connection)) ?? DEFAULT_EXPORT_CONCURRENCY;
    const client = await context.clientFor(target.connection, target.connector);
    const run = new ExportRun(context, target, client, key, record, input);
    // One export of a record at a time, then one of the connection's slots: in this order
    // only, so no two exports ever wait for each other in a cycle.
    return await withRecordLease({ ...leases, key }, async () => {
      const link = await getExportLink(db, key);
      return superseded(link) ?? (await withExportSlot({ ...leases, connectionId: input.connectionId, limit }, () => run.execute(link)));
    });
  } catch (error) {
    await recordExportFailure(db, key, { state: isExportConflict(error) ? 'conflict' : 'failed', error: errorSummary(error) }).catch((cause: unknown) =>
      context.logger.warn({ connectionId: key.connectionId, entity: key.entity, localKey: key.localKey, error: String(cause) }, 'could not record the export failure on its link'),
    );
    throw error;
  }
}

function errorSummary(error: unknown): { code: string; action: string; message: string; at: string; [key: string]: unknown } {
  const portage = isPortageError(error) ? error : new PortageError('UNKNOWN', String((error as Error)?.message ?? error), { cause: error });
  const { platformUpdatedAt, lastSyncedUpdatedAt, status } = portage.context;
  return {
    code: portage.code,
    action: portage.action,
    message: portage.message,
    at: new Date().toISOString(),
    ...(status !== undefined && { status }),
    ...(platformUpdatedAt !== undefined && { platformUpdatedAt }),
    ...(lastSyncedUpdatedAt !== undefined && { lastSyncedUpdatedAt }),
  };
}
