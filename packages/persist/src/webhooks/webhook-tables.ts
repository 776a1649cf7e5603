import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/**
 * Whether a webhook subscription hears from its platform: `silent` once no event arrived for
 * longer than its `max_silence_seconds`, `active` again with the next event.
 *
 * @example const status: WebhookSubscriptionStatus = 'silent';
 */
export type WebhookSubscriptionStatus = 'active' | 'silent';

/**
 * What became of a stored webhook event: sync jobs were enqueued for the entities it touches,
 * or no route matched its type and it was only acknowledged.
 *
 * @example const state: WebhookEventState = 'enqueued';
 */
export type WebhookEventState = 'enqueued' | 'ignored';

type JsonColumn<T> = ColumnType<T, string, string>;
type NullableTimestamp = ColumnType<Date | null, Date | null | undefined, Date | null>;

/**
 * `webhook_subscriptions`: one per connection that receives webhooks.
 *
 * @example await db.selectFrom('webhook_subscriptions').select(['connection_id', 'status']).execute();
 */
export interface WebhookSubscriptionsTable {
  connection_id: string;
  /** Ciphertext from the credential cipher, never the secret itself. */
  signing_secret: string;
  max_silence_seconds: Generated<number>;
  status: Generated<WebhookSubscriptionStatus>;
  last_event_at: NullableTimestamp;
  silent_since: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/**
 * `webhook_events`: every verified delivery, raw, unique per (connection, platform event id).
 * `id` is a bigint, which `pg` reads as a string.
 *
 * @example await db.selectFrom('webhook_events').select(['event_id', 'deliveries']).where('connection_id', '=', id).execute();
 */
export interface WebhookEventsTable {
  id: GeneratedAlways<string>;
  connection_id: string;
  /** The platform's event id (or ids, for a batch, folded into one). */
  event_id: string;
  /** The event's type; for a batch, its distinct types joined with commas. */
  event_type: string;
  state: WebhookEventState;
  /** The connector entities a sync was enqueued for. */
  entities: JsonColumn<string[]>;
  /** The raw body exactly as received (what the signature covered). */
  body: string;
  /** Request headers worth keeping (content type, user agent), never the signature. */
  headers: JsonColumn<Record<string, string>>;
  /** How many times the platform delivered it (redeliveries only bump this). */
  deliveries: Generated<number>;
  received_at: Generated<Date>;
  last_received_at: Generated<Date>;
}

/**
 * The tables of webhook intake, part of {@link PortageTables}.
 *
 * @example const db: Kysely<WebhookTables> = database.db;
 */
export interface WebhookTables {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_events: WebhookEventsTable;
}
