import { randomUUID } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, markDeleted, writeRecords, type PortageDatabase, type PortageTables, type RecordInput, type WriteRecordsInput } from '../src/index.js';
import { insertConnection } from './insert-connection.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { codeOf } from './code-of.js';

let testDatabase: TestDatabase;
let database: PortageDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = testDatabase.database;
});
afterAll(() => testDatabase.drop());

const order = (id: string, total: number): RecordInput => ({ externalId: id, data: { id, total, currency: 'EUR' } });
const batchOf = (count: number, total = 1): RecordInput[] =>
  Array.from({ length: count }, (_, index) => order(`o-${String(index).padStart(5, '0')}`, total));

/** Each row's xmin: it changes whenever Postgres writes a new version of the row. */
async function rowVersions(connectionId: string): Promise<Map<string, string>> {
  const rows = await database.db
    .selectFrom('records')
    .select(['external_id', sql<string>`xmin::text`.as('version')])
    .where('connection_id', '=', connectionId)
    .execute();
  return new Map(rows.map((row) => [row.external_id, row.version]));
}

/** The same database, logging the SQL of every statement into `statements`. */
function loggingDb(statements: string[]): Kysely<PortageTables> {
  return new Kysely<PortageTables>({
    dialect: new PostgresDialect({ pool: { connect: () => database.pool.connect(), end: async () => {} } }),
    log: (event) => {
      statements.push(event.query.sql);
    },
  }).withSchema(database.schema);
}

async function events(connectionId: string) {
  return database.db
    .selectFrom('change_events')
    .select(['kind', 'external_id', 'entity', 'payload', 'run_id'])
    .where('connection_id', '=', connectionId)
    .orderBy('id')
    .execute();
}

// Every case runs three ways: Kysely's upsert alone; in a transaction with a COPY channel (new
// records by COPY); and with COPY while assuming the records new (no diff read until an id
// turns out to exist). All three must store, count and report exactly the same.
const WRITE_MODES = [
  { mode: 'upsert', write: (input: WriteRecordsInput) => writeRecords(database.db, input) },
  { mode: 'copy', write: (input: WriteRecordsInput) => database.transactionWithCopy!((trx, copyIn) => writeRecords(trx, input, { copyIn })) },
  {
    mode: 'copy, assuming new',
    write: (input: WriteRecordsInput) => database.transactionWithCopy!((trx, copyIn) => writeRecords(trx, { ...input, assumeNew: true }, { copyIn })),
  },
];

describe.each(WRITE_MODES)('writeRecords ($mode)', ({ write }) => {
  it('creates new records, with one created event each', async () => {
    const connectionId = await insertConnection(database);
    const runId = randomUUID();
    const result = await write({ connectionId, entity: 'order', runId, records: [order('b', 2), order('a', 1)] });

    expect(result).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const stored = await database.db
      .selectFrom('records')
      .select(['external_id', 'data', 'content_hash', 'deleted_at'])
      .where('connection_id', '=', connectionId)
      .orderBy('external_id')
      .execute();
    expect(stored).toEqual([
      { external_id: 'a', data: { id: 'a', total: 1, currency: 'EUR' }, content_hash: contentHash(order('a', 1).data), deleted_at: null },
      { external_id: 'b', data: { id: 'b', total: 2, currency: 'EUR' }, content_hash: contentHash(order('b', 2).data), deleted_at: null },
    ]);
    expect(await events(connectionId)).toEqual([
      { kind: 'created', external_id: 'a', entity: 'order', payload: { id: 'a', total: 1, currency: 'EUR' }, run_id: runId },
      { kind: 'created', external_id: 'b', entity: 'order', payload: { id: 'b', total: 2, currency: 'EUR' }, run_id: runId },
    ]);
  });

  it('writes no record row and no event when the same batch comes again', async () => {
    const connectionId = await insertConnection(database);
    const batch = batchOf(50);
    await write({ connectionId, entity: 'order', records: batch });
    const versionsBefore = await rowVersions(connectionId);
    const eventsBefore = (await events(connectionId)).length;

    // Same content with keys in another order: still the same record.
    const reordered = batch.map((record) => ({ externalId: record.externalId, data: { currency: 'EUR', total: 1, id: record.externalId } }));
    const statements: string[] = [];
    const result = await writeRecords(loggingDb(statements), { connectionId, entity: 'order', records: reordered });

    expect(result).toEqual({ created: 0, updated: 0, unchanged: 50 });
    // Not even a no-op upsert: the diff is the only statement that touches records.
    expect(statements.filter((text) => /^(insert|update|delete)/i.test(text))).toEqual([]);
    expect(statements.filter((text) => /^select/i.test(text))).toHaveLength(1);
    expect(await rowVersions(connectionId)).toEqual(versionsBefore);
    expect(versionsBefore.size).toBe(50);
    expect(await events(connectionId)).toHaveLength(eventsBefore);
  });

  it('rewrites only the changed record, with one updated event', async () => {
    const connectionId = await insertConnection(database);
    const batch = batchOf(10);
    await write({ connectionId, entity: 'order', records: batch });
    const versionsBefore = await rowVersions(connectionId);

    const changed = batch.map((record, index) => (index === 3 ? order(record.externalId, 99) : record));
    const result = await write({ connectionId, entity: 'order', records: changed });

    expect(result).toEqual({ created: 0, updated: 1, unchanged: 9 });
    const versionsAfter = await rowVersions(connectionId);
    const rewritten = [...versionsAfter].filter(([id, version]) => versionsBefore.get(id) !== version).map(([id]) => id);
    expect(rewritten).toEqual(['o-00003']);
    const updates = (await events(connectionId)).filter((event) => event.kind === 'updated');
    expect(updates).toEqual([
      { kind: 'updated', external_id: 'o-00003', entity: 'order', payload: { id: 'o-00003', total: 99, currency: 'EUR' }, run_id: null },
    ]);
    const row = await database.db
      .selectFrom('records')
      .select(['content_hash'])
      .where('connection_id', '=', connectionId)
      .where('external_id', '=', 'o-00003')
      .executeTakeFirstOrThrow();
    expect(row.content_hash).toBe(contentHash({ id: 'o-00003', total: 99, currency: 'EUR' }));
  });

  it('counts a mixed batch', async () => {
    const connectionId = await insertConnection(database);
    await write({ connectionId, entity: 'order', records: [order('a', 1), order('b', 1)] });
    const result = await write({
      connectionId,
      entity: 'order',
      records: [order('a', 1), order('b', 2), order('c', 1), order('d', 1)],
    });
    expect(result).toEqual({ created: 2, updated: 1, unchanged: 1 });
  });

  it('keeps the last of duplicated ids and counts them once', async () => {
    const connectionId = await insertConnection(database);
    const result = await write({
      connectionId,
      entity: 'order',
      records: [order('a', 1), order('b', 1), order('a', 2), order('a', 3)],
    });
    expect(result).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const row = await database.db
      .selectFrom('records')
      .select('data')
      .where('connection_id', '=', connectionId)
      .where('external_id', '=', 'a')
      .executeTakeFirstOrThrow();
    expect(row.data).toEqual({ id: 'a', total: 3, currency: 'EUR' });
    expect((await events(connectionId)).map((event) => event.external_id)).toEqual(['a', 'b']);
  });

  it('undeletes a deleted record that is seen again, counting it as created', async () => {
    const connectionId = await insertConnection(database);
    await write({ connectionId, entity: 'order', records: [order('a', 1)] });
    await markDeleted(database.db, { connectionId, entity: 'order', externalIds: ['a'] });

    const result = await write({ connectionId, entity: 'order', records: [order('a', 1)] });

    expect(result).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const row = await database.db
      .selectFrom('records')
      .select('deleted_at')
      .where('connection_id', '=', connectionId)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).toBeNull();
    expect((await events(connectionId)).map((event) => event.kind)).toEqual(['created', 'deleted', 'created']);
  });

  it('stores remoteUpdatedAt and refreshes last_seen_at only with the content', async () => {
    const connectionId = await insertConnection(database);
    const at = new Date('2024-05-06T07:08:09.000Z');
    await write({ connectionId, entity: 'order', records: [{ ...order('a', 1), remoteUpdatedAt: at }] });
    const first = await database.db.selectFrom('records').selectAll().where('connection_id', '=', connectionId).executeTakeFirstOrThrow();
    expect(first.remote_updated_at).toEqual(at);

    await write({ connectionId, entity: 'order', records: [order('a', 2)] });
    const second = await database.db.selectFrom('records').selectAll().where('connection_id', '=', connectionId).executeTakeFirstOrThrow();
    expect(second.remote_updated_at).toBeNull();
    expect(second.first_seen_at).toEqual(first.first_seen_at);
    expect(second.last_seen_at.getTime()).toBeGreaterThan(first.last_seen_at.getTime());
  });

  it('puts in sync_seen only the ids of a pass that it did not write', async () => {
    const connectionId = await insertConnection(database);
    const passId = randomUUID();
    await write({ connectionId, entity: 'order', records: [order('a', 1), order('d', 1)] });
    await write({ connectionId, entity: 'order', passId, records: [order('a', 1), order('b', 1), order('d', 2)] });
    await write({ connectionId, entity: 'order', passId, records: [order('b', 1), order('c', 1)] });

    // a: unchanged; b: written, then unchanged; c: written; d: changed.
    const seen = await database.db.selectFrom('sync_seen').select('external_id').where('pass_id', '=', passId).orderBy('external_id').execute();
    expect(seen.map((row) => row.external_id)).toEqual(['a', 'b']);
  });

  it('stores ids and data that need escaping in array parameters exactly', async () => {
    const connectionId = await insertConnection(database);
    const passId = randomUUID();
    const ids = ['NULL', 'a,b', '"q"', '{x}', 'back\\slash', ' spaced ', 'line\nbreak', 'é€😀'];
    const data = (id: string) => ({ id, text: `${id} "quoted" \\ {braces}, NULL \t tab`, nothing: null, nested: [{ a: 'NULL' }] });
    const at = new Date('2024-05-06T07:08:09.123Z');
    const records = ids.map((id, index) => ({ externalId: id, data: data(id), remoteUpdatedAt: index % 2 === 0 ? at : null }));

    expect(await write({ connectionId, entity: 'order', passId, records })).toEqual({ created: 8, updated: 0, unchanged: 0 });
    expect(await write({ connectionId, entity: 'order', passId, records })).toEqual({ created: 0, updated: 0, unchanged: 8 });

    const stored = await database.db
      .selectFrom('records')
      .select(['external_id', 'data', 'content_hash', 'remote_updated_at'])
      .where('connection_id', '=', connectionId)
      .execute();
    expect(new Map(stored.map((row) => [row.external_id, row]))).toEqual(
      new Map(
        records.map((record) => [
          record.externalId,
          { external_id: record.externalId, data: record.data, content_hash: contentHash(record.data), remote_updated_at: record.remoteUpdatedAt },
        ]),
      ),
    );
    const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect((await events(connectionId)).map((event) => [event.external_id, event.payload])).toEqual(sorted.map((id) => [id, data(id)]));
    const seen = await database.db.selectFrom('sync_seen').select('external_id').where('pass_id', '=', passId).execute();
    expect(seen.map((row) => row.external_id).sort()).toEqual([...ids].sort());
  });

  it('keeps entities apart', async () => {
    const connectionId = await insertConnection(database);
    await write({ connectionId, entity: 'order', records: [order('1', 1)] });
    const result = await write({ connectionId, entity: 'product', records: [order('1', 1)] });
    expect(result.created).toBe(1);
  });

  it('splits large batches under the bind parameter limit', async () => {
    const connectionId = await insertConnection(database);
    // 12,000 rows x 6 parameters is past 65,535: one statement would be refused.
    const result = await write({ connectionId, entity: 'order', records: batchOf(12_000) });
    expect(result).toEqual({ created: 12_000, updated: 0, unchanged: 0 });
    const counted = await database.db
      .selectFrom('change_events')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('connection_id', '=', connectionId)
      .executeTakeFirstOrThrow();
    expect(Number(counted.count)).toBe(12_000);
    const again = await write({ connectionId, entity: 'order', records: batchOf(12_000, 2) });
    expect(again).toEqual({ created: 0, updated: 12_000, unchanged: 0 });
  });

  it('writes nothing for an empty batch', async () => {
    const connectionId = await insertConnection(database);
    expect(await write({ connectionId, entity: 'order', passId: randomUUID(), records: [] })).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
    });
  });

  it('rolls back with the caller transaction', async () => {
    const connectionId = await insertConnection(database);
    const failure = new Error('page failed after the write');
    await expect(
      database.db.transaction().execute(async (trx) => {
        await writeRecords(trx, { connectionId, entity: 'order', records: [order('a', 1)] });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await rowVersions(connectionId)).toEqual(new Map());
    expect(await events(connectionId)).toEqual([]);
  });

  it.each([
    ['an empty externalId', { externalId: '', data: {} }],
    ['a numeric externalId', { externalId: 42 as unknown as string, data: {} }],
    ['data JSON cannot hold', { externalId: 'a', data: { big: 1n } }],
    ['undefined data', { externalId: 'a', data: undefined }],
  ])('rejects %s with VALIDATION_FAILED and writes nothing', async (_name, record) => {
    const connectionId = await insertConnection(database);
    const code = await codeOf(write({ connectionId, entity: 'order', records: [order('ok', 1), record] }));
    expect(code).toBe('VALIDATION_FAILED');
    expect(await rowVersions(connectionId)).toEqual(new Map());
  });

  it('rejects a connection id that is not a uuid with VALIDATION_FAILED', async () => {
    expect(await codeOf(write({ connectionId: 'conn-1', entity: 'order', records: [order('a', 1)] }))).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('reports an unknown connection as NOT_FOUND', async () => {
    expect(await codeOf(write({ connectionId: randomUUID(), entity: 'order', records: [order('a', 1)] }))).toBe(
      'NOT_FOUND',
    );
  });
});

describe('writeRecords with a COPY channel', () => {
  const copying = (tables: string[]) => (input: WriteRecordsInput) =>
    database.transactionWithCopy!((trx, copyIn) =>
      writeRecords(trx, input, {
        copyIn: (table, columns, lines) => {
          tables.push(`${table}:${lines.length}`);
          return copyIn(table, columns, lines);
        },
      }),
    );

  it('copies only the new records and their created events; changed ones take the upsert', async () => {
    const connectionId = await insertConnection(database);
    const tables: string[] = [];
    await copying(tables)({ connectionId, entity: 'order', records: [order('a', 1), order('b', 1)] });
    const result = await copying(tables)({ connectionId, entity: 'order', records: [order('a', 2), order('b', 1), order('c', 1)] });

    expect(result).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(tables).toEqual(['records:2', 'change_events:2', 'records:1', 'change_events:1']);
    expect((await events(connectionId)).map((event) => `${event.kind} ${event.external_id}`)).toEqual(['created a', 'created b', 'created c', 'updated a']);
  });

  it('keeps nothing of a COPY that met a stored id, and writes the batch by the diff instead', async () => {
    const connectionId = await insertConnection(database);
    await writeRecords(database.db, { connectionId, entity: 'order', records: [order('b', 1)] });
    const tables: string[] = [];
    const result = await copying(tables)({ connectionId, entity: 'order', assumeNew: true, records: [order('a', 1), order('b', 1), order('c', 1)] });

    expect(result).toEqual({ created: 2, updated: 0, unchanged: 1 });
    // The first COPY failed on 'b' and was rolled back to its savepoint; the second holds a, c.
    expect(tables).toEqual(['records:3', 'records:2', 'change_events:2']);
    expect((await events(connectionId)).map((event) => `${event.kind} ${event.external_id}`)).toEqual(['created b', 'created a', 'created c']);
  });
});
