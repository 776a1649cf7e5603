import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRecords, type PortageDatabase, type RecordInput, type WriteResult } from '../src/index.js';
import { insertConnection } from './insert-connection.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

let testDatabase: TestDatabase;
let database: PortageDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = testDatabase.database;
});
afterAll(() => testDatabase.drop());

const record = (id: string, version: number): RecordInput => ({ externalId: id, data: { id, version } });

/** Waits until some session of this test's schema is blocked on a lock. */
async function waitForLockWait(): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const result = await sql<{ waiting: number }>`
      select count(*)::int as waiting from pg_stat_activity
      where wait_event_type = 'Lock' and query like ${`%${database.schema}%`}`.execute(database.db);
    if ((result.rows[0]?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the second writer never waited for the first: the test did not overlap the transactions');
}

async function rows(connectionId: string) {
  return database.db
    .selectFrom('records')
    .select(['external_id', 'data'])
    .where('connection_id', '=', connectionId)
    .orderBy('external_id')
    .execute();
}

async function eventsById(connectionId: string): Promise<Map<string, string[]>> {
  const events = await database.db
    .selectFrom('change_events')
    .select(['external_id', 'kind'])
    .where('connection_id', '=', connectionId)
    .orderBy('id')
    .execute();
  const byId = new Map<string, string[]>();
  for (const event of events) byId.set(event.external_id ?? '', [...(byId.get(event.external_id ?? '') ?? []), event.kind]);
  return byId;
}

describe('writeRecords with concurrent writers', () => {
  it('lets a writer blocked on overlapping ids finish after the first commits, counting what it really wrote', async () => {
    const connectionId = await insertConnection(database);
    const first = await database.db.startTransaction().execute();
    let second: Promise<WriteResult> | undefined;
    try {
      expect(
        await writeRecords(first, { connectionId, entity: 'order', records: [record('a', 1), record('b', 1), record('c', 1)] }),
      ).toEqual({ created: 3, updated: 0, unchanged: 0 });

      // Its diff sees none of the first writer's uncommitted rows, so it plans to create b, c
      // and d; its upsert then waits on b.
      second = database.db
        .transaction()
        .execute((trx) =>
          writeRecords(trx, { connectionId, entity: 'order', records: [record('b', 1), record('c', 2), record('d', 1)] }),
        );
      await waitForLockWait();
      await first.commit().execute();
    } catch (error) {
      await first.rollback().execute();
      throw error;
    }

    // b arrived with the same content (unchanged), c with new content (updated), d is new.
    expect(await second).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(await rows(connectionId)).toEqual([
      { external_id: 'a', data: { id: 'a', version: 1 } },
      { external_id: 'b', data: { id: 'b', version: 1 } },
      { external_id: 'c', data: { id: 'c', version: 2 } },
      { external_id: 'd', data: { id: 'd', version: 1 } },
    ]);
    expect(Object.fromEntries(await eventsById(connectionId))).toEqual({
      a: ['created'],
      b: ['created'],
      c: ['created', 'updated'],
      d: ['created'],
    });
  });

  it('runs many overlapping writers at once with no error, no duplicate and one created event per record', async () => {
    const connectionId = await insertConnection(database);
    const ids = Array.from({ length: 60 }, (_, index) => `r-${index}`);
    // Each writer takes an overlapping window of ids, in its own (reversed or rotated) order,
    // which would deadlock if rows were not locked in one global order.
    const batches = Array.from({ length: 8 }, (_, writer) => {
      const window = ids.slice(writer * 5, writer * 5 + 30);
      const ordered = writer % 2 === 0 ? [...window].reverse() : [...window.slice(7), ...window.slice(0, 7)];
      return ordered.map((id) => record(id, 1));
    });

    const results = await Promise.all(
      batches.map((records) =>
        database.db.transaction().execute((trx) => writeRecords(trx, { connectionId, entity: 'order', records })),
      ),
    );

    const touched = new Set(batches.flat().map((input) => input.externalId));
    expect((await rows(connectionId)).map((row) => row.external_id).sort()).toEqual([...touched].sort());
    const created = results.reduce((sum, result) => sum + result.created, 0);
    expect(created).toBe(touched.size);
    expect(results.reduce((sum, result) => sum + result.updated, 0)).toBe(0);
    for (const [index, result] of results.entries()) {
      expect(result.created + result.unchanged).toBe(batches[index]?.length);
    }
    const events = await eventsById(connectionId);
    expect([...events.values()].every((kinds) => kinds.length === 1 && kinds[0] === 'created')).toBe(true);
    expect(events.size).toBe(touched.size);
  });
});
