import { PortageError } from '@portage/core';
import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import { assertUuid } from '../database/assert-uuid.js';
import { inTransaction } from '../database/in-transaction.js';
import type { PortageTables } from '../database/tables.js';
import { assertExternalId, assertRecordScope } from './assert-record-key.js';

/**
 * Which pass to sweep.
 *
 * @example const input: SweepUnseenInput = { connectionId, entity: 'order', passId, runId, passStartedAt: await databaseNow(db) };
 */
export interface SweepUnseenInput {
  connectionId: string;
  entity: string;
  passId: string;
  /** Stamped on the `deleted` events. */
  runId?: string;
  /**
   * When the pass began, by the database's clock (`databaseNow`), read before its first
   * write. Records stored at or after it are spared: the pass wrote them itself (`writeRecords`
   * keeps only the ids it did not write in `sync_seen`), or something else (an incremental
   * sync, a webhook) wrote them while the pass ran, so they existed during the pass.
   */
  passStartedAt: Date;
}

/**
 * Tombstones reported by the platform.
 *
 * @example const input: MarkDeletedInput = { connectionId, entity: 'order', externalIds: ['42'], runId };
 */
export interface MarkDeletedInput {
  connectionId: string;
  entity: string;
  externalIds: ReadonlyArray<string>;
  runId?: string;
}

/**
 * Deletion detection at the end of a COMPLETE full pass (the caller guarantees it: a sweep
 * after a partial pass would delete everything the pass did not reach). Sets `deleted_at` on
 * live records of (connection, entity) the pass did not see, writes one `deleted` event per
 * record (payload: its last stored data), then forgets the pass's seen ids. Atomic: runs in
 * `executor` if it is a transaction, else in its own.
 *
 * @example
 * await database.db.transaction().execute(async (trx) => {
 *   const { deleted } = await sweepUnseen(trx, { connectionId, entity: 'order', passId, runId, passStartedAt });
 *   await addEntityProgress(trx, runId, 'order', { deleted });
 * });
 */
export async function sweepUnseen(executor: Kysely<PortageTables>, input: SweepUnseenInput): Promise<{ deleted: number }> {
  const { connectionId, entity, passId, passStartedAt } = input;
  assertRecordScope(connectionId, entity);
  assertUuid(passId, 'passId');
  if (input.runId !== undefined) assertUuid(input.runId, 'runId');
  if (!(passStartedAt instanceof Date && Number.isFinite(passStartedAt.getTime()))) {
    throw new PortageError('VALIDATION_FAILED', 'passStartedAt must be a valid Date: pass when the full pass began, read with databaseNow', {
      context: { entity },
    });
  }

  return inTransaction(executor, async (trx) => {
    const deleted = await deleteWhere(trx, connectionId, entity, input.runId ?? null, (eb) =>
      eb.and([
        eb.not(
          eb.exists(
            eb
              .selectFrom('sync_seen')
              .select(sql<number>`1`.as('one'))
              .where('sync_seen.pass_id', '=', passId)
              .whereRef('sync_seen.external_id', '=', 'records.external_id'),
          ),
        ),
        eb('records.last_seen_at', '<', passStartedAt),
      ]),
    );
    await trx.deleteFrom('sync_seen').where('pass_id', '=', passId).execute();
    return { deleted };
  });
}

/**
 * Forgets the seen ids of an abandoned or failed pass without deleting any record.
 *
 * @example await clearPass(database.db, passId);
 */
export async function clearPass(executor: Kysely<PortageTables>, passId: string): Promise<void> {
  assertUuid(passId, 'passId');
  await executor.deleteFrom('sync_seen').where('pass_id', '=', passId).execute();
}

/**
 * Marks records deleted because the platform said so (tombstones from an incremental sync).
 * Only live records change, so repeating a tombstone writes nothing and no second event.
 *
 * @example const { deleted } = await markDeleted(trx, { connectionId, entity: 'order', externalIds: ['42', '43'], runId });
 */
export async function markDeleted(executor: Kysely<PortageTables>, input: MarkDeletedInput): Promise<{ deleted: number }> {
  const { connectionId, entity } = input;
  assertRecordScope(connectionId, entity);
  if (input.runId !== undefined) assertUuid(input.runId, 'runId');
  const ids = [...new Set(input.externalIds)];
  for (const id of ids) assertExternalId(id, entity);
  if (ids.length === 0) return { deleted: 0 };
  // Sorted like every other write, so concurrent writers lock rows in the same order.
  ids.sort();

  const deleted = await deleteWhere(executor, connectionId, entity, input.runId ?? null, (eb) =>
    eb('records.external_id', '=', sql<string>`any(${ids}::text[])`),
  );
  return { deleted };
}

/**
 * One statement: soft-delete the matching live records and append their `deleted` events
 * from the rows the update returned, so the two cannot drift apart and no record data
 * travels to the client and back.
 */
async function deleteWhere(
  executor: Kysely<PortageTables>,
  connectionId: string,
  entity: string,
  runId: string | null,
  filter: (eb: ExpressionBuilder<PortageTables, 'records'>) => Expression<SqlBool>,
): Promise<number> {
  const result = await executor
    .with('gone', (db) =>
      db
        .updateTable('records')
        .set({ deleted_at: sql<Date>`now()` })
        .where('records.connection_id', '=', connectionId)
        .where('records.entity', '=', entity)
        .where('records.deleted_at', 'is', null)
        .where(filter)
        .returning(['records.external_id', 'records.data']),
    )
    .insertInto('change_events')
    .columns(['connection_id', 'entity', 'external_id', 'kind', 'payload', 'run_id'])
    .expression((eb) =>
      eb
        .selectFrom('gone')
        .select([
          sql<string>`${connectionId}::uuid`.as('connection_id'),
          sql<string>`${entity}::text`.as('entity'),
          'gone.external_id',
          sql<string>`'deleted'`.as('kind'),
          'gone.data',
          sql<string | null>`${runId}::uuid`.as('run_id'),
        ])
        .orderBy('gone.external_id'),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}
