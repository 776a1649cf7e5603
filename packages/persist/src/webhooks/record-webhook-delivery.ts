import { sql, type Kysely } from 'kysely';
import { inTransaction } from '../database/in-transaction.js';
import type { PortageTables } from '../database/tables.js';
import { insertSubscriptionHealthEvent } from './health-change.js';
import { sqlExecutorFor, type SqlExecutor } from './sql-executor.js';

/**
 * One verified webhook delivery, ready to store.
 *
 * @example
 * const delivery: WebhookDelivery = { connectionId, eventId: 'evt_1', eventType: 'customer.updated', entities: ['customers'], body: rawBody, headers: { 'content-type': 'application/json' } };
 */
export interface WebhookDelivery {
  connectionId: string;
  eventId: string;
  eventType: string;
  /** The entities to sync; none: the event is stored as `ignored`. */
  entities: readonly string[];
  /** The raw body, exactly as received. */
  body: string;
  /** Headers worth keeping; never the signature. */
  headers: Readonly<Record<string, string>>;
}

/**
 * What storing a delivery did.
 *
 * @example const { duplicate } = await recordWebhookDelivery(database, delivery, enqueue);
 */
export interface RecordedDelivery {
  /** The event was already stored: only its delivery count moved, `onNew` did not run. */
  duplicate: boolean;
  /** Deliveries of this event so far, this one included. */
  deliveries: number;
  /** The subscription was silent and is active again (a health change event was written). */
  reactivated: boolean;
}

/**
 * The transaction a new event is stored in, for work that must commit with it.
 *
 * @example const onNew = async ({ db, executor }: DeliveryTransaction) => { await queue.send(name, data, { db: executor }); };
 */
export interface DeliveryTransaction {
  db: Kysely<PortageTables>;
  /** The same transaction for raw SQL, e.g. a job queue's insert. */
  executor: SqlExecutor;
}

/**
 * Stores a verified delivery in one transaction with `onNew` (e.g. enqueueing its syncs):
 * both commit or neither does, so an acknowledged event is never lost and never enqueued
 * without being stored. A redelivery (same connection and event id) only bumps the delivery
 * count and skips `onNew`. Any delivery marks the connection's subscription as heard from, and
 * a silent one active again with a `health` change event.
 *
 * @example
 * await recordWebhookDelivery(database, delivery, async ({ executor }) => {
 *   await queue.send(SYNC_QUEUE, job, { singletonKey, db: executor });
 * });
 */
export async function recordWebhookDelivery(
  database: { db: Kysely<PortageTables> },
  delivery: WebhookDelivery,
  onNew?: (transaction: DeliveryTransaction) => Promise<void>,
): Promise<RecordedDelivery> {
  return inTransaction(database.db, async (trx) => {
    const stored = await trx
      .insertInto('webhook_events')
      .values({
        connection_id: delivery.connectionId,
        event_id: delivery.eventId,
        event_type: delivery.eventType,
        state: delivery.entities.length > 0 ? 'enqueued' : 'ignored',
        entities: JSON.stringify(delivery.entities),
        body: delivery.body,
        headers: JSON.stringify(delivery.headers),
      })
      .onConflict((conflict) =>
        conflict.columns(['connection_id', 'event_id']).doUpdateSet({
          deliveries: sql<number>`webhook_events.deliveries + 1`,
          last_received_at: sql<Date>`now()`,
        }),
      )
      // xmax is 0 on a freshly inserted row version, and set on one the conflict updated.
      .returning(['deliveries', sql<boolean>`(xmax = 0)`.as('inserted')])
      .executeTakeFirstOrThrow();

    const reactivated = await touchSubscription(trx, delivery.connectionId);
    if (stored.inserted && onNew) await onNew({ db: trx, executor: sqlExecutorFor(trx) });
    return { duplicate: !stored.inserted, deliveries: stored.deliveries, reactivated };
  });
}

async function touchSubscription(trx: Kysely<PortageTables>, connectionId: string): Promise<boolean> {
  const current = await trx.selectFrom('webhook_subscriptions').select('status').where('connection_id', '=', connectionId).forUpdate().executeTakeFirst();
  if (!current) return false;
  await trx
    .updateTable('webhook_subscriptions')
    .set({ last_event_at: sql<Date>`now()`, status: 'active', silent_since: null, updated_at: sql<Date>`now()` })
    .where('connection_id', '=', connectionId)
    .execute();
  if (current.status !== 'silent') return false;
  await insertSubscriptionHealthEvent(trx, connectionId, 'silent', 'active', 'a webhook event arrived');
  return true;
}
