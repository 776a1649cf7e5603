import type { Kysely } from 'kysely';
import type { ClaimedEvent } from './claim-due-events.js';
import type { DeliveryOutcome } from './deliver-event.js';
import type { PortageTables } from '../../database/tables.js';
import { nextAttemptDelayMs, type RetryScheduleOptions } from './retry-schedule.js';

/**
 * What became of a claimed event; `superseded` when the row changed under us (see below).
 *
 * @example if ((await recordDeliveryOutcome(db, event, outcome, options)) === 'dead') alertSomeone(event.id);
 */
export type RecordedOutcome = 'delivered' | 'retried' | 'dead' | 'superseded';

/**
 * The clock reading and retry policy an outcome is stored with.
 *
 * @example const options: RecordDeliveryOutcomeOptions = { now: new Date(), maxAttempts: 8, retry: { baseMs: 1000 } };
 */
export interface RecordDeliveryOutcomeOptions {
  now: Date;
  /** The failure that brings `attempts` to this number dead-letters the event. */
  maxAttempts: number;
  retry: RetryScheduleOptions;
}

/**
 * Stores how a delivery went: `delivered_at` on success; otherwise one more attempt, the
 * reason, and either the next attempt time or `dead_at` once `maxAttempts` is reached.
 *
 * Every update is conditional on the row still being as claimed (pending, same `attempts`),
 * so a dispatcher that overran its lease cannot count an attempt twice or resurrect an event
 * another dispatcher has since delivered; it then reports `superseded`.
 *
 * @example
 * const outcome = await deliverEvent(toWebhookEvent(event), deliveryOptions);
 * await recordDeliveryOutcome(db, event, outcome, { now: new Date(), maxAttempts: 8, retry: {} });
 */
export async function recordDeliveryOutcome(
  db: Kysely<PortageTables>,
  event: ClaimedEvent,
  outcome: DeliveryOutcome,
  options: RecordDeliveryOutcomeOptions,
): Promise<RecordedOutcome> {
  const { now } = options;
  const claimed = db
    .updateTable('change_events')
    .where('id', '=', event.id)
    .where('attempts', '=', event.attempts)
    .where('delivered_at', 'is', null)
    .where('dead_at', 'is', null);

  if (outcome.ok) {
    // `attempts` keeps counting failures only, so a delivered row says how hard it was.
    const result = await claimed.set({ delivered_at: now }).executeTakeFirst();
    return result.numUpdatedRows > 0n ? 'delivered' : 'superseded';
  }

  const attempts = event.attempts + 1;
  if (attempts >= options.maxAttempts) {
    const result = await claimed.set({ attempts, last_error: outcome.reason, dead_at: now, next_attempt_at: now }).executeTakeFirst();
    return result.numUpdatedRows > 0n ? 'dead' : 'superseded';
  }
  const nextAttemptAt = new Date(now.getTime() + nextAttemptDelayMs(attempts, options.retry));
  const result = await claimed.set({ attempts, last_error: outcome.reason, next_attempt_at: nextAttemptAt }).executeTakeFirst();
  return result.numUpdatedRows > 0n ? 'retried' : 'superseded';
}

/**
 * Gives a claimed event back without counting an attempt: due again now. For events this
 * dispatcher did not get to post before its lease ran short.
 *
 * @example
 * await releaseClaimedEvent(db, event, new Date());
 */
export async function releaseClaimedEvent(db: Kysely<PortageTables>, event: ClaimedEvent, now: Date): Promise<void> {
  await db
    .updateTable('change_events')
    .set({ next_attempt_at: now })
    .where('id', '=', event.id)
    .where('attempts', '=', event.attempts)
    .where('delivered_at', 'is', null)
    .where('dead_at', 'is', null)
    .execute();
}
