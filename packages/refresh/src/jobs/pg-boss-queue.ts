import PgBoss from 'pg-boss';
import { PortageError } from '@portage/core';
import type { JobQueue, QueuedJob } from './job-queue.js';
import { createJobWakeups, type JobWakeups } from './job-wakeups.js';

export interface PgBossQueueOptions {
  /** Required unless `db` is given. */
  connectionString?: string;
  /** Postgres schema pg-boss keeps its tables in. */
  schema?: string;
  /** Run pg-boss's maintenance and cron monitor in this process (workers: yes; one-off CLIs: no). */
  supervise?: boolean;
  /** How often maintenance expires jobs of crashed workers so they are retried (default 60 s). */
  maintenanceIntervalSeconds?: number;
  /**
   * Where pg-boss runs its SQL instead of a pool of its own (pg-boss 10's `db` option), e.g.
   * the embedded store's `executeSql`. `connectionString` is then not used. pg-boss calls it
   * without `values` for scripts of several statements.
   */
  db?: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
}

/**
 * The JobQueue on pg-boss 10 (the newest major that runs on Node 20). Concurrency is several
 * `work()` loops of batch size 1, since v10 has no local concurrency option.
 *
 * @example
 * const queue = createPgBossQueue({ connectionString: process.env.DATABASE_URL! });
 * await queue.start();
 */
export function createPgBossQueue(options: PgBossQueueOptions): JobQueue {
  if (!options.connectionString && !options.db) {
    throw new PortageError('CONFIG_INVALID', 'the job queue needs a connectionString (DATABASE_URL) or a db to run its SQL on');
  }
  const schema = options.schema ?? 'pgboss';
  if (!/^[a-z_][a-z0-9_]*$/i.test(schema)) {
    throw new PortageError('CONFIG_INVALID', `"${schema}" is not a valid schema name for pg-boss: use letters, digits and underscores`);
  }
  const supervise = options.supervise ?? true;
  const boss = new PgBoss({
    ...(options.connectionString ? { connectionString: options.connectionString } : {}),
    schema,
    supervise,
    schedule: supervise,
    max: 4,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    ...(options.db ? { db: options.db } : {}),
  });
  // pg-boss reports background errors (e.g. a lost connection) as events: keep the process up.
  boss.on('error', () => undefined);

  // Wake-ups need a connection of their own; on an embedded store (`db`) workers just poll.
  const channel = `portage_jobs_${schema}`;
  const workerIds = new Map<string, string[]>();
  const wakeups: JobWakeups | undefined = options.connectionString
    ? createJobWakeups(options.connectionString, channel, (queue) => {
        for (const id of workerIds.get(queue) ?? []) boss.notifyWorker(id);
      })
    : undefined;
  let listening = false;

  return {
    start: async () => {
      await boss.start();
    },
    stop: async () => {
      await wakeups?.stop();
      listening = false;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    ensureQueue: async (name, queue) => {
      const settings = {
        policy: queue.singletonPerKey ? ('stately' as const) : ('standard' as const),
        retryLimit: queue.retryLimit,
        retryDelay: queue.retryDelaySeconds,
        retryBackoff: queue.retryBackoff,
        ...(queue.deadLetter ? { deadLetter: queue.deadLetter } : {}),
        ...(queue.expireInSeconds ? { expireInSeconds: queue.expireInSeconds } : {}),
      };
      if (await boss.getQueue(name)) await boss.updateQueue(name, { name, ...settings });
      else await boss.createQueue(name, { name, ...settings });
    },
    send: async (name, data, sendOptions = {}) => {
      const id = await boss.send(name, data, {
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
        ...(sendOptions.db ? { db: sendOptions.db } : {}),
      });
      const due = !sendOptions.startAfter || sendOptions.startAfter.getTime() <= Date.now();
      // Through the caller's db too: in a transaction, the wake-up goes out when it commits.
      if (id && due && wakeups) await (sendOptions.db ?? boss.getDb()).executeSql('SELECT pg_notify($1, $2)', [channel, name]);
      return id;
    },
    work: async (name, workOptions, handler) => {
      if (wakeups && !listening) {
        await wakeups.start();
        listening = true;
      }
      const ids = workerIds.get(name) ?? [];
      workerIds.set(name, ids);
      for (let i = 0; i < workOptions.concurrency; i++) {
        // The handler needs its own worker's id, which work() returns after registering it.
        const worker: { id?: string } = {};
        worker.id = await boss.work(name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: workOptions.pollingIntervalSeconds ?? 0.5 }, async (jobs) => {
          for (const job of jobs) {
            await handler({ id: job.id, data: job.data as never, retryCount: job.retryCount, retryLimit: job.retryLimit });
          }
          // pg-boss 10 sleeps out its polling interval even after a full batch; more jobs may be
          // waiting (their wake-ups may have come before this fetch), so look again at once.
          if (jobs.length > 0 && worker.id !== undefined) boss.notifyWorker(worker.id);
        });
        ids.push(worker.id);
      }
    },
    schedule: (name, cron, data, key) => boss.schedule(name, cron, data, { singletonKey: key, tz: 'UTC' }),
    list: async <T>(name: string, limit: number) => {
      // pg-boss has no read-only listing: fetch() would activate the jobs.
      const { rows } = await boss.getDb().executeSql(
        `SELECT id, data, retry_count, retry_limit, created_on, output FROM ${schema}.job WHERE name = $1 AND state = 'created' ORDER BY created_on LIMIT $2`,
        [name, limit],
      );
      return (rows as Array<{ id: string; data: T; retry_count: number; retry_limit: number; created_on: Date; output: unknown }>).map(
        (row): QueuedJob<T> & { createdOn: Date; output?: unknown } => ({
          id: row.id,
          data: row.data,
          retryCount: row.retry_count,
          retryLimit: row.retry_limit,
          createdOn: row.created_on,
          ...(row.output ? { output: row.output } : {}),
        }),
      );
    },
    pending: async (name, singletonKey) => {
      const { rows } = await boss.getDb().executeSql(
        `SELECT 1 FROM ${schema}.job WHERE name = $1 AND singleton_key = $2 AND state IN ('created', 'retry', 'active') LIMIT 1`,
        [name, singletonKey],
      );
      return rows.length > 0;
    },
    remove: (name, id) => boss.deleteJob(name, id),
  };
}
