// An export worker as its own OS process, configured by environment variables, so a test can
// run several against one Postgres (the per-connection limit must hold across processes).
// Prints "ready" once it takes jobs; EXPORT_CONCURRENCY_BY_CONNECTION is a JSON map of
// connection id -> limit (others get the default, 5).
import { createFakePlatformConnector } from '@portage/connector-fake-platform';
import { createLogger } from '@portage/fetch';
import { createConnectionStore, createCredentialCipher, createDatabase } from '@portage/persist';
import { createExportWorker, createPgBossQueue, DEFAULT_EXPORT_CONCURRENCY } from '@portage/refresh';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`export-worker-process needs ${name}`);
  return value;
};

const connectionString = env('DATABASE_URL');
const limits = JSON.parse(process.env.EXPORT_CONCURRENCY_BY_CONNECTION ?? '{}') as Record<string, number>;
const database = createDatabase({ connectionString, schema: env('PORTAGE_SCHEMA') });
const queue = createPgBossQueue({ connectionString, schema: env('PORTAGE_BOSS_SCHEMA'), maintenanceIntervalSeconds: 1 });
const worker = createExportWorker({
  database,
  queue,
  connections: createConnectionStore(database, createCredentialCipher()),
  connectors: { 'fake-platform': createFakePlatformConnector(env('FAKE_PLATFORM_URL')) },
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 8),
  exportConcurrency: (connection) => limits[connection.id] ?? DEFAULT_EXPORT_CONCURRENCY,
  logger: createLogger({ level: process.env.LOG_LEVEL ?? 'warn', name: `export-worker-${process.pid}` }),
  queueOptions: { retryDelaySeconds: 1 },
  fetchOptions: { retry: { baseDelayMs: 50, minDelayMs: 50, maxDelayMs: 500 } },
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
