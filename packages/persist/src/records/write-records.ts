import { PortageError } from '@portage/core';
import { sql, type Kysely } from 'kysely';
import { assertUuid } from '../database/assert-uuid.js';
import { inTransaction } from '../database/in-transaction.js';
import type { PortageTables } from '../database/tables.js';
import { assertExternalId, assertRecordScope } from './assert-record-key.js';
import { canonicalJson } from './canonical-json.js';
import { hashCanonicalJson } from './content-hash.js';

/**
 * One unified record to store.
 *
 * @example const record: RecordInput = { externalId: '42', data: toOrder(raw), remoteUpdatedAt: new Date(raw.updated_at) };
 */
export interface RecordInput {
  /** The platform's id, as a string. */
  externalId: string;
  /** The unified record; stored as canonical JSON. */
  data: unknown;
  /** When the platform last changed it, if it says. Only stored along with a content change. */
  remoteUpdatedAt?: Date | null;
}

/**
 * A batch of records of one entity of one connection.
 *
 * @example const input: WriteRecordsInput = { connectionId, entity: 'order', runId, passId, records };
 */
export interface WriteRecordsInput {
  connectionId: string;
  entity: string;
  /** Stamped on the change events. */
  runId?: string;
  /**
   * The full pass this batch belongs to. Ids this write leaves alone (unchanged) go to
   * `sync_seen` for `sweepUnseen`; ids it writes need no row there, since their `last_seen_at`
   * is then later than the pass's start.
   */
  passId?: string;
  records: ReadonlyArray<RecordInput>;
}

/**
 * What a write did. Each distinct external id of the batch is counted exactly once.
 *
 * @example const { created, updated, unchanged } = await writeRecords(trx, input);
 */
export interface WriteResult {
  /** New records, and deleted records that came back. */
  created: number;
  /** Live records whose content changed. */
  updated: number;
  /** Records whose content was already stored: no row was written for them. */
  unchanged: number;
}

interface Prepared {
  externalId: string;
  json: string;
  hash: string;
  remoteUpdatedAt: Date | null;
}

interface Existing {
  hash: string;
  deleted: boolean;
}

/**
 * Stores a batch, diff first: one SELECT of the stored hashes of the batch's ids, then one
 * statement that upserts only the new and changed records, appends their `created`/`updated`
 * change events and puts the ids it did not write in `sync_seen` (a first pass writes none
 * there), each column passed as a single array parameter
 * whatever the batch size. Unchanged records cause no write to `records`. A deleted record
 * that comes back is undeleted and counts as created. When an id repeats in the batch, the
 * last occurrence wins.
 *
 * Runs in `executor` when it is a transaction (pass the page's transaction so records,
 * events and checkpoint commit together), else in a transaction of its own.
 *
 * Safe under concurrent writers to the same connection and entity: the upsert's
 * `ON CONFLICT ... DO UPDATE ... WHERE hash differs` is the arbiter, counts and events come
 * from what it actually wrote, and rows are written in external id order so two writers
 * never wait on each other in a cycle.
 *
 * @throws PortageError VALIDATION_FAILED for a bad id or data JSON cannot hold;
 * NOT_FOUND when the connection does not exist.
 * @example
 * await database.db.transaction().execute(async (trx) => {
 *   const result = await writeRecords(trx, { connectionId, entity: 'order', runId, passId, records });
 *   await saveCheckpoint(trx, { connectionId, entity: 'order', windowKey: 'all' }, { state: { cursor }, passId, runId });
 * });
 */
export async function writeRecords(executor: Kysely<PortageTables>, input: WriteRecordsInput): Promise<WriteResult> {
  const { connectionId, entity } = input;
  assertRecordScope(connectionId, entity);
  if (input.runId !== undefined) assertUuid(input.runId, 'runId');
  if (input.passId !== undefined) assertUuid(input.passId, 'passId');
  const batch = prepare(input.records, entity);
  if (batch.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const ids = batch.map((record) => record.externalId);

  return inTransaction(executor, async (trx) => {
    const existing = await readExisting(trx, connectionId, entity, ids);
    const toWrite = batch.filter((record) => {
      const stored = existing.get(record.externalId);
      return stored === undefined || stored.deleted || stored.hash !== record.hash;
    });
    const { created, written } = await write(trx, input, toWrite, existing, input.passId === undefined ? [] : ids);
    return { created, updated: written - created, unchanged: batch.length - written };
  });
}

/** Validates, serialises and hashes once, keeping the last occurrence of each id, sorted by id. */
function prepare(records: ReadonlyArray<RecordInput>, entity: string): Prepared[] {
  if (!Array.isArray(records)) {
    throw new PortageError('VALIDATION_FAILED', 'records must be an array of { externalId, data }', { context: { entity } });
  }
  const byId = new Map<string, Prepared>();
  for (const record of records) {
    assertExternalId(record.externalId, entity);
    const json = toJson(record.data, entity, record.externalId);
    byId.set(record.externalId, {
      externalId: record.externalId,
      json,
      hash: hashCanonicalJson(json),
      remoteUpdatedAt: record.remoteUpdatedAt ?? null,
    });
  }
  return [...byId.values()].sort((a, b) => compareIds(a.externalId, b.externalId));
}

function toJson(data: unknown, entity: string, recordId: string): string {
  try {
    return canonicalJson(data);
  } catch (cause) {
    throw new PortageError('VALIDATION_FAILED', `${entity} ${recordId} cannot be stored as JSON: fix the mapping that produced it`, {
      cause,
      context: { entity, recordId },
    });
  }
}

async function readExisting(
  trx: Kysely<PortageTables>,
  connectionId: string,
  entity: string,
  ids: string[],
): Promise<Map<string, Existing>> {
  const rows = await trx
    .selectFrom('records')
    .select(['external_id', 'content_hash', sql<boolean>`deleted_at is not null`.as('deleted')])
    // A row-value IN over an unnested list plans as primary-key lookups even when the table
    // has no statistics yet (a first sync); `external_id = any(...)` next to the connection
    // filter was planned as a scan of the whole connection per page: quadratic (bench:sync).
    .where(
      sql<boolean>`(connection_id, entity, external_id) in (select ${connectionId}::uuid, ${entity}::text, unnest(${ids}::text[]))`,
    )
    .execute();
  return new Map(rows.map((row) => [row.external_id, { hash: row.content_hash, deleted: row.deleted }]));
}

/**
 * One statement, whatever the batch size: the upsert of the new and changed records, their
 * change events (built from what the upsert returned, so counts and events are exactly what
 * was written) and the batch's `sync_seen` rows. Every column travels as one array parameter
 * and is unnested server-side: a handful of bind parameters instead of six per record, and
 * nothing for Kysely to compile per row. Works the same on Postgres and PGlite.
 */
async function write(
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
    if ((cause as { code?: unknown }).code === '23503') {
      throw new PortageError('NOT_FOUND', `connection ${connectionId} does not exist: create it with the connection store before writing records`, {
        cause,
        context: { entity },
      });
    }
    throw cause;
  }
}

/** Code-unit order, matching the order in which rows were locked. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
