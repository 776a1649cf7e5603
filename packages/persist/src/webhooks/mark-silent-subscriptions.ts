import { sql, type Kysely } from 'kysely';
import { inTransaction } from '../database/in-transaction.js';
import type { PortageTables } from '../database/tables.js';
import { insertSubscriptionHealthEvent } from './health-change.js';

/**
 * A subscription {@link markSilentSubscriptions} just flagged.
 *
 * @example const { connectionId, lastEventAt } = silenced[0];
 */
export interface SilencedSubscription {
  connectionId: string;
  /** Null when no event ever arrived (the silence counts from the subscription's creation). */
  lastEventAt: Date | null;
  maxSilenceSeconds: number;
}

/**
 * Flags active subscriptions whose last event (or creation, when none came) is older than
 * their `max_silence_seconds` as `silent`, each with a `health` change event in the same
 * transaction. Safe to run from several processes at once: a subscription turns silent once.
 *
 * @param options.now the instant to judge by; default the database's clock.
 * @example const silenced = await markSilentSubscriptions(database);
 */
export async function markSilentSubscriptions(database: { db: Kysely<PortageTables> }, options: { now?: Date } = {}): Promise<SilencedSubscription[]> {
  const now = options.now ? sql<Date>`${options.now}::timestamptz` : sql<Date>`now()`;
  return inTransaction(database.db, async (trx) => {
    const rows = await trx
      .updateTable('webhook_subscriptions')
      .set({ status: 'silent', silent_since: now, updated_at: sql<Date>`now()` })
      .where('status', '=', 'active')
      .where(sql<boolean>`coalesce(last_event_at, created_at) + max_silence_seconds * interval '1 second' < ${now}`)
      .returning(['connection_id', 'last_event_at', 'max_silence_seconds'])
      .execute();
    const silenced = rows
      .map((row) => ({ connectionId: row.connection_id, lastEventAt: row.last_event_at, maxSilenceSeconds: row.max_silence_seconds }))
      .sort((a, b) => a.connectionId.localeCompare(b.connectionId));
    for (const subscription of silenced) {
      const since = subscription.lastEventAt ? `since ${subscription.lastEventAt.toISOString()}` : 'since the subscription was created';
      const reason = `no webhook event ${since} (expected one at least every ${describeSeconds(subscription.maxSilenceSeconds)})`;
      await insertSubscriptionHealthEvent(trx, subscription.connectionId, 'active', 'silent', reason);
    }
    return silenced;
  });
}

function describeSeconds(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400}d`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
