import { createHash } from 'node:crypto';
import { getPath, PortageError, webhookEntitiesFor, type ConnectorWebhooks } from '@portage/core';

/**
 * What one delivery holds, read by the connector's declaration.
 *
 * @example const read: WebhookDeliveryEvents = { eventId: 'evt_1', eventType: 'customer.updated', entities: ['customers'], count: 1 };
 */
export interface WebhookDeliveryEvents {
  /**
   * The dedupe key: the event's id for a single event; for a batch, a hash of its events'
   * sorted ids (`batch:<sha256>`); when an event lacks its id, a hash of the raw body
   * (`body:<sha256>`), which a byte-identical redelivery repeats.
   */
  eventId: string;
  /** The event's type; for a batch, its distinct types joined with commas. */
  eventType: string;
  /** The entities to sync, in the order events named them, each once. */
  entities: string[];
  /** Events in the delivery. */
  count: number;
}

/**
 * Reads a parsed delivery by the connector's `webhooks` declaration: its events (one, or the
 * array at `eventsPath`), their ids, types and the entities their routes name. Undefined for a
 * batch with no events (a platform's handshake), which has nothing to store.
 *
 * @throws PortageError MALFORMED_RESPONSE when `eventsPath` holds no array or an event is not an object.
 * @example
 * readWebhookEvents(webhooks, { id: 'evt_1', type: 'customer.updated' }, rawBody);
 * // { eventId: 'evt_1', eventType: 'customer.updated', entities: ['customers'], count: 1 }
 */
export function readWebhookEvents(webhooks: ConnectorWebhooks, payload: unknown, rawBody: Buffer): WebhookDeliveryEvents | undefined {
  const items = webhooks.eventsPath === undefined ? [payload] : getPath(payload, webhooks.eventsPath);
  if (!Array.isArray(items)) {
    throw new PortageError('MALFORMED_RESPONSE', `the webhook body has no event array at "${webhooks.eventsPath}": check the connector's webhooks.eventsPath`);
  }
  if (items.length === 0) return undefined;

  const ids: Array<string | undefined> = [];
  const types = new Set<string>();
  const entities = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new PortageError('MALFORMED_RESPONSE', `webhook event ${index} is not an object`);
    }
    ids.push(eventIdOf(item, webhooks.idPaths));
    const type = getPath(item, webhooks.typePath);
    const typeText = typeof type === 'string' ? type : '';
    types.add(typeText);
    for (const entity of webhookEntitiesFor(webhooks, typeText)) entities.add(entity);
  }

  return { eventId: deliveryId(ids, rawBody), eventType: [...types].join(','), entities: [...entities], count: items.length };
}

// The values at the id paths joined; undefined when one is missing or not a scalar.
function eventIdOf(item: object, idPaths: readonly string[]): string | undefined {
  const parts: string[] = [];
  for (const path of idPaths) {
    const value = getPath(item, path);
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    if (String(value) === '') return undefined;
    parts.push(String(value));
  }
  return parts.join(':');
}

function deliveryId(ids: ReadonlyArray<string | undefined>, rawBody: Buffer): string {
  const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
  if (ids.some((id) => id === undefined)) return `body:${sha256(rawBody)}`;
  if (ids.length === 1) return ids[0]!;
  return `batch:${sha256([...(ids as string[])].sort().join('\n'))}`;
}
