import { randomUUID } from 'node:crypto';
import { PortageError } from '@portage/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import { assertUuid } from '../database/assert-uuid.js';
import { inTransaction } from '../database/in-transaction.js';
import type { PortageTables } from '../database/tables.js';
import type { ExportError, ExportLink, ExportLinkKey } from './export-link.js';
import type { ExportLinksTable, ExportLinkState } from './export-tables.js';

type Db = Kysely<PortageTables>;

function assertKey(key: ExportLinkKey): void {
  assertUuid(key.connectionId, 'connectionId');
  for (const [field, value] of [['entity', key.entity], ['localKey', key.localKey]] as const) {
    if (typeof value !== 'string' || value === '') {
      throw new PortageError('VALIDATION_FAILED', `${field} must be a non-empty string`, { context: { field } });
    }
  }
}

function whereKey(key: ExportLinkKey) {
  return { connection_id: key.connectionId, entity: key.entity, local_key: key.localKey };
}

function toLink(row: Selectable<ExportLinksTable>): ExportLink {
  return {
    connectionId: row.connection_id,
    entity: row.entity,
    localKey: row.local_key,
    ...(row.external_id !== null && { externalId: row.external_id }),
    state: row.state,
    requestedSeq: Number(row.requested_seq),
    ...(row.idempotency_key !== null && { idempotencyKey: row.idempotency_key }),
    ...(row.attempt_hash !== null && { attemptHash: row.attempt_hash }),
    ...(row.attempt_body !== null && { attemptBody: row.attempt_body }),
    ...(row.create_sent_at !== null && { createSentAt: row.create_sent_at }),
    ...(row.exported_hash !== null && { exportedHash: row.exported_hash }),
    ...(row.remote_updated_at !== null && { remoteUpdatedAt: row.remote_updated_at }),
    ...(row.remote_hash !== null && { remoteHash: row.remote_hash }),
    ...(row.last_error !== null && { lastError: row.last_error as ExportError }),
    ...(row.exported_at !== null && { exportedAt: row.exported_at }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The link of one local record, if it was ever exported.
 *
 * @example const link = await getExportLink(database.db, { connectionId, entity: 'customers', localKey: 'crm-42' });
 */
export async function getExportLink(db: Db, key: ExportLinkKey): Promise<ExportLink | undefined> {
  assertKey(key);
  const row = await db
    .selectFrom('export_links')
    .selectAll()
    .where('connection_id', '=', key.connectionId)
    .where('entity', '=', key.entity)
    .where('local_key', '=', key.localKey)
    .executeTakeFirst();
  return row ? toLink(row) : undefined;
}

/**
 * Notes that an export of this record was requested (queued) and returns its sequence number:
 * a job whose number is below the link's latest was superseded by a newer export of the same
 * record, so it must not write its older content. Creates the link (state `pending`).
 *
 * @example const seq = await requestExport(database.db, key); await queue.send(EXPORT_QUEUE, { ...data, seq });
 */
export async function requestExport(db: Db, key: ExportLinkKey): Promise<number> {
  assertKey(key);
  const row = await db
    .insertInto('export_links')
    .values({ ...whereKey(key), requested_seq: 1 })
    .onConflict((conflict) =>
      conflict.columns(['connection_id', 'entity', 'local_key']).doUpdateSet({
        requested_seq: sql<string>`export_links.requested_seq + 1`,
        state: sql<ExportLinkState>`case when export_links.state = 'conflict' or export_links.state = 'failed' then 'pending' else export_links.state end`,
        updated_at: sql<Date>`now()`,
      }),
    )
    .returning('requested_seq')
    .executeTakeFirstOrThrow();
  return Number(row.requested_seq);
}

/**
 * Starts (or resumes) an attempt to write `hash` content with `body`, and returns the link
 * holding the attempt's idempotency key and body. A retry of the same content gets the same key
 * and body back; new content starts a new attempt with a new key. While a create's outcome is
 * unknown (`createSentAt` set) the attempt is kept whatever the content, so its retry repeats
 * exactly the request that may have landed. `createSent` also marks a create as sent (see
 * `markCreateSent`), in the same commit.
 *
 * @example const link = await beginExportAttempt(db, key, { hash: contentHash(record), body: fromCustomer(record), createSent: true });
 */
export async function beginExportAttempt(db: Db, key: ExportLinkKey, attempt: { hash: string; body: unknown; createSent?: boolean }): Promise<ExportLink> {
  assertKey(key);
  return inTransaction(db, async (trx) => {
    await trx.insertInto('export_links').values(whereKey(key)).onConflict((conflict) => conflict.doNothing()).execute();
    const current = await trx
      .selectFrom('export_links')
      .selectAll()
      .where('connection_id', '=', key.connectionId)
      .where('entity', '=', key.entity)
      .where('local_key', '=', key.localKey)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const keep = current.idempotency_key !== null && (current.attempt_hash === attempt.hash || current.create_sent_at !== null);
    const row = await trx
      .updateTable('export_links')
      .set({
        state: current.external_id === null || current.state === 'conflict' || current.state === 'failed' ? 'pending' : current.state,
        updated_at: sql<Date>`now()`,
        // A create about to be sent is marked in the same commit (see markCreateSent).
        ...(attempt.createSent && { create_sent_at: sql<Date>`coalesce(create_sent_at, now())` }),
        ...(keep ? {} : { idempotency_key: randomUUID(), attempt_hash: attempt.hash, attempt_body: JSON.stringify(attempt.body ?? null) }),
      })
      .where('connection_id', '=', key.connectionId)
      .where('entity', '=', key.entity)
      .where('local_key', '=', key.localKey)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toLink(row);
  });
}

/**
 * Marks that a create is about to be sent. Commit it before sending: if the answer is lost,
 * the next attempt knows the create may have landed.
 *
 * @example await markCreateSent(db, key); await sendWrite(client, create);
 */
export async function markCreateSent(db: Db, key: ExportLinkKey): Promise<void> {
  assertKey(key);
  await db
    .updateTable('export_links')
    .set({ create_sent_at: sql<Date>`coalesce(create_sent_at, now())`, updated_at: sql<Date>`now()` })
    .where('connection_id', '=', key.connectionId)
    .where('entity', '=', key.entity)
    .where('local_key', '=', key.localKey)
    .execute();
}

/**
 * Forgets a create that certainly did not land (the platform answered it with a rejection),
 * so the next attempt may create again without a lookup.
 *
 * @example if (error.context.status === 422) await clearCreateSent(db, key);
 */
export async function clearCreateSent(db: Db, key: ExportLinkKey): Promise<void> {
  assertKey(key);
  await db
    .updateTable('export_links')
    .set({ create_sent_at: null, updated_at: sql<Date>`now()` })
    .where('connection_id', '=', key.connectionId)
    .where('entity', '=', key.entity)
    .where('local_key', '=', key.localKey)
    .execute();
}

/**
 * What a successful write left on the platform.
 *
 * @example const written: ExportWritten = { externalId: 'cus_1', state: 'created', exportedHash, remoteUpdatedAt };
 */
export interface ExportWritten {
  externalId: string;
  state: 'created' | 'updated';
  exportedHash: string;
  remoteUpdatedAt?: Date | null;
  remoteHash?: string | null;
}

/**
 * Records a successful write: the external id is linked, the attempt (key, body, pending
 * create) ends, and the error of an earlier attempt is cleared. Refuses (CONFLICT) to link an
 * external id another local key of the same entity already holds.
 *
 * @example await recordExportSuccess(db, key, { externalId: 'cus_1', state: 'created', exportedHash: hash });
 */
export async function recordExportSuccess(db: Db, key: ExportLinkKey, written: ExportWritten): Promise<ExportLink> {
  assertKey(key);
  try {
    const row = await db
      .updateTable('export_links')
      .set({
        external_id: written.externalId,
        state: written.state,
        exported_hash: written.exportedHash,
        remote_updated_at: written.remoteUpdatedAt ?? null,
        remote_hash: written.remoteHash ?? null,
        exported_at: sql<Date>`now()`,
        last_error: null,
        create_sent_at: null,
        idempotency_key: null,
        attempt_hash: null,
        attempt_body: null,
        updated_at: sql<Date>`now()`,
      })
      .where('connection_id', '=', key.connectionId)
      .where('entity', '=', key.entity)
      .where('local_key', '=', key.localKey)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new PortageError('NOT_FOUND', `no export link for ${key.entity} "${key.localKey}": begin the attempt first`, { context: { entity: key.entity } });
    return toLink(row);
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505') {
      throw new PortageError('CONFLICT', `${key.entity} ${written.externalId} is already linked to another local record: one platform record can back only one local key`, {
        cause: error,
        context: { entity: key.entity, recordId: written.externalId, localKey: key.localKey },
      });
    }
    throw error;
  }
}

/**
 * Records a failed or refused export. The attempt (key, body, pending create) is kept, so a
 * retry repeats exactly what may have reached the platform.
 *
 * @example await recordExportFailure(db, key, { state: 'conflict', error: { code: 'CONFLICT', ... } });
 */
export async function recordExportFailure(db: Db, key: ExportLinkKey, failure: { state: 'conflict' | 'failed'; error: ExportError }): Promise<void> {
  assertKey(key);
  await db
    .insertInto('export_links')
    .values({ ...whereKey(key), state: failure.state, last_error: JSON.stringify(failure.error) })
    .onConflict((conflict) =>
      conflict.columns(['connection_id', 'entity', 'local_key']).doUpdateSet({
        state: failure.state,
        last_error: JSON.stringify(failure.error),
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}

/**
 * Links a local record to a platform record by hand, e.g. after checking on the platform that
 * a create whose answer was lost did land. Ends any pending create; the next export updates.
 *
 * @example await linkExport(db, key, 'rec_0001001');
 */
export async function linkExport(db: Db, key: ExportLinkKey, externalId: string): Promise<ExportLink> {
  assertKey(key);
  const row = await db
    .insertInto('export_links')
    .values({ ...whereKey(key), external_id: externalId })
    .onConflict((conflict) =>
      conflict.columns(['connection_id', 'entity', 'local_key']).doUpdateSet({
        external_id: externalId,
        create_sent_at: null,
        idempotency_key: null,
        attempt_hash: null,
        attempt_body: null,
        updated_at: sql<Date>`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLink(row);
}

/**
 * Links of a connection, most recently changed first, e.g. the conflicts to resolve.
 *
 * @example const conflicts = await listExportLinks(db, { connectionId, states: ['conflict'] });
 */
export async function listExportLinks(
  db: Db,
  options: { connectionId: string; entity?: string; states?: readonly ExportLinkState[]; limit?: number },
): Promise<ExportLink[]> {
  assertUuid(options.connectionId, 'connectionId');
  let query = db.selectFrom('export_links').selectAll().where('connection_id', '=', options.connectionId);
  if (options.entity !== undefined) query = query.where('entity', '=', options.entity);
  if (options.states !== undefined && options.states.length > 0) query = query.where('state', 'in', [...options.states]);
  const rows = await query.orderBy('updated_at', 'desc').orderBy('local_key').limit(options.limit ?? 100).execute();
  return rows.map(toLink);
}

/**
 * Takes (or renews) the lease on exporting one record, for `leaseMs`: one export of a record
 * at a time, across every worker. False while another holder's lease runs. Creates the link.
 *
 * @example if (await leaseExportLink(db, key, { holder, leaseMs: 60_000 })) { ...; await releaseExportLink(db, key, holder); }
 */
export async function leaseExportLink(db: Db, key: ExportLinkKey, lease: { holder: string; leaseMs: number }): Promise<boolean> {
  assertKey(key);
  assertUuid(lease.holder, 'holder');
  const until = sql<Date>`now() + ${Math.max(1, Math.round(lease.leaseMs))} * interval '1 millisecond'`;
  const row = await db
    .insertInto('export_links')
    .values({ ...whereKey(key), lease_holder: lease.holder, lease_until: until })
    .onConflict((conflict) =>
      conflict
        .columns(['connection_id', 'entity', 'local_key'])
        .doUpdateSet({ lease_holder: lease.holder, lease_until: until })
        .where((eb) =>
          eb.or([
            eb('export_links.lease_until', 'is', null),
            eb('export_links.lease_until', '<=', sql<Date>`now()`),
            eb('export_links.lease_holder', '=', lease.holder),
          ]),
        ),
    )
    .returning('local_key')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Ends a lease taken with `leaseExportLink` (only if `holder` still holds it).
 *
 * @example await releaseExportLink(db, key, holder);
 */
export async function releaseExportLink(db: Db, key: ExportLinkKey, holder: string): Promise<void> {
  assertKey(key);
  await db
    .updateTable('export_links')
    .set({ lease_holder: null, lease_until: null })
    .where('connection_id', '=', key.connectionId)
    .where('entity', '=', key.entity)
    .where('local_key', '=', key.localKey)
    .where('lease_holder', '=', holder)
    .execute();
}
