import { PortageError } from '@portage/core';
import { sql, type Kysely } from 'kysely';
import { assertUuid } from '../database/assert-uuid.js';
import type { PortageTables } from '../database/tables.js';

/**
 * Which checkpoint: one per connection, entity and window (e.g. `'all'` or `'2024-01'`).
 *
 * @example const key: CheckpointKey = { connectionId, entity: 'order', windowKey: 'last-90-days' };
 */
export interface CheckpointKey {
  connectionId: string;
  entity: string;
  windowKey: string;
}

/**
 * What to save: any JSON state (a cursor, a page token, a timestamp) and the pass and run it
 * belongs to.
 *
 * @example const value: CheckpointValue = { state: { cursor: 'abc' }, passId, runId };
 */
export interface CheckpointValue {
  state: unknown;
  passId?: string;
  runId?: string;
}

/**
 * A saved checkpoint.
 *
 * @example const saved: Checkpoint | undefined = await loadCheckpoint(db, key);
 */
export interface Checkpoint extends CheckpointValue {
  updatedAt: Date;
}

/**
 * Saves (replaces) a checkpoint. Pass the transaction that wrote the page's records so the
 * cursor never gets ahead of, or behind, the data.
 *
 * @example
 * await database.db.transaction().execute(async (trx) => {
 *   await writeRecords(trx, { connectionId, entity: 'order', records });
 *   await saveCheckpoint(trx, { connectionId, entity: 'order', windowKey: 'all' }, { state: { cursor: next } });
 * });
 */
export async function saveCheckpoint(executor: Kysely<PortageTables>, key: CheckpointKey, value: CheckpointValue): Promise<void> {
  assertKey(key);
  if (value.passId !== undefined) assertUuid(value.passId, 'passId');
  if (value.runId !== undefined) assertUuid(value.runId, 'runId');
  const state = JSON.stringify(value.state) as string | undefined;
  if (state === undefined) {
    throw new PortageError('VALIDATION_FAILED', 'checkpoint state must be a JSON value: use null for "no state"', {
      context: { entity: key.entity },
    });
  }
  const row = {
    connection_id: key.connectionId,
    entity: key.entity,
    window_key: key.windowKey,
    state,
    pass_id: value.passId ?? null,
    run_id: value.runId ?? null,
  };
  await executor
    .insertInto('checkpoints')
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(['connection_id', 'entity', 'window_key']).doUpdateSet({
        state: row.state,
        pass_id: row.pass_id,
        run_id: row.run_id,
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/**
 * Loads a checkpoint, or `undefined` when none was saved.
 *
 * @example const saved = await loadCheckpoint(database.db, { connectionId, entity: 'order', windowKey: 'all' });
 */
export async function loadCheckpoint(executor: Kysely<PortageTables>, key: CheckpointKey): Promise<Checkpoint | undefined> {
  assertKey(key);
  const row = await executor
    .selectFrom('checkpoints')
    .select(['state', 'pass_id', 'run_id', 'updated_at'])
    .where('connection_id', '=', key.connectionId)
    .where('entity', '=', key.entity)
    .where('window_key', '=', key.windowKey)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    state: row.state,
    ...(row.pass_id === null ? {} : { passId: row.pass_id }),
    ...(row.run_id === null ? {} : { runId: row.run_id }),
    updatedAt: row.updated_at,
  };
}

/**
 * Deletes a checkpoint (e.g. to force a window to start over). Deleting a missing one is fine.
 *
 * @example await deleteCheckpoint(trx, { connectionId, entity: 'order', windowKey: 'all' });
 */
export async function deleteCheckpoint(executor: Kysely<PortageTables>, key: CheckpointKey): Promise<void> {
  assertKey(key);
  await executor
    .deleteFrom('checkpoints')
    .where('connection_id', '=', key.connectionId)
    .where('entity', '=', key.entity)
    .where('window_key', '=', key.windowKey)
    .execute();
}

function assertKey(key: CheckpointKey): void {
  assertUuid(key.connectionId, 'connectionId');
  for (const field of ['entity', 'windowKey'] as const) {
    if (typeof key[field] !== 'string' || key[field] === '') {
      throw new PortageError('VALIDATION_FAILED', `checkpoint ${field} must be a non-empty string`, { context: { field } });
    }
  }
}
