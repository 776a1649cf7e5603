// The sync benchmark's worker: a Portage sync worker in its own OS process (as in production),
// so its peak RSS is its own and not the benchmark's. Configured by environment variables;
// prints "ready" once it takes jobs, stops on SIGTERM.
import { createFakePlatformConnector } from '@portage/connector-fake-platform';
import { createLogger } from '@portage/fetch';
import { createConnectionStore, createCredentialCipher, createDatabase } from '@portage/persist';
import { createPgBossQueue, createSyncWorker } from '@portage/refresh';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`sync-worker-process needs ${name}`);
  return value;
};

const connectionString = env('DATABASE_URL');
const database = createDatabase({ connectionString, schema: env('PORTAGE_SCHEMA') });
const queue = createPgBossQueue({ connectionString, schema: env('PORTAGE_BOSS_SCHEMA') });
const worker = createSyncWorker({
  database,
  queue,
  connections: createConnectionStore(database, createCredentialCipher()),
  connectors: { 'fake-platform': createFakePlatformConnector(env('FAKE_PLATFORM_URL')) },
  // Info level as in production (the fetch client logs every response); lines go to /dev/null.
  logger: createLogger({ level: process.env.LOG_LEVEL ?? 'info', destination: '/dev/null', name: `bench-worker-${process.pid}` }),
});
await queue.start();
await worker.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void (async () => {
    await worker.stop();
    await database.destroy();
    process.exit(0);
  })();
});
