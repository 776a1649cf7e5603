import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from '../src/e2e-harness.js';

const RECORDS = 5_000;
let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e({ records: RECORDS, recordBytes: 300 });
  await e2e.spawnWorker();
  await e2e.spawnWorker();
});
afterAll(async () => e2e.close());

const entityCounts = (runId: string) => e2e.database.db.selectFrom('sync_run_entities').selectAll().where('run_id', '=', runId).executeTakeFirstOrThrow();
const runsOf = (connectionId: string) => e2e.database.db.selectFrom('sync_runs').selectAll().where('connection_id', '=', connectionId).orderBy('started_at').execute();
const xmins = async (connectionId: string) =>
  new Map(
    (await sql<{ external_id: string; xmin: string }>`select external_id, xmin::text as xmin from ${sql.table(`${e2e.database.schema}.records`)} where connection_id = ${connectionId}`.execute(e2e.database.db)).rows.map(
      (row) => [row.external_id, row.xmin],
    ),
  );

describe('full syncs through worker processes', () => {
  it('two workers sync two connections at once, each exactly once', async () => {
    const [a, b] = [await e2e.connect('tenant-a'), await e2e.connect('tenant-b')];
    await Promise.all([e2e.enqueue({ connectionId: a, entity: 'customers', kind: 'full' }), e2e.enqueue({ connectionId: b, entity: 'customers', kind: 'full' })]);
    await Promise.all([e2e.waitForRuns(a, 1), e2e.waitForRuns(b, 1)]);
    for (const connectionId of [a, b]) {
      expect(await e2e.storedHashes(connectionId)).toEqual(e2e.expectedHashes());
      const [run] = await runsOf(connectionId);
      expect(await entityCounts(run!.id)).toMatchObject({ created: RECORDS, updated: 0, unchanged: 0, deleted: 0 });
    }
  }, 90_000);

  it('a second full sync over unchanged data writes no record row (unchanged = N)', async () => {
    const connectionId = await e2e.connect('tenant-c');
    await e2e.enqueue({ connectionId, entity: 'customers', kind: 'full' });
    await e2e.waitForRuns(connectionId, 1);
    const before = await xmins(connectionId);
    const eventsBefore = await e2e.database.db.selectFrom('change_events').select((eb) => eb.fn.countAll().as('n')).where('connection_id', '=', connectionId).executeTakeFirstOrThrow();

    await e2e.enqueue({ connectionId, entity: 'customers', kind: 'full' });
    await e2e.waitForRuns(connectionId, 2);
    const [, second] = await runsOf(connectionId);
    expect(second!.status).toBe('succeeded');
    expect(await entityCounts(second!.id)).toMatchObject({ created: 0, updated: 0, unchanged: RECORDS, deleted: 0 });
    // xmin changes whenever Postgres writes a new row version: none may have changed.
    expect(await xmins(connectionId)).toEqual(before);
    const eventsAfter = await e2e.database.db.selectFrom('change_events').select((eb) => eb.fn.countAll().as('n')).where('connection_id', '=', connectionId).executeTakeFirstOrThrow();
    expect(eventsAfter.n).toEqual(eventsBefore.n);
  }, 90_000);
});
