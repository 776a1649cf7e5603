import { loadCheckpoint } from '@portage/persist';
import { createLogger } from '@portage/fetch';
import { enqueueDue, MARKS_WINDOW, parseRefreshConfig, startScheduler, type SyncMarks } from '@portage/refresh';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2e, type E2e } from '../src/e2e-harness.js';
import { until } from '../src/wait.js';

let e2e: E2e;

beforeAll(async () => {
  e2e = await startE2e({ records: 5_000, recordBytes: 300, latencyMs: 20 });
  await e2e.spawnWorker({ WORKER_CONCURRENCY: '2' });
});
afterAll(async () => e2e.close());

const marksOf = async (connectionId: string, entity: string) =>
  ((await loadCheckpoint(e2e.database.db, { connectionId, entity, windowKey: MARKS_WINDOW }))?.state ?? {}) as SyncMarks;

const runsOf = (connectionId: string) =>
  e2e.database.db
    .selectFrom('sync_runs')
    .innerJoin('sync_run_entities', 'sync_run_entities.run_id', 'sync_runs.id')
    .select(['sync_run_entities.entity', 'sync_runs.kind', 'sync_runs.status', 'sync_runs.started_at', 'sync_runs.finished_at', 'sync_run_entities.created', 'sync_run_entities.updated'])
    .where('sync_runs.connection_id', '=', connectionId)
    .orderBy('sync_runs.started_at')
    .execute();

describe('the scheduler drives the planner through the queue', () => {
  it('honours priority order: with concurrency 1 the first entity completes before the next starts', async () => {
    const connectionId = await e2e.connect();
    const config = parseRefreshConfig({
      entities: [
        { entity: 'customers', window: 'all' },
        { entity: 'payments', window: 'all' },
      ],
      defaults: { concurrency: 1 },
    });
    await until(
      'both entities to complete their first pass',
      async () => {
        await enqueueDue({ database: e2e.database, queue: e2e.queue, connectionId, config, now: new Date() });
        return Boolean((await marksOf(connectionId, 'payments')).lastFullCompletedAt);
      },
      90_000,
    );
    const runs = await runsOf(connectionId);
    expect(runs.map((r) => r.entity)).toEqual(['customers', 'payments']);
    const [customers, payments] = runs;
    expect(customers!.finished_at!.getTime()).toBeLessThanOrEqual(payments!.started_at.getTime());
    expect(e2e.expectedHashes('payments')).toEqual(await e2e.storedHashes(connectionId, 'payments'));
  }, 120_000);

  it('records updated during an incremental run are picked up by the next one (overlap)', async () => {
    const connectionId = await e2e.connect('tenant-incremental');
    const config = parseRefreshConfig({
      entities: [{ entity: 'customers', window: 'all', incremental: { every: '* * * * *', overlap: '5 minutes' } }],
    });
    await until('the first full pass', async () => {
      await enqueueDue({ database: e2e.database, queue: e2e.queue, connectionId, config, now: new Date() });
      return Boolean((await marksOf(connectionId, 'customers')).lastFullCompletedAt);
    });
    // Many changes, so the first incremental read takes several pages.
    e2e.platform.update(e2e.platform.snapshot().slice(1_000).map((r) => r.id));
    const firstMark = (await marksOf(connectionId, 'customers')).lastIncrementalAt!;
    // The planner runs a minute later (cron every minute): one incremental is due.
    const planned = await enqueueDue({ database: e2e.database, queue: e2e.queue, connectionId, config, now: new Date(Date.parse(firstMark) + 61_000) });
    expect(planned).toMatchObject([{ entity: 'customers', kind: 'incremental', since: new Date(Date.parse(firstMark) - 5 * 60_000).toISOString() }]);

    // While it reads, records it has already passed change: this run cannot see them.
    await until('the incremental run to commit a page', async () => (await loadCheckpoint(e2e.database.db, { connectionId, entity: 'customers', windowKey: 'incremental' })) !== undefined);
    const behind = e2e.platform.update(e2e.platform.snapshot().slice(0, 20).map((r) => r.id)).map((r) => r.id);
    await until('the incremental run to finish', async () => (await marksOf(connectionId, 'customers')).lastIncrementalAt !== firstMark);
    const stale = await e2e.storedHashes(connectionId);
    const expected = e2e.expectedHashes();
    expect(behind.filter((id) => stale.get(id) !== expected.get(id))).toEqual(behind);

    // The next incremental starts from the last run's start minus the overlap, so it sees them.
    const secondMark = (await marksOf(connectionId, 'customers')).lastIncrementalAt!;
    await enqueueDue({ database: e2e.database, queue: e2e.queue, connectionId, config, now: new Date(Date.parse(secondMark) + 61_000) });
    await until('the second incremental run to finish', async () => (await marksOf(connectionId, 'customers')).lastIncrementalAt !== secondMark);
    expect(await e2e.storedHashes(connectionId)).toEqual(e2e.expectedHashes());
  }, 120_000);

  it('startScheduler registers a pg-boss cron tick, and a tick plans every configured connection', async () => {
    const connectionId = await e2e.connect('tenant-scheduled');
    const config = parseRefreshConfig({ entities: [{ entity: 'customers', window: 'all' }] });
    const scheduler = await startScheduler({
      database: e2e.database,
      queue: e2e.queue,
      configFor: (connection) => (connection.id === connectionId ? config : undefined),
      logger: createLogger({ level: 'silent' }),
    });
    const schedules = await sql<{ name: string; cron: string }>`select name, cron from ${sql.table(`${e2e.bossSchema}.schedule`)}`.execute(e2e.database.db);
    expect(schedules.rows).toContainEqual({ name: 'portage-schedule', cron: '* * * * *' });
    expect(await scheduler.tick()).toBe(1);
    await until('the scheduled backfill', async () => Boolean((await marksOf(connectionId, 'customers')).lastFullCompletedAt));
    expect(await e2e.storedHashes(connectionId)).toEqual(e2e.expectedHashes());
  }, 60_000);
});
