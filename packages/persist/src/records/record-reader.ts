import { PortageError } from '@portage/core';
import type { Kysely, Selectable } from 'kysely';
import { assertUuid } from '../database/assert-uuid.js';
import type { PortageTables, RecordsTable } from '../database/tables.js';

/**
 * A record as stored.
 *
 * @example const order = await reader.get('order', '42'); // StoredRecord | undefined
 */
export interface StoredRecord {
  connectionId: string;
  entity: string;
  externalId: string;
  /** The unified record as JSON gives it back (dates are ISO strings). */
  data: unknown;
  contentHash: string;
  remoteUpdatedAt: Date | null;
  firstSeenAt: Date;
  /** The last time its content was stored. */
  lastSeenAt: Date;
  deletedAt: Date | null;
}

/**
 * Options of `list`: keyset pagination by external id.
 *
 * @example const page = await reader.list('order', { after: lastId, limit: 500 });
 */
export interface ListRecordsOptions {
  /** Return only records whose external id sorts after this one. */
  after?: string;
  /** Default 100, at most 10,000. */
  limit?: number;
  /** Include soft-deleted records; default false. */
  includeDeleted?: boolean;
}

/**
 * Reads the records of one connection.
 *
 * @example const reader: RecordReader = createRecordReader(database, connectionId);
 */
export interface RecordReader {
  /** One record, deleted or not; `undefined` if never stored. */
  get(entity: string, externalId: string): Promise<StoredRecord | undefined>;
  /** Records ordered by external id (in the database's collation, which `after` follows too). */
  list(entity: string, options?: ListRecordsOptions): Promise<StoredRecord[]>;
  count(entity: string, options?: { includeDeleted?: boolean }): Promise<number>;
  /** externalId -> contentHash of the live records of `entity`. */
  hashes(entity: string): Promise<Map<string, string>>;
}

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;

/**
 * A reader bound to one connection: every query it runs is filtered by `connectionId`, so
 * code holding it cannot read another customer's records. Pass `{ db: trx }` to read
 * inside a transaction.
 *
 * @example
 * const reader = createRecordReader(database, connectionId);
 * for (let page = await reader.list('order'); page.length > 0; page = await reader.list('order', { after: page.at(-1)?.externalId })) {
 *   handle(page);
 * }
 */
export function createRecordReader(database: { db: Kysely<PortageTables> }, connectionId: string): RecordReader {
  assertUuid(connectionId, 'connectionId');
  const records = (entity: string) =>
    database.db.selectFrom('records').where('connection_id', '=', connectionId).where('entity', '=', entity);

  return {
    async get(entity, externalId) {
      const row = await records(entity).selectAll().where('external_id', '=', externalId).executeTakeFirst();
      return row && toStoredRecord(row);
    },

    async list(entity, options = {}) {
      const limit = options.limit ?? DEFAULT_LIMIT;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
        throw new PortageError('VALIDATION_FAILED', `limit must be an integer from 1 to ${MAX_LIMIT}: page with { after } instead`, {
          context: { entity, limit },
        });
      }
      let query = records(entity).selectAll().orderBy('external_id').limit(limit);
      if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
      if (options.after !== undefined) query = query.where('external_id', '>', options.after);
      return (await query.execute()).map(toStoredRecord);
    },

    async count(entity, options = {}) {
      let query = records(entity).select((eb) => eb.fn.countAll<string>().as('count'));
      if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
      const row = await query.executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async hashes(entity) {
      const rows = await records(entity).select(['external_id', 'content_hash']).where('deleted_at', 'is', null).execute();
      return new Map(rows.map((row) => [row.external_id, row.content_hash]));
    },
  };
}

function toStoredRecord(row: Selectable<RecordsTable>): StoredRecord {
  return {
    connectionId: row.connection_id,
    entity: row.entity,
    externalId: row.external_id,
    data: row.data,
    contentHash: row.content_hash,
    remoteUpdatedAt: row.remote_updated_at,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    deletedAt: row.deleted_at,
  };
}
