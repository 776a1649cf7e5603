import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgBossQueue } from '../src/jobs/pg-boss-queue.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCHEMA = `portage_boss_${randomBytes(4).toString('hex')}`;
const QUEUE_OPTIONS = { retryLimit: 0, retryDelaySeconds: 1, retryBackoff: false };
// Far longer than the test may take: a job picked up at all was picked up by a wake-up.
const SLOW_POLL_SECONDS = 120;

afterAll(async () => {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await client.end();
});

describe('pg-boss queue wake-ups', () => {
  it('a job sent from another process picks up an idle worker without waiting for its poll', async () => {
    const worker = createPgBossQueue({ connectionString: DATABASE_URL, schema: SCHEMA, supervise: false });
    const sender = createPgBossQueue({ connectionString: DATABASE_URL, schema: SCHEMA, supervise: false });
    await worker.start();
    await sender.start();
    try {
      await worker.ensureQueue('wake-test', QUEUE_OPTIONS);
      const handled: string[] = [];
      let done!: () => void;
      const allHandled = new Promise<void>((resolve) => (done = resolve));
      await worker.work<{ n: number }>('wake-test', { concurrency: 1, pollingIntervalSeconds: SLOW_POLL_SECONDS }, async (job) => {
        handled.push(String(job.data.n));
        if (handled.length === 2) done();
      });
      // The worker's first poll finds nothing; only a wake-up can bring it back within the test.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await sender.send('wake-test', { n: 1 });
      await sender.send('wake-test', { n: 2 });
      await allHandled;
      expect(handled.sort()).toEqual(['1', '2']);
    } finally {
      await sender.stop();
      await worker.stop();
    }
  }, 20_000);

  it('a backlog queued before the worker started is drained without waiting for polls', async () => {
    const queue = createPgBossQueue({ connectionString: DATABASE_URL, schema: SCHEMA, supervise: false });
    await queue.start();
    try {
      await queue.ensureQueue('backlog-test', QUEUE_OPTIONS);
      for (const n of [1, 2, 3]) await queue.send('backlog-test', { n });
      const handled: number[] = [];
      let done!: () => void;
      const allHandled = new Promise<void>((resolve) => (done = resolve));
      // Each fetch takes one job; pg-boss 10 alone would then sleep the full polling interval.
      await queue.work<{ n: number }>('backlog-test', { concurrency: 1, pollingIntervalSeconds: SLOW_POLL_SECONDS }, async (job) => {
        handled.push(job.data.n);
        if (handled.length === 3) done();
      });
      await allHandled;
      expect(handled.sort()).toEqual([1, 2, 3]);
    } finally {
      await queue.stop();
    }
  }, 20_000);
});
