import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { contentHash, createConnectionStore, createCredentialCipher, createDatabase, createRecordReader, migrateToLatest, type PortageDatabase } from '@portage/persist';
import { createPgBossQueue, SYNC_QUEUE, syncJobKey, type JobQueue, type SyncJobData } from '@portage/refresh';
import { customers, payments } from '@portage/connector-fake-platform';
import { startFakePlatform, type FakePlatform, type FakePlatformOptions } from '@portage/fake-platform';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface E2e {
  database: PortageDatabase;
  /** The schema pg-boss keeps its tables in for this world. */
  bossSchema: string;
  platform: FakePlatform;
  queue: JobQueue;
  connections: ReturnType<typeof createConnectionStore>;
  /** A new connection to the fake platform. */
  connect(tenant?: string): Promise<string>;
  /** A worker process; `platformUrl` points it at another (e.g. failing) platform. */
  spawnWorker(env?: Record<string, string>): Promise<ChildProcess>;
  /** An export worker process (see export-worker-process.ts for its environment). */
  spawnExportWorker(env?: Record<string, string>): Promise<ChildProcess>;
  enqueue(data: SyncJobData): Promise<void>;
  /** Waits until the connection's runs for the entity reach `count` finished ones. */
  waitForRuns(connectionId: string, count: number, timeoutMs?: number): Promise<void>;
  /** ids and content hashes of what the platform holds now, mapped as the connector maps them. */
  expectedHashes(entity?: 'customers' | 'payments'): Map<string, string>;
  storedHashes(connectionId: string, entity?: 'customers' | 'payments'): Promise<Map<string, string>>;
  close(): Promise<void>;
}

const workerScript = fileURLToPath(new URL('./worker-process.ts', import.meta.url));
const exportWorkerScript = fileURLToPath(new URL('./export-worker-process.ts', import.meta.url));

/**
 * One isolated world per test file: its own Postgres schemas (store and pg-boss), a fake
 * platform on loopback, and worker processes started on demand.
 */
export async function startE2e(platformOptions: FakePlatformOptions): Promise<E2e> {
  const suffix = randomBytes(4).toString('hex');
  const schema = `portage_e2e_${suffix}`;
  const bossSchema = `pgboss_e2e_${suffix}`;
  const key = randomBytes(32).toString('base64');
  process.env.PORTAGE_ENCRYPTION_KEY = key;
  const database = createDatabase({ connectionString: DATABASE_URL, schema });
  await migrateToLatest(database);
  const connections = createConnectionStore(database, createCredentialCipher(key));
  const platform = await startFakePlatform(platformOptions);
  const queue = createPgBossQueue({ connectionString: DATABASE_URL, schema: bossSchema, supervise: false });
  await queue.start();
  const workers = new Set<ChildProcess>();
  const spawnScript = async (script: string, env: Record<string, string>): Promise<ChildProcess> => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@portage/source', script], {
      env: { ...process.env, DATABASE_URL, PORTAGE_SCHEMA: schema, PORTAGE_BOSS_SCHEMA: bossSchema, PORTAGE_ENCRYPTION_KEY: key, FAKE_PLATFORM_URL: platform.url, ...env },
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
    return child;
  };

  return {
    database,
    bossSchema,
    platform,
    queue,
    connections,
    connect: async (tenant = 'acme') => (await connections.create({ platform: 'fake-platform', tenant, credentials: { type: 'api_key', apiKey: `key_${randomBytes(8).toString('hex')}` } })).id,
    spawnWorker: (env = {}) => spawnScript(workerScript, env),
    spawnExportWorker: (env = {}) => spawnScript(exportWorkerScript, env),
    enqueue: async (data) => {
      await queue.send(SYNC_QUEUE, data, { singletonKey: syncJobKey(data) });
    },
    waitForRuns: async (connectionId, count, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const rows = await database.db.selectFrom('sync_runs').select(['status']).where('connection_id', '=', connectionId).where('status', '!=', 'running').execute();
        if (rows.length >= count) return;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} finished runs of ${connectionId} (have ${rows.length})`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    expectedHashes: (entity = 'customers') => {
      const map = entity === 'customers' ? customers.map : payments.map;
      return new Map(platform.snapshot().map((raw) => [raw.id, contentHash(map(raw))]));
    },
    storedHashes: (connectionId, entity = 'customers') => createRecordReader(database, connectionId).hashes(entity),
    close: async () => {
      for (const child of workers) child.kill('SIGKILL');
      await queue.stop();
      await platform.close();
      await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await database.db.schema.dropSchema(bossSchema).ifExists().cascade().execute();
      await database.destroy();
    },
  };
}
