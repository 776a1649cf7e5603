import { parseRefreshConfig, startScheduler, type SchedulerOptions } from '@portage/refresh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSilenceMonitor, SILENCE_MONITOR_QUEUE } from '../src/index.js';
import { startIntakeWorld, timestampedSignature, type IntakeWorld } from './intake-world.js';

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld();
});
afterAll(() => world?.close());

const healthEvents = async (connectionId: string) =>
  (await world.database.db.selectFrom('change_events').select(['kind', 'entity', 'payload']).where('connection_id', '=', connectionId).orderBy('id').execute()).map(
    (row) => ({ kind: row.kind, entity: row.entity, ...(row.payload as { subject: string; from: string; to: string }) }),
  );

// The scheduler logs through pino's interface; this test reads nothing from its logs.
const silentLogger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as SchedulerOptions['logger'];

const hoursLater = (hours: number) => () => new Date(Date.now() + hours * 3_600_000);

describe('createSilenceMonitor', () => {
  it('marks a subscription silent when nothing arrived for longer than expected, and the next event makes it active again', async () => {
    const connectionId = await world.connect('shop', { maxSilenceSeconds: 3600 });
    const body = JSON.stringify({ id: 'evt_before_silence', type: 'customer.updated' });
    expect((await world.post(`/webhooks/${connectionId}`, body, { 'shop-signature': timestampedSignature(body) })).status).toBe(200);

    // Within the expected interval: nothing to flag.
    expect((await createSilenceMonitor({ database: world.database, now: hoursLater(0.5) }).check()).map((s) => s.connectionId)).not.toContain(connectionId);
    const silenced = await createSilenceMonitor({ database: world.database, now: hoursLater(2) }).check();
    expect(silenced.map((s) => s.connectionId)).toContain(connectionId);
    expect((await world.subscriptions.get(connectionId))?.status).toBe('silent');

    const next = JSON.stringify({ id: 'evt_after_silence', type: 'customer.updated' });
    expect((await world.post(`/webhooks/${connectionId}`, next, { 'shop-signature': timestampedSignature(next) })).status).toBe(200);
    expect((await world.subscriptions.get(connectionId))?.status).toBe('active');
    expect(await healthEvents(connectionId)).toMatchObject([
      { kind: 'health', entity: null, subject: 'webhooks', from: 'active', to: 'silent' },
      { kind: 'health', entity: null, subject: 'webhooks', from: 'silent', to: 'active' },
    ]);
  });

  it('start() schedules the check with pg-boss cron', async () => {
    const monitor = createSilenceMonitor({ database: world.database, queue: world.queue, every: '*/10 * * * *' });
    await monitor.start();
    const { rows } = await world.database.pool.query<{ name: string; cron: string }>(`select name, cron from ${world.bossSchema}.schedule`);
    expect(rows).toContainEqual({ name: SILENCE_MONITOR_QUEUE, cron: '*/10 * * * *' });
  });

  it('start() without a queue is a CONFIG_INVALID error', async () => {
    await expect(createSilenceMonitor({ database: world.database }).start()).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('a silent subscription and the scheduled resyncs', () => {
  it('does not stop the scheduler from planning the connection: resyncs cover the events that never came', async () => {
    const connectionId = await world.connect('shop', { maxSilenceSeconds: 60 });
    await createSilenceMonitor({ database: world.database, now: hoursLater(1) }).check();
    expect((await world.subscriptions.get(connectionId))?.status).toBe('silent');

    const config = parseRefreshConfig({ entities: [{ entity: 'customers', window: 'all' }] });
    const scheduler = await startScheduler({
      database: world.database,
      queue: world.queue,
      configFor: (connection) => (connection.id === connectionId ? config : undefined),
      logger: silentLogger,
    });
    expect(await scheduler.tick()).toBe(1);
    const jobs = (await world.syncJobs()).filter((job) => job.data.connectionId === connectionId);
    expect(jobs.map((job) => job.data)).toEqual([{ connectionId, entity: 'customers', kind: 'full' }]);
    expect((await world.subscriptions.get(connectionId))?.status).toBe('silent');
  });
});
