import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from '../src/e2e-harness.js';
import { until } from '../src/wait.js';

const RECORDS = 20_000;
let e2e: E2e;

beforeAll(async () => {
  // Pages of 500 with a little latency: about 40 requests, long enough to kill a worker mid-way.
  e2e = await startE2e({ records: RECORDS, recordBytes: 300, latencyMs: 15 });
});
afterAll(async () => e2e.close());

const count = async (table: 'records' | 'change_events', connectionId: string) =>
  Number((await e2e.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('connection_id', '=', connectionId).executeTakeFirstOrThrow()).n);

describe('a worker killed with SIGKILL mid-sync', () => {
  it('is replaced by another that resumes at the last committed page: exact data, no duplicate events', async () => {
    const connectionId = await e2e.connect();
    const first = await e2e.spawnWorker({ JOB_EXPIRE_SECONDS: '6' });
    await e2e.enqueue({ connectionId, entity: 'customers', kind: 'full' });
    await until('3,000 committed records', async () => (await count('records', connectionId)) >= 3_000);
    first.kill('SIGKILL');
    const committed = await count('records', connectionId);
    expect(committed).toBeLessThan(RECORDS);

    await e2e.spawnWorker({ JOB_EXPIRE_SECONDS: '6' });
    await e2e.waitForRuns(connectionId, 1, 90_000);

    expect(await e2e.storedHashes(connectionId)).toEqual(e2e.expectedHashes());
    const events = await e2e.database.db
      .selectFrom('change_events')
      .select(['external_id', (eb) => eb.fn.countAll().as('n')])
      .where('connection_id', '=', connectionId)
      .groupBy('external_id')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(events).toEqual([]);
    expect(await count('change_events', connectionId)).toBe(RECORDS);
    const run = await e2e.database.db.selectFrom('sync_runs').selectAll().where('connection_id', '=', connectionId).executeTakeFirstOrThrow();
    expect(run.status).toBe('succeeded');
  }, 120_000);
});
