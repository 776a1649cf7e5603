import type { Kysely } from 'kysely';
import { assertUuid } from '../database/assert-uuid.js';
import type { PortageTables } from '../database/tables.js';

/**
 * What the last sync stored of one platform record: the baseline an export's conflict check
 * compares the platform's current record with.
 *
 * @example const synced = await readSyncedRecord(db, { connectionId, entity: 'customers', externalId: 'rec_7' });
 */
export interface SyncedRecord {
  data: unknown;
  contentHash: string;
  remoteUpdatedAt?: Date;
  /** When the sync last stored a change of it. */
  lastSeenAt: Date;
  deleted: boolean;
}

/**
 * Reads the stored copy of one platform record, deleted or not.
 *
 * @example const synced = await readSyncedRecord(db, { connectionId, entity: 'customers', externalId: 'rec_7' });
 */
export async function readSyncedRecord(
  db: Kysely<PortageTables>,
  key: { connectionId: string; entity: string; externalId: string },
): Promise<SyncedRecord | undefined> {
  assertUuid(key.connectionId, 'connectionId');
  const row = await db
    .selectFrom('records')
    .select(['data', 'content_hash', 'remote_updated_at', 'last_seen_at', 'deleted_at'])
    .where('connection_id', '=', key.connectionId)
    .where('entity', '=', key.entity)
    .where('external_id', '=', key.externalId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    data: row.data,
    contentHash: row.content_hash,
    ...(row.remote_updated_at !== null && { remoteUpdatedAt: row.remote_updated_at }),
    lastSeenAt: row.last_seen_at,
    deleted: row.deleted_at !== null,
  };
}
