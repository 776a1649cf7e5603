import type { ChangeEventKind } from '../../database/tables.js';

/**
 * A change event as the webhook receiver gets it: the JSON body of every delivery.
 *
 * @example
 * const event = JSON.parse(rawBody) as WebhookEvent;
 * if (event.kind === 'deleted') await removeLocalCopy(event.entity, event.externalId);
 */
export interface WebhookEvent {
  /** The `change_events` id, a decimal string (bigint). Same as the `portage-event-id` header. */
  id: string;
  connectionId: string;
  /** Null only for `health` events, which are about the connection. */
  entity: string | null;
  externalId: string | null;
  kind: ChangeEventKind;
  /** created/updated/deleted: the unified record; health: `{ from, to, reason }`. */
  payload: unknown;
  runId: string | null;
  /** ISO 8601, when the sync engine wrote the event. */
  createdAt: string;
}

/**
 * The `change_events` columns a delivery is made of.
 *
 * @example const row: ChangeEventRow = await db.selectFrom('change_events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
 */
export interface ChangeEventRow {
  id: string;
  connection_id: string;
  entity: string | null;
  external_id: string | null;
  kind: ChangeEventKind;
  payload: unknown;
  run_id: string | null;
  created_at: Date | string;
}

/**
 * Maps a `change_events` row to the webhook body. Column names stay internal: receivers see
 * camelCase, and a renamed column does not change the public payload.
 *
 * @example
 * const body = JSON.stringify(toWebhookEvent(row));
 */
export function toWebhookEvent(row: ChangeEventRow): WebhookEvent {
  return {
    // pg returns bigint as a string already; String() also covers a driver that parses it.
    id: String(row.id),
    connectionId: row.connection_id,
    entity: row.entity,
    externalId: row.external_id,
    kind: row.kind,
    payload: row.payload,
    runId: row.run_id,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
