import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearPass, databaseNow, markDeleted, sweepUnseen, writeRecords, type PortageDatabase, type RecordInput } from '../src/index.js';
import { insertConnection } from './insert-connection.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

let testDatabase: TestDatabase;
let database: PortageDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = testDatabase.database;
});
afterAll(() => testDatabase.drop());

const record = (id: string): RecordInput => ({ externalId: id, data: { id } });

async function liveIds(connectionId: string, entity = 'order'): Promise<string[]> {
  const rows = await database.db
    .selectFrom('records')
    .select('external_id')
    .where('connection_id', '=', connectionId)
    .where('entity', '=', entity)
    .where('deleted_at', 'is', null)
    .orderBy('external_id')
    .execute();
  return rows.map((row) => row.external_id);
}

async function deletedEvents(connectionId: string) {
  return database.db
    .selectFrom('change_events')
    .select(['external_id', 'entity', 'payload', 'run_id'])
    .where('connection_id', '=', connectionId)
    .where('kind', '=', 'deleted')
    .orderBy('id')
    .execute();
}

async function seenCount(passId: string): Promise<number> {
  const rows = await database.db.selectFrom('sync_seen').select('external_id').where('pass_id', '=', passId).execute();
  return rows.length;
}

/** Stores a..e, then runs a full pass that sees only `seen`. */
async function storeThenPass(connectionId: string, seen: string[]): Promise<{ passId: string; passStartedAt: Date }> {
  await writeRecords(database.db, { connectionId, entity: 'order', records: ['a', 'b', 'c', 'd', 'e'].map(record) });
  const passId = randomUUID();
  const passStartedAt = await databaseNow(database.db);
  await writeRecords(database.db, { connectionId, entity: 'order', passId, records: seen.map(record) });
  return { passId, passStartedAt };
}

describe('sweepUnseen', () => {
  it('marks only the records the pass did not see as deleted, with a deleted event each', async () => {
    const connectionId = await insertConnection(database);
    const { passId, passStartedAt } = await storeThenPass(connectionId, ['a', 'c', 'e']);
    const runId = randomUUID();

    const result = await sweepUnseen(database.db, { connectionId, entity: 'order', passId, runId, passStartedAt });

    expect(result).toEqual({ deleted: 2 });
    expect(await liveIds(connectionId)).toEqual(['a', 'c', 'e']);
    expect(await deletedEvents(connectionId)).toEqual([
      { external_id: 'b', entity: 'order', payload: { id: 'b' }, run_id: runId },
      { external_id: 'd', entity: 'order', payload: { id: 'd' }, run_id: runId },
    ]);
    expect(await seenCount(passId)).toBe(0);
  });

  it('leaves other entities, other connections and already deleted records alone', async () => {
    const connectionId = await insertConnection(database);
    const otherConnection = await insertConnection(database);
    await writeRecords(database.db, { connectionId, entity: 'product', records: [record('p')] });
    await writeRecords(database.db, { connectionId: otherConnection, entity: 'order', records: [record('x')] });
    await writeRecords(database.db, { connectionId, entity: 'order', records: [record('gone')] });
    await markDeleted(database.db, { connectionId, entity: 'order', externalIds: ['gone'] });
    const { passId, passStartedAt } = await storeThenPass(connectionId, ['a', 'b', 'c', 'd']);

    expect(await sweepUnseen(database.db, { connectionId, entity: 'order', passId, passStartedAt })).toEqual({ deleted: 1 });
    expect(await liveIds(connectionId, 'product')).toEqual(['p']);
    expect(await liveIds(otherConnection)).toEqual(['x']);
    expect((await deletedEvents(connectionId)).map((event) => event.external_id)).toEqual(['gone', 'e']);
  });

  it('spares records stored after the pass started', async () => {
    const connectionId = await insertConnection(database);
    await writeRecords(database.db, { connectionId, entity: 'order', records: [record('old'), record('seen')] });
    const now = await databaseNow(database.db);
    const passId = randomUUID();
    await writeRecords(database.db, { connectionId, entity: 'order', passId, records: [record('seen')] });
    // Written by an incremental sync while the pass ran, after the pass had passed its page.
    await writeRecords(database.db, { connectionId, entity: 'order', records: [record('new')] });

    expect(await sweepUnseen(database.db, { connectionId, entity: 'order', passId, passStartedAt: now })).toEqual({ deleted: 1 });
    expect(await liveIds(connectionId)).toEqual(['new', 'seen']);
  });

  it('spares what the pass itself created or changed, with no seen rows for them', async () => {
    const connectionId = await insertConnection(database);
    await writeRecords(database.db, { connectionId, entity: 'order', records: [record('kept'), record('changed'), record('gone')] });
    const passId = randomUUID();
    const passStartedAt = await databaseNow(database.db);
    const counts = await writeRecords(database.db, {
      connectionId,
      entity: 'order',
      passId,
      records: [record('kept'), { externalId: 'changed', data: { id: 'changed', v: 2 } }, record('fresh')],
    });

    expect(counts).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(await seenCount(passId)).toBe(1);
    expect(await sweepUnseen(database.db, { connectionId, entity: 'order', passId, passStartedAt })).toEqual({ deleted: 1 });
    expect(await liveIds(connectionId)).toEqual(['changed', 'fresh', 'kept']);
  });

  it('rolls back with the caller transaction', async () => {
    const connectionId = await insertConnection(database);
    const { passId, passStartedAt } = await storeThenPass(connectionId, ['a']);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sweepUnseen(trx, { connectionId, entity: 'order', passId, passStartedAt });
        throw new Error('run bookkeeping failed');
      }),
    ).rejects.toThrow('run bookkeeping failed');
    expect(await liveIds(connectionId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await deletedEvents(connectionId)).toEqual([]);
    expect(await seenCount(passId)).toBe(1);
  });
});

describe('clearPass', () => {
  it('forgets the pass and deletes no record', async () => {
    const connectionId = await insertConnection(database);
    const { passId } = await storeThenPass(connectionId, ['a']);
    const otherPass = randomUUID();
    await writeRecords(database.db, { connectionId, entity: 'order', passId: otherPass, records: [record('a')] });

    await clearPass(database.db, passId);

    expect(await seenCount(passId)).toBe(0);
    expect(await seenCount(otherPass)).toBe(1);
    expect(await liveIds(connectionId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await deletedEvents(connectionId)).toEqual([]);
  });
});

describe('markDeleted', () => {
  it('deletes the named live records once, with one event each', async () => {
    const connectionId = await insertConnection(database);
    await writeRecords(database.db, { connectionId, entity: 'order', records: ['a', 'b', 'c'].map(record) });
    const runId = randomUUID();

    const first = await markDeleted(database.db, { connectionId, entity: 'order', externalIds: ['b', 'c', 'c', 'unknown'], runId });
    const again = await markDeleted(database.db, { connectionId, entity: 'order', externalIds: ['b'] });

    expect(first).toEqual({ deleted: 2 });
    expect(again).toEqual({ deleted: 0 });
    expect(await liveIds(connectionId)).toEqual(['a']);
    expect(await deletedEvents(connectionId)).toEqual([
      { external_id: 'b', entity: 'order', payload: { id: 'b' }, run_id: runId },
      { external_id: 'c', entity: 'order', payload: { id: 'c' }, run_id: runId },
    ]);
  });

  it('does nothing for no ids', async () => {
    const connectionId = await insertConnection(database);
    expect(await markDeleted(database.db, { connectionId, entity: 'order', externalIds: [] })).toEqual({ deleted: 0 });
  });

  it('rejects an empty id with VALIDATION_FAILED', async () => {
    const connectionId = await insertConnection(database);
    const error = await markDeleted(database.db, { connectionId, entity: 'order', externalIds: [''] }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
