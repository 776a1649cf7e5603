// The sync benchmark's world: fresh Postgres schemas for the store and pg-boss, a connection
// store, worker processes on demand, and timed sync jobs. `close()` drops both schemas.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { createConnectionStore, createCredentialCipher, createDatabase, migrateToLatest, type PortageDatabase } from '@portage/persist';
import { createPgBossQueue, SYNC_QUEUE, syncJobKey, type JobQueue, type SyncJobData } from '@portage/refresh';
import { procStatusBytes } from './process-stats.js';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface WorkerProcess {
  pid: number;
  /** Peak resident set of the worker process since it started (VmHWM). */
  peakRss(): number;
  /** Resident set now (VmRSS). */
  rss(): number;
  stop(): Promise<void>;
}

export interface TimedRun {
  runId: string;
  startedAt: Date;
  /** From `queue.send` to the run's `finished_at`: pick-up by pg-boss included. */
  seconds: number;
  /** From the run's `started_at` to its `finished_at`: the worker's own time. */
  runSeconds: number;
  created: number;
  updated: number;
  unchanged: number;
  pages: number;
}

export interface SyncWorld {
  database: PortageDatabase;
  queue: JobQueue;
  connect(tenant: string): Promise<string>;
  /** A worker process whose `fake-platform` connector points at `platformUrl`. */
  spawnWorker(platformUrl: string): Promise<WorkerProcess>;
  /** Enqueues one sync job, waits for its run to finish and for pg-boss to complete the job. */
  runJob(data: SyncJobData, timeoutMs?: number): Promise<TimedRun>;
  close(): Promise<void>;
}

const workerScript = fileURLToPath(new URL('./sync-worker-process.ts', import.meta.url));

export async function startSyncWorld(): Promise<SyncWorld> {
  const suffix = randomBytes(4).toString('hex');
  const schema = `portage_bench_${suffix}`;
  const bossSchema = `pgboss_bench_${suffix}`;
  const key = randomBytes(32).toString('base64');
  const database = createDatabase({ connectionString: DATABASE_URL, schema });
  // Enqueue only: no maintenance or cron monitor in the benchmark's own process.
  const queue = createPgBossQueue({ connectionString: DATABASE_URL, schema: bossSchema, supervise: false });
  const workers = new Set<ChildProcess>();
  const dropSchemas = async () => {
    await database.pool.query(`drop schema if exists ${schema} cascade`);
    await database.pool.query(`drop schema if exists ${bossSchema} cascade`);
  };
  try {
    await migrateToLatest(database);
    await queue.start();
  } catch (error) {
    await dropSchemas().catch(() => undefined);
    await database.destroy();
    throw error;
  }
  const connections = createConnectionStore(database, createCredentialCipher(key));

  const runsOf = (connectionId: string) =>
    database.db.selectFrom('sync_runs').select(['id', 'status', 'started_at', 'finished_at', 'error']).where('connection_id', '=', connectionId).execute();

  return {
    database,
    queue,
    connect: async (tenant) => (await connections.create({ platform: 'fake-platform', tenant, credentials: { type: 'api_key', apiKey: `key_${randomBytes(8).toString('hex')}` } })).id,

    spawnWorker: async (platformUrl) => {
      // BENCH_WORKER_CPU_PROF=<dir>: the worker writes a V8 CPU profile there when it stops.
      const profile = process.env.BENCH_WORKER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_CPU_PROF}`] : [];
      const child = spawn(process.execPath, [...profile, '--import', 'tsx', '--conditions=@portage/source', workerScript], {
        env: { ...process.env, DATABASE_URL, PORTAGE_SCHEMA: schema, PORTAGE_BOSS_SCHEMA: bossSchema, PORTAGE_ENCRYPTION_KEY: key, FAKE_PLATFORM_URL: platformUrl },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      workers.add(child);
      child.on('exit', () => workers.delete(child));
      const lines = createInterface({ input: child.stdout! });
      await Promise.race([
        once(lines, 'line'),
        once(child, 'exit').then(() => {
          throw new Error('a worker process exited before it was ready');
        }),
      ]);
      const pid = child.pid!;
      return {
        pid,
        peakRss: () => procStatusBytes(pid, 'VmHWM'),
        rss: () => procStatusBytes(pid, 'VmRSS'),
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(timer);
        },
      };
    },

    runJob: async (data, timeoutMs = 300_000) => {
      const before = new Set((await runsOf(data.connectionId)).map((run) => run.id));
      const enqueuedAt = Date.now();
      await queue.send(SYNC_QUEUE, data, { singletonKey: syncJobKey(data) });
      const deadline = enqueuedAt + timeoutMs;
      for (;;) {
        const run = (await runsOf(data.connectionId)).find((row) => !before.has(row.id) && row.status !== 'running');
        if (run) {
          if (run.status !== 'succeeded' || !run.finished_at) throw new Error(`the ${data.kind} sync of ${data.entity} ended ${run.status}: ${JSON.stringify(run.error)}`);
          // The run is finished before pg-boss marks its job complete; the next job of the same
          // key would wait for that, so the world waits here instead, off the clock.
          while (await queue.pending(SYNC_QUEUE, syncJobKey(data))) await sleep(20);
          const counts = await database.db.selectFrom('sync_run_entities').select(['created', 'updated', 'unchanged', 'pages']).where('run_id', '=', run.id).executeTakeFirstOrThrow();
          return {
            runId: run.id,
            startedAt: run.started_at,
            seconds: (run.finished_at.getTime() - enqueuedAt) / 1000,
            runSeconds: (run.finished_at.getTime() - run.started_at.getTime()) / 1000,
            ...counts,
          };
        }
        if (Date.now() > deadline) throw new Error(`the ${data.kind} sync of ${data.entity} did not finish within ${timeoutMs / 1000} s`);
        await sleep(50);
      }
    },

    close: async () => {
      for (const child of workers) child.kill('SIGKILL');
      await queue.stop();
      await dropSchemas();
      await database.destroy();
    },
  };
}
