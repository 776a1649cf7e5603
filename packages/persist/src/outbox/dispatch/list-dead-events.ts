import type { Kysely } from 'kysely';
import type { ChangeEventKind, PortageTables } from '../../database/tables.js';

/**
 * An event in the dead-letter queue: it failed `maxAttempts` times in a row.
 *
 * @example
 * for (const event of await dispatcher.listDead()) console.log(event.id, event.lastError);
 */
export interface DeadEvent {
  id: string;
  connectionId: string;
  entity: string | null;
  externalId: string | null;
  kind: ChangeEventKind;
  runId: string | null;
  attempts: number;
  /** The last failure: status and body excerpt, or the network error code. */
  lastError: string | null;
  createdAt: Date;
  deadAt: Date;
}

/**
 * How many dead events to read, and of which connection.
 *
 * @example const options: ListDeadEventsOptions = { limit: 100, connectionId };
 */
export interface ListDeadEventsOptions {
  limit: number;
  connectionId?: string | undefined;
}

/**
 * Reads the dead-letter queue, oldest event first (the order a replay delivers them in).
 * Payloads are left out: this is for people deciding what to replay.
 *
 * @example
 * const dead = await listDeadEvents(db, { limit: 50 });
 * console.table(dead.map((e) => ({ id: e.id, record: `${e.entity}/${e.externalId}`, error: e.lastError })));
 */
export async function listDeadEvents(db: Kysely<PortageTables>, options: ListDeadEventsOptions): Promise<DeadEvent[]> {
  const rows = await db
    .selectFrom('change_events')
    .select(['id', 'connection_id', 'entity', 'external_id', 'kind', 'run_id', 'attempts', 'last_error', 'created_at', 'dead_at'])
    .where('dead_at', 'is not', null)
    .where('delivered_at', 'is', null)
    .$if(options.connectionId !== undefined, (qb) => qb.where('connection_id', '=', options.connectionId!))
    .orderBy('id')
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({
    id: String(row.id),
    connectionId: row.connection_id,
    entity: row.entity,
    externalId: row.external_id,
    kind: row.kind,
    runId: row.run_id,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    // Not null: the query only reads dead rows.
    deadAt: new Date(row.dead_at!),
  }));
}
