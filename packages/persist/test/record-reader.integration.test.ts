import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, createRecordReader, markDeleted, writeRecords, type PortageDatabase } from '../src/index.js';
import { insertConnection } from './insert-connection.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

let testDatabase: TestDatabase;
let database: PortageDatabase;
let mine: string;
let theirs: string;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = testDatabase.database;
  mine = await insertConnection(database, 'mine');
  theirs = await insertConnection(database, 'theirs');
  // Same entity, same external ids in both connections; only the data tells them apart.
  for (const [connectionId, owner] of [
    [mine, 'mine'],
    [theirs, 'theirs'],
  ] as const) {
    await writeRecords(database.db, {
      connectionId,
      entity: 'order',
      records: ['1', '2', '3', '4'].map((id) => ({ externalId: id, data: { id, owner } })),
    });
  }
  await writeRecords(database.db, { connectionId: theirs, entity: 'order', records: [{ externalId: '5', data: { owner: 'theirs' } }] });
  await markDeleted(database.db, { connectionId: mine, entity: 'order', externalIds: ['4'] });
});
afterAll(() => testDatabase.drop());

describe('createRecordReader', () => {
  it('never shows another connection’s records', async () => {
    const reader = createRecordReader(database, mine);
    const all = await reader.list('order', { includeDeleted: true });
    expect(all.map((record) => record.externalId)).toEqual(['1', '2', '3', '4']);
    expect(all.every((record) => record.connectionId === mine && (record.data as { owner: string }).owner === 'mine')).toBe(true);
    expect(await reader.get('order', '5')).toBeUndefined();
    expect(((await reader.get('order', '1'))?.data as { owner: string }).owner).toBe('mine');
    expect(await reader.count('order', { includeDeleted: true })).toBe(4);
    expect([...(await reader.hashes('order')).values()]).not.toContain(contentHash({ id: '1', owner: 'theirs' }));
  });

  it('shows the other connection its own records', async () => {
    const reader = createRecordReader(database, theirs);
    expect(await reader.count('order')).toBe(5);
    expect(((await reader.get('order', '4'))?.data as { owner: string }).owner).toBe('theirs');
  });

  it('gets a record with its metadata, deleted or not', async () => {
    const reader = createRecordReader(database, mine);
    const record = await reader.get('order', '4');
    expect(record).toMatchObject({
      connectionId: mine,
      entity: 'order',
      externalId: '4',
      data: { id: '4', owner: 'mine' },
      contentHash: contentHash({ id: '4', owner: 'mine' }),
      remoteUpdatedAt: null,
    });
    expect(record?.deletedAt).toBeInstanceOf(Date);
    expect(record?.firstSeenAt).toBeInstanceOf(Date);
  });

  it('lists live records by external id, page after page', async () => {
    const reader = createRecordReader(database, mine);
    const first = await reader.list('order', { limit: 2 });
    const second = await reader.list('order', { limit: 2, after: first.at(-1)?.externalId });
    expect(first.map((record) => record.externalId)).toEqual(['1', '2']);
    expect(second.map((record) => record.externalId)).toEqual(['3']);
  });

  it('counts live records unless told otherwise', async () => {
    const reader = createRecordReader(database, mine);
    expect(await reader.count('order')).toBe(3);
    expect(await reader.count('order', { includeDeleted: true })).toBe(4);
    expect(await reader.count('product')).toBe(0);
  });

  it('maps live external ids to content hashes', async () => {
    const hashes = await createRecordReader(database, mine).hashes('order');
    expect(Object.fromEntries(hashes)).toEqual({
      '1': contentHash({ id: '1', owner: 'mine' }),
      '2': contentHash({ id: '2', owner: 'mine' }),
      '3': contentHash({ id: '3', owner: 'mine' }),
    });
  });

  it('rejects a bad limit and a bad connection id with VALIDATION_FAILED', async () => {
    const error = await createRecordReader(database, mine)
      .list('order', { limit: 0 })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(() => createRecordReader(database, 'not-a-uuid')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
