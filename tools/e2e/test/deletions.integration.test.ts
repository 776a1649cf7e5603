import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatform, type FakePlatform } from '@portage/fake-platform';
import { startE2e, type E2e } from '../src/e2e-harness.js';
import { until } from '../src/wait.js';

const RECORDS = 10_000;
let e2e: E2e;
let failing: FakePlatform;

beforeAll(async () => {
  e2e = await startE2e({ records: RECORDS, recordBytes: 300, latencyMs: 10 });
  // Same data, but every request answers 503: a pass resumed against it can only fail.
  failing = await startFakePlatform({ records: RECORDS, recordBytes: 300, failEvery: 1 });
});
afterAll(async () => {
  await failing.close();
  await e2e.close();
});

const liveDeleted = async (connectionId: string) =>
  (await e2e.database.db.selectFrom('records').select('external_id').where('connection_id', '=', connectionId).where('deleted_at', 'is not', null).execute()).map((r) => r.external_id).sort();
const deletedEvents = async (connectionId: string) =>
  Number((await e2e.database.db.selectFrom('change_events').select((eb) => eb.fn.countAll().as('n')).where('connection_id', '=', connectionId).where('kind', '=', 'deleted').executeTakeFirstOrThrow()).n);
const runStatuses = async (connectionId: string) =>
  (await e2e.database.db.selectFrom('sync_runs').select('status').where('connection_id', '=', connectionId).orderBy('started_at').execute()).map((r) => r.status);

describe('deletion detection', () => {
  it('deletes nothing after a partial or failed pass, and exactly the vanished records after a complete one', async () => {
    const connectionId = await e2e.connect();
    const worker = await e2e.spawnWorker({ JOB_EXPIRE_SECONDS: '4' });
    await e2e.enqueue({ connectionId, entity: 'customers', kind: 'full' });
    await e2e.waitForRuns(connectionId, 1);

    const removed = e2e.platform.remove(100).sort();
    expect(removed).toHaveLength(100);

    // Pass 2 is killed part-way: a partial pass.
    await e2e.enqueue({ connectionId, entity: 'customers', kind: 'full' });
    await until('pass 2 to commit pages', async () => (await e2e.database.db.selectFrom('checkpoints').select('entity').where('connection_id', '=', connectionId).where('window_key', '=', 'full').executeTakeFirst()) !== undefined);
    worker.kill('SIGKILL');
    expect(await liveDeleted(connectionId)).toEqual([]);

    // It resumes against a platform that fails every request: retries spent, dead-lettered.
    const failingWorker = await e2e.spawnWorker({ JOB_EXPIRE_SECONDS: '4', FAKE_PLATFORM_URL: failing.url });
    await e2e.waitForRuns(connectionId, 2, 90_000);
    expect(await runStatuses(connectionId)).toEqual(['succeeded', 'failed']);
    expect(await liveDeleted(connectionId)).toEqual([]);
    expect(await deletedEvents(connectionId)).toBe(0);

    // A healthy worker and a new full job: the pass resumes and completes, and only now deletes.
    failingWorker.kill('SIGKILL');
    await e2e.spawnWorker();
    await e2e.enqueue({ connectionId, entity: 'customers', kind: 'full' });
    await until('the resumed pass to complete', async () => (await liveDeleted(connectionId)).length > 0, 90_000);
    await until('the run to finish', async () => (await runStatuses(connectionId)).filter((s) => s === 'succeeded').length === 2, 30_000);
    expect(await liveDeleted(connectionId)).toEqual(removed);
    expect(await deletedEvents(connectionId)).toBe(100);
    expect(await e2e.storedHashes(connectionId)).toEqual(e2e.expectedHashes());
  }, 180_000);

  it('an incremental sync applies the deletions the platform reports (tombstones), without a full pass', async () => {
    const connectionId = await e2e.connect('tenant-tombstones');
    await e2e.spawnWorker();
    await e2e.enqueue({ connectionId, entity: 'customers', kind: 'full' });
    await until('the first full pass', async () => (await runStatuses(connectionId)).includes('succeeded'), 60_000);
    const fullPassStart = new Date(Date.now() - 1_000).toISOString();

    const removed = e2e.platform.remove(30).sort();
    await e2e.enqueue({ connectionId, entity: 'customers', kind: 'incremental', since: fullPassStart });
    await until('the incremental run', async () => (await runStatuses(connectionId)).filter((s) => s === 'succeeded').length === 2, 60_000);
    expect(await liveDeleted(connectionId)).toEqual(removed);
    expect(await deletedEvents(connectionId)).toBe(30);
    expect(await e2e.storedHashes(connectionId)).toEqual(e2e.expectedHashes());
  }, 120_000);
});
