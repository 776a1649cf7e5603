import type { Kysely } from 'kysely';
import type { ChangeEventRow } from './to-webhook-event.js';
import type { PortageTables } from '../../database/tables.js';

/**
 * A claimed row: what a delivery needs, plus `attempts` to schedule the next one.
 *
 * @example const [event]: ClaimedEvent[] = await claimDueEvents(db, options);
 */
export interface ClaimedEvent extends ChangeEventRow {
  created_at: Date;
  attempts: number;
}

/**
 * What to claim, and until when.
 *
 * @example const options: ClaimDueEventsOptions = { limit: 100, now, leaseUntil: new Date(now.getTime() + 160_000) };
 */
export interface ClaimDueEventsOptions {
  /** Claim at most this many. */
  limit: number;
  /** Due means `next_attempt_at <= now`. */
  now: Date;
  /** Claimed events are not due again before this: no other dispatcher picks them up meanwhile. */
  leaseUntil: Date;
  /** Only this connection's events. */
  connectionId?: string | undefined;
}

/**
 * Claims the next due events, oldest first, for this dispatcher alone.
 *
 * Why a lease and not a transaction held open during delivery: the rows are locked
 * (`FOR UPDATE SKIP LOCKED`, so concurrent dispatchers skip each other's rows instead of
 * waiting) only for the instant it takes to push their `next_attempt_at` to `leaseUntil`;
 * after the commit, that future `next_attempt_at` is what keeps other dispatchers off them.
 * Holding the transaction across HTTP calls would pin a pool connection per round, hold back
 * vacuum, and, on servers with `idle_in_transaction_session_timeout`, get killed after the
 * receivers were already called, re-delivering the whole batch on every round. If this process
 * dies mid-round, its events simply become due again when the lease ends (at least once).
 *
 * Per-record order: an event is claimable only when no earlier event of the same record
 * (connection, entity, external id; a connection's health events count as one record) is
 * still pending, i.e. neither delivered nor dead. So at
 * most one event per record is ever in flight, a batch never holds two events of one record
 * (its events can be posted in parallel), and a retrying event holds back the record's later
 * events until it is delivered or dead. This is the simplest rule that is correct with many
 * dispatchers: the check reads committed state only, and an earlier event being claimed
 * right now by another dispatcher is still pending to it, so the later one waits. The cost is
 * one round per event for a record that changes often; the polling loop runs the next round
 * at once while rounds deliver something.
 *
 * @example
 * const events = await claimDueEvents(db, { limit: 100, now, leaseUntil: new Date(now.getTime() + 60_000) });
 */
export async function claimDueEvents(db: Kysely<PortageTables>, options: ClaimDueEventsOptions): Promise<ClaimedEvent[]> {
  const { limit, now, leaseUntil, connectionId } = options;
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('change_events as e')
      .select([
        'e.id',
        'e.connection_id',
        'e.entity',
        'e.external_id',
        'e.kind',
        'e.payload',
        'e.run_id',
        'e.created_at',
        'e.attempts',
      ])
      .where('e.delivered_at', 'is', null)
      .where('e.dead_at', 'is', null)
      .where('e.next_attempt_at', '<=', now)
      .$if(connectionId !== undefined, (qb) => qb.where('e.connection_id', '=', connectionId!))
      .where(({ and, or, not, exists, selectFrom, lit, eb }) => {
        const earlierPending = () =>
          selectFrom('change_events as earlier')
            .select(lit(1).as('one'))
            .whereRef('earlier.connection_id', '=', 'e.connection_id')
            .whereRef('earlier.id', '<', 'e.id')
            .where('earlier.delivered_at', 'is', null)
            .where('earlier.dead_at', 'is', null);
        return and([
          // Same record: plain equalities, so an index on the pending rows serves it.
          not(exists(earlierPending().whereRef('earlier.entity', '=', 'e.entity').whereRef('earlier.external_id', '=', 'e.external_id'))),
          // Health events (no entity) are about the connection: ordered among themselves too,
          // which `=` alone would not do, as null never equals null.
          or([eb('e.entity', 'is not', null), not(exists(earlierPending().where('earlier.entity', 'is', null)))]),
        ]);
      })
      .orderBy('e.id')
      .limit(limit)
      // Locks only `e`: the rows read by the NOT EXISTS check are not locked, and need not be.
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return [];
    await trx
      .updateTable('change_events')
      .set({ next_attempt_at: leaseUntil })
      .where('id', 'in', rows.map((row) => row.id))
      .execute();
    return rows.map((row) => ({ ...row, id: String(row.id), created_at: new Date(row.created_at), attempts: Number(row.attempts) }));
  });
}
