import { PortageError } from '@portage/core';
import { sql, type Kysely } from 'kysely';
import type { PortageTables } from '../../database/tables.js';

/**
 * When the replayed events become due, and of which connection they must be.
 *
 * @example const options: ReplayDeadEventsOptions = { now: new Date(), connectionId };
 */
export interface ReplayDeadEventsOptions {
  now: Date;
  connectionId?: string | undefined;
}

const EVENT_ID = /^[1-9]\d{0,18}$/;

/**
 * Puts dead events back in the queue with a fresh budget: `dead_at` cleared, `attempts` 0,
 * due now. `last_error` is kept until the next failure, as a trace of why it had died.
 * Returns how many events were replayed (ids that are not dead, or not of the dispatcher's
 * connection, are skipped). A replayed event is delivered after any later events of its
 * record that went out while it was dead.
 *
 * @example
 * await replayDeadEvents(db, ['42', '43'], { now: new Date() });
 * await replayDeadEvents(db, 'all', { now: new Date() }); // once the receiver is fixed
 */
export async function replayDeadEvents(
  db: Kysely<PortageTables>,
  ids: readonly string[] | 'all',
  options: ReplayDeadEventsOptions,
): Promise<number> {
  if (ids !== 'all') {
    const invalid = ids.find((id) => typeof id !== 'string' || !EVENT_ID.test(id));
    if (invalid !== undefined) {
      throw new PortageError('VALIDATION_FAILED', `event ids are positive decimal strings, got ${JSON.stringify(String(invalid)).slice(0, 40)}`);
    }
    if (ids.length === 0) return 0;
  }
  const result = await db
    .updateTable('change_events')
    .set({ dead_at: null, attempts: 0, next_attempt_at: options.now })
    .where('dead_at', 'is not', null)
    .where('delivered_at', 'is', null)
    // One array parameter rather than one parameter per id: no limit on how many are replayed.
    .$if(ids !== 'all', (qb) => qb.where((eb) => eb('id', '=', eb.fn.any(sql<readonly string[]>`${[...(ids as readonly string[])]}::bigint[]`))))
    .$if(options.connectionId !== undefined, (qb) => qb.where('connection_id', '=', options.connectionId!))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
