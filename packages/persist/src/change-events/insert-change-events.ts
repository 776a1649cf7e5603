import type { Kysely } from 'kysely';
import { parameterChunks } from '../database/parameter-chunks.js';
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

const PARAMETERS_PER_EVENT = 6;

/**
 * Appends events with as few multi-row inserts as the parameter limit allows, in the given
 * order (ids grow in that order). Pass the executor of the change being reported so both
 * commit or roll back together.
 *
 * @example await insertChangeEvents(trx, [event]);
 */
export async function insertChangeEvents(executor: Kysely<PortageTables>, events: readonly NewChangeEvent[]): Promise<void> {
  for (const chunk of parameterChunks(events, PARAMETERS_PER_EVENT)) {
    await executor
      .insertInto('change_events')
      .values(
        chunk.map((event) => ({
          connection_id: event.connectionId,
          entity: event.entity,
          external_id: event.externalId,
          kind: event.kind,
          payload: event.payloadJson,
          run_id: event.runId,
        })),
      )
      .execute();
  }
}
