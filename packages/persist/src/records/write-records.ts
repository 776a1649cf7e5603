import { PortageError } from '@portage/core';
import { sql, type Kysely } from 'kysely';
import { assertUuid } from '../database/assert-uuid.js';
import { inTransaction } from '../database/in-transaction.js';
import type { PortageTables } from '../database/tables.js';
import { assertExternalId, assertRecordScope } from './assert-record-key.js';
import { canonicalJson } from './canonical-json.js';
import { hashCanonicalJson } from './content-hash.js';
import { copyNewRecords } from './copy-new-records.js';
import { upsertRecords } from './upsert-records.js';
import type { CopyIn } from '../database/transaction-with-copy.js';

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
  /**
   * The records are believed new (a first pass over an entity with nothing stored): skip the
   * diff's read. Safe to be wrong: a write that finds an id stored falls back to the diff.
   * Only used with `copyIn`.
   */
  assumeNew?: boolean;
  records: ReadonlyArray<RecordInput>;
}

/**
 * How a write may reach the database beyond Kysely.
 *
 * @example await database.transactionWithCopy!((trx, copyIn) => writeRecords(trx, input, { copyIn }));
 */
export interface WriteRecordsOptions {
  /** The transaction's COPY channel: new records then go in by COPY instead of the upsert. */
  copyIn?: CopyIn | undefined;
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

/** A record validated, serialised and hashed, ready to write. */
export interface Prepared {
  externalId: string;
  json: string;
  hash: string;
  remoteUpdatedAt: Date | null;
}

/** What the store holds for an id. */
export interface Existing {
  hash: string;
  deleted: boolean;
}

/**
 * Stores a batch, diff first: one SELECT of the stored hashes of the batch's ids, then only
 * the new and changed records are written, with their `created`/`updated` change events, and
 * the ids left alone go to `sync_seen` (a first pass writes none there). With `copyIn`, new
 * records go in by COPY (and with `assumeNew` even the SELECT is skipped until an id turns out
 * to exist); changed ones, and everything without `copyIn`, by one upsert statement whose
 * columns are single array parameters whatever the batch size. Unchanged records cause no
 * write to `records`. A deleted record that comes back is undeleted and counts as created.
 * When an id repeats in the batch, the last occurrence wins.
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
export async function writeRecords(executor: Kysely<PortageTables>, input: WriteRecordsInput, options: WriteRecordsOptions = {}): Promise<WriteResult> {
  const { connectionId, entity } = input;
  assertRecordScope(connectionId, entity);
  if (input.runId !== undefined) assertUuid(input.runId, 'runId');
  if (input.passId !== undefined) assertUuid(input.passId, 'passId');
  const batch = prepare(input.records, entity);
  if (batch.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const ids = batch.map((record) => record.externalId);

  const { copyIn } = options;

  return inTransaction(executor, async (trx) => {
    if (copyIn && input.assumeNew && (await copyNewRecords(trx, copyIn, input, batch))) {
      return { created: batch.length, updated: 0, unchanged: 0 };
    }
    const existing = await readExisting(trx, connectionId, entity, ids);
    let toWrite = batch.filter((record) => {
      const stored = existing.get(record.externalId);
      return stored === undefined || stored.deleted || stored.hash !== record.hash;
    });
    let copied = 0;
    const fresh = copyIn ? toWrite.filter((record) => !existing.has(record.externalId)) : [];
    if (copyIn && fresh.length > 0 && (await copyNewRecords(trx, copyIn, input, fresh))) {
      copied = fresh.length;
      toWrite = toWrite.filter((record) => existing.has(record.externalId));
    }
    const seenIds = input.passId === undefined ? [] : copied === 0 ? ids : batch.filter((record) => existing.has(record.externalId)).map((record) => record.externalId);
    const { created, written } = await upsertRecords(trx, input, toWrite, existing, seenIds);
    return { created: created + copied, updated: written - created, unchanged: batch.length - written - copied };
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

/** Code-unit order, matching the order in which rows were locked. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
