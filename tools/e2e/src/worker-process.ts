// A sync worker as its own OS process, configured by environment variables, so tests can run
// several and kill them with SIGKILL. Prints "ready" once it takes jobs.
import { createFakePlatformConnector } from '@portage/connector-fake-platform';
import { createLogger } from '@portage/fetch';
import { createConnectionStore, createCredentialCipher, createDatabase } from '@portage/persist';
import { createPgBossQueue, createSyncWorker } from '@portage/refresh';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`worker-process needs ${name}`);
  return value;
};

const connectionString = env('DATABASE_URL');
const database = createDatabase({ connectionString, schema: env('PORTAGE_SCHEMA') });
const queue = createPgBossQueue({ connectionString, schema: env('PORTAGE_BOSS_SCHEMA'), maintenanceIntervalSeconds: 1 });
const worker = createSyncWorker({
  database,
  queue,
  connections: createConnectionStore(database, createCredentialCipher()),
  connectors: { 'fake-platform': createFakePlatformConnector(env('FAKE_PLATFORM_URL')) },
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 2),
  logger: createLogger({ level: process.env.LOG_LEVEL ?? 'warn', name: `worker-${process.pid}` }),
  queueOptions: { expireInSeconds: Number(process.env.JOB_EXPIRE_SECONDS ?? 3600), retryDelaySeconds: 1 },
  fetchOptions: { retry: { baseDelayMs: 50, minDelayMs: 50, maxDelayMs: 500, maxRetryAfterMs: Number(process.env.FETCH_MAX_RETRY_AFTER_MS ?? 60_000) } },
});
await queue.start();
await worker.start();
process.stdout.write('ready\n');
const shutdown = async () => {
  await worker.stop();
  await database.destroy();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
