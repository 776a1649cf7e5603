import { PortageError } from '@portage/core';
import { sql, type Kysely } from 'kysely';
import type { PortageTables } from '../database/tables.js';
import type { Existing, Prepared, WriteRecordsInput } from './write-records.js';

/**
 * One statement, whatever the batch size: the upsert of the new and changed records, their
 * change events (built from what the upsert returned, so counts and events are exactly what
 * was written) and the batch's `sync_seen` rows. Every column travels as one array parameter
 * and is unnested server-side: a handful of bind parameters instead of six per record, and
 * nothing for Kysely to compile per row. Works the same on Postgres and PGlite.
 */
export async function upsertRecords(
  trx: Kysely<PortageTables>,
  input: WriteRecordsInput,
  records: Prepared[],
  existing: Map<string, Existing>,
  seenIds: string[],
): Promise<{ created: number; written: number }> {
  const { connectionId, entity } = input;
  if (records.length === 0) {
    // Nothing to write (a repeat pass): only the pass's ids, without the upsert's planning.
    if (input.passId !== undefined && seenIds.length > 0) {
      await trx
        .insertInto('sync_seen')
        .columns(['pass_id', 'external_id'])
        .expression(sql`select ${input.passId}::uuid, unnest(${seenIds}::text[])`)
        .onConflict((conflict) => conflict.columns(['pass_id', 'external_id']).doNothing())
        .execute();
    }
    return { created: 0, written: 0 };
  }
  const ids = records.map((record) => record.externalId);
  const deletedIds = ids.filter((id) => existing.get(id)?.deleted === true);
  try {
    const row = await trx
      .with('written', (db) =>
        db
          .insertInto('records')
          .columns(['connection_id', 'entity', 'external_id', 'data', 'content_hash', 'remote_updated_at'])
          // Rows go in batch (external id) order, so two writers never wait on each other in
          // a cycle.
          .expression(
            sql`select ${connectionId}::uuid, ${entity}::text, u.external_id, u.data::jsonb, u.content_hash, u.remote_updated_at::timestamptz
              from unnest(${ids}::text[], ${records.map((record) => record.json)}::text[], ${records.map((record) => record.hash)}::text[],
                ${records.map((record) => record.remoteUpdatedAt?.toISOString() ?? null)}::text[])
                with ordinality as u(external_id, data, content_hash, remote_updated_at, ord)
              order by u.ord`,
          )
          .onConflict((conflict) =>
            conflict
              .columns(['connection_id', 'entity', 'external_id'])
              .doUpdateSet((eb) => ({
                data: eb.ref('excluded.data'),
                content_hash: eb.ref('excluded.content_hash'),
                remote_updated_at: eb.ref('excluded.remote_updated_at'),
                last_seen_at: sql<Date>`now()`,
                deleted_at: null,
              }))
              // A concurrent writer may have stored the same content since our diff: then this
              // row is left alone, returns nothing, and counts as unchanged.
              .where((eb) =>
                eb.or([
                  eb('records.content_hash', 'is distinct from', eb.ref('excluded.content_hash')),
                  eb('records.deleted_at', 'is not', null),
                ]),
              ),
          )
          // xmax is 0 only on a freshly inserted row version: the cheapest way to tell an
          // insert from an update in the same statement.
          .returning(['external_id', 'data', sql<boolean>`xmax = 0`.as('inserted')]),
      )
      .with('events', (db) =>
        db
          .insertInto('change_events')
          .columns(['connection_id', 'entity', 'external_id', 'kind', 'payload', 'run_id'])
          // An undeleted record counts as created; the diff is the only place that knows it
          // was deleted, because RETURNING shows the new row only. RETURNING follows no
          // particular order; the outbox follows the batch's (ids grow in insert order).
          .expression(
            sql`select ${connectionId}::uuid, ${entity}::text, w.external_id,
                case when w.inserted or w.external_id = any(${deletedIds}::text[]) then 'created' else 'updated' end,
                w.data, ${input.runId ?? null}::uuid
              from written w join unnest(${ids}::text[]) with ordinality as o(external_id, ord) on o.external_id = w.external_id
              order by o.ord`,
          )
          .returning('kind'),
      )
      // Runs even though nothing reads it: Postgres always completes data-modifying WITHs.
      // Only what this statement did not write: written rows carry a `last_seen_at` after the
      // pass's start, which spares them from the sweep (a first pass writes no seen rows).
      .with('seen', (db) =>
        db
          .insertInto('sync_seen')
          .columns(['pass_id', 'external_id'])
          .expression(
            sql`select ${input.passId ?? null}::uuid, s.external_id from unnest(${seenIds}::text[]) as s(external_id)
              where s.external_id not in (select external_id from written)`,
          )
          .onConflict((conflict) => conflict.columns(['pass_id', 'external_id']).doNothing()),
      )
      .selectFrom('events')
      .select([
        sql<number>`(count(*) filter (where kind = 'created'))::int`.as('created'),
        sql<number>`count(*)::int`.as('written'),
      ])
      .executeTakeFirstOrThrow();
    return { created: row.created, written: row.written };
  } catch (cause) {
    if ((cause as { code?: unknown }).code === '23503') throw connectionMissing(connectionId, entity, cause);
    throw cause;
  }
}

/** The error for a batch written under a connection that does not exist (foreign key 23503). */
export function connectionMissing(connectionId: string, entity: string, cause: unknown): PortageError {
  return new PortageError('NOT_FOUND', `connection ${connectionId} does not exist: create it with the connection store before writing records`, {
    cause,
    context: { entity },
  });
}
