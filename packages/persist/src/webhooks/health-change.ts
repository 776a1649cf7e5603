import type { Kysely } from 'kysely';
import { insertChangeEvents } from '../change-events/insert-change-events.js';
import type { PortageTables } from '../database/tables.js';
import type { WebhookSubscriptionStatus } from './webhook-tables.js';

/**
 * Writes a `health` change event about a connection's webhook subscription, told apart from
 * the connection's own health by `subject: 'webhooks'` in the payload.
 *
 * @example await insertSubscriptionHealthEvent(trx, connectionId, 'active', 'silent', 'no event for 24h');
 */
export async function insertSubscriptionHealthEvent(
  executor: Kysely<PortageTables>,
  connectionId: string,
  from: WebhookSubscriptionStatus,
  to: WebhookSubscriptionStatus,
  reason: string,
): Promise<void> {
  await insertChangeEvents(executor, [
    {
      connectionId,
      entity: null,
      externalId: null,
      kind: 'health',
      payloadJson: JSON.stringify({ subject: 'webhooks', from, to, reason }),
      runId: null,
    },
  ]);
}
