import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteCheckpoint,
  loadCheckpoint,
  saveCheckpoint,
  writeRecords,
  type CheckpointKey,
  type PortageDatabase,
} from '../src/index.js';
import { insertConnection } from './insert-connection.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

let testDatabase: TestDatabase;
let database: PortageDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = testDatabase.database;
});
afterAll(() => testDatabase.drop());

const keyFor = (connectionId: string, windowKey = 'all'): CheckpointKey => ({ connectionId, entity: 'order', windowKey });

describe('checkpoints', () => {
  it('saves, replaces, loads and deletes', async () => {
    const key = keyFor(randomUUID());
    const passId = randomUUID();
    const runId = randomUUID();
    expect(await loadCheckpoint(database.db, key)).toBeUndefined();

    await saveCheckpoint(database.db, key, { state: { cursor: 'p1' }, passId, runId });
    const first = await loadCheckpoint(database.db, key);
    expect(first).toEqual({ state: { cursor: 'p1' }, passId, runId, updatedAt: expect.any(Date) });

    await saveCheckpoint(database.db, key, { state: ['page', 2] });
    expect(await loadCheckpoint(database.db, key)).toEqual({ state: ['page', 2], updatedAt: expect.any(Date) });

    await deleteCheckpoint(database.db, key);
    expect(await loadCheckpoint(database.db, key)).toBeUndefined();
  });

  it('keeps windows apart', async () => {
    const connectionId = randomUUID();
    await saveCheckpoint(database.db, keyFor(connectionId, '2024-01'), { state: 1 });
    await saveCheckpoint(database.db, keyFor(connectionId, '2024-02'), { state: 2 });
    expect((await loadCheckpoint(database.db, keyFor(connectionId, '2024-01')))?.state).toBe(1);
    expect((await loadCheckpoint(database.db, keyFor(connectionId, '2024-02')))?.state).toBe(2);
  });

  it('commits or rolls back together with the page’s records', async () => {
    const connectionId = await insertConnection(database);
    const key = keyFor(connectionId);
    await saveCheckpoint(database.db, key, { state: { cursor: 'p1' } });

    await expect(
      database.db.transaction().execute(async (trx) => {
        await writeRecords(trx, { connectionId, entity: 'order', records: [{ externalId: 'a', data: { id: 'a' } }] });
        await saveCheckpoint(trx, key, { state: { cursor: 'p2' } });
        expect((await loadCheckpoint(trx, key))?.state).toEqual({ cursor: 'p2' });
        throw new Error('worker killed before commit');
      }),
    ).rejects.toThrow('worker killed before commit');

    expect((await loadCheckpoint(database.db, key))?.state).toEqual({ cursor: 'p1' });
    const records = await database.db.selectFrom('records').select('external_id').where('connection_id', '=', connectionId).execute();
    expect(records).toEqual([]);

    await database.db.transaction().execute(async (trx) => {
      await writeRecords(trx, { connectionId, entity: 'order', records: [{ externalId: 'a', data: { id: 'a' } }] });
      await saveCheckpoint(trx, key, { state: { cursor: 'p2' } });
    });
    expect((await loadCheckpoint(database.db, key))?.state).toEqual({ cursor: 'p2' });
    expect(await database.db.selectFrom('records').select('external_id').where('connection_id', '=', connectionId).execute()).toEqual([
      { external_id: 'a' },
    ]);
  });

  it('rejects state JSON cannot hold and an empty window key with VALIDATION_FAILED', async () => {
    const connectionId = randomUUID();
    await expect(saveCheckpoint(database.db, keyFor(connectionId), { state: undefined })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(loadCheckpoint(database.db, keyFor(connectionId, ''))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
