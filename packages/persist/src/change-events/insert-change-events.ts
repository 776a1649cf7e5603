import { sql, type Kysely } from 'kysely';
import type { ChangeEventKind, PortageTables } from '../database/tables.js';

/**
 * A change event to append to the outbox. `payloadJson` is JSON text, so a record's
 * canonical JSON is reused instead of serialised a second time.
 *
 * @example const event: NewChangeEvent = { connectionId, entity: 'order', externalId: '42', kind: 'created', payloadJson: '{"id":"42"}', runId: null };
 */
export interface NewChangeEvent {
  connectionId: string;
  entity: string | null;
  externalId: string | null;
  kind: ChangeEventKind;
  payloadJson: string;
  runId: string | null;
}

/**
 * Appends events with one insert whatever their number, in the given order (ids grow in that
 * order): each column is one array parameter unnested server-side, so there is no bind
 * parameter limit to chunk under and nothing for Kysely to compile per event. Pass the
 * executor of the change being reported so both commit or roll back together.
 *
 * @example await insertChangeEvents(trx, [event]);
 */
export async function insertChangeEvents(executor: Kysely<PortageTables>, events: readonly NewChangeEvent[]): Promise<void> {
  if (events.length === 0) return;
  await executor
    .insertInto('change_events')
    .columns(['connection_id', 'entity', 'external_id', 'kind', 'payload', 'run_id'])
    .expression(
      sql`select e.connection_id::uuid, e.entity, e.external_id, e.kind, e.payload::jsonb, e.run_id::uuid
        from unnest(${events.map((event) => event.connectionId)}::text[], ${events.map((event) => event.entity)}::text[],
          ${events.map((event) => event.externalId)}::text[], ${events.map((event) => event.kind)}::text[],
          ${events.map((event) => event.payloadJson)}::text[], ${events.map((event) => event.runId)}::text[])
          with ordinality as e(connection_id, entity, external_id, kind, payload, run_id, ord)
        order by e.ord`,
    )
    .execute();
}
