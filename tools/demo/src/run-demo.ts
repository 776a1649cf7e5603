import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPortageError } from '@portage/core';
import { createFakePlatformConnector } from '@portage/connector-fake-platform';
import { startFakePlatform, type FakePlatform } from '@portage/fake-platform';
import { createLogger } from '@portage/fetch';
import {
  createConnectionStore,
  createCredentialCipher,
  createEmbeddedDatabase,
  createRecordReader,
  IN_MEMORY,
  listRuns,
  loadCheckpoint,
  migrateToLatest,
  type EmbeddedDatabase,
  type SyncRun,
} from '@portage/persist';
import { createPgBossQueue, createSyncWorker, MARKS_WINDOW, SYNC_QUEUE, syncJobKey, type SyncJobData, type SyncMarks } from '@portage/refresh';
import { formatStatusTable, statusRows, type StatusRow } from './status-table.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The repository's `.portage/demo`, whatever the working directory. */
export const DEMO_DATA_DIR = join(REPO_ROOT, '.portage', 'demo');

const ENTITIES = ['customers', 'payments'] as const;
const PGBOSS_SCHEMA = 'pgboss';
/** How long one step may take before the demo gives up on it. */
const STEP_TIMEOUT_MS = 60_000;

export interface DemoOptions {
  /** Records the fake platform starts with; default 5,000. */
  records?: number;
  /** Store directory; default `.portage/demo` in the repository, reset on every run. `'memory://'` keeps it in memory. */
  dataDir?: string;
  /** Where the demo's lines go; default `console.log`. */
  print?: (line: string) => void;
  /** Worker and fetch-client log level (logs go to stderr); default `warn`. */
  logLevel?: string;
  /** 32 random bytes in base64; default PORTAGE_ENCRYPTION_KEY, else a throwaway key. */
  encryptionKey?: string;
}

/** What the demo did to the platform between the first and second sync. */
export interface DemoMutations {
  updated: string[];
  removed: string[];
  inserted: string[];
}

export interface DemoResult {
  rows: StatusRow[];
  mutations: DemoMutations;
  /** Live records per entity in the store at the end, and on the platform. */
  stored: Record<string, number>;
  platformRecords: number;
  elapsedMs: number;
}

/**
 * The README's main job: a real sync of the fake-platform connector into the embedded store,
 * with no database server. Starts the fake platform, opens the embedded store (PGlite), runs
 * the sync worker on pg-boss inside that same store, and syncs both entities three times:
 * a full pass, an incremental read after the platform changed (updates and inserts), and a
 * full resync (which sweeps the deletions). Prints the runs as the store recorded them.
 *
 * @example const { rows } = await runDemo({ dataDir: 'memory://', records: 1_000, print: () => {} });
 */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const started = performance.now();
  const print = options.print ?? ((line: string) => console.log(line));
  const records = options.records ?? 5_000;
  const logger = createLogger({ name: 'portage-demo', level: options.logLevel ?? 'warn', destination: process.stderr });

  const platform = await startFakePlatform({ records, pageSize: 500 });
  let database: EmbeddedDatabase | undefined;
  try {
    print(`fake platform: ${records} records at ${platform.url}`);
    const opening = performance.now();
    database = await openFreshStore(options.dataDir ?? DEMO_DATA_DIR);
    await migrateToLatest(database);
    print(`store: embedded Postgres (PGlite) in ${describeDir(database.dataDir)}, no server; opened and migrated in ${seconds(performance.now() - opening)}`);

    let key = options.encryptionKey ?? process.env.PORTAGE_ENCRYPTION_KEY;
    if (!key) {
      key = randomBytes(32).toString('base64');
      print('PORTAGE_ENCRYPTION_KEY is not set: credentials are encrypted with a throwaway key for this run only');
    }
    const connections = createConnectionStore(database, createCredentialCipher(key));
    const connection = await connections.create({ platform: 'fake-platform', tenant: 'demo', credentials: { type: 'api_key', apiKey: 'demo-key' } });
    print(`connection ${connection.id} (fake-platform, tenant demo)`);

    const queue = createPgBossQueue({
      // Unused: pg-boss runs its SQL on the embedded store through `db`.
      db: { executeSql: database.executeSql },
      schema: PGBOSS_SCHEMA,
      supervise: false,
    });
    const connector = createFakePlatformConnector(platform.url);
    const worker = createSyncWorker({
      database,
      queue,
      connections,
      connectors: { [connector.name]: connector },
      concurrency: ENTITIES.length,
      logger,
      // A failure shows up in the table within seconds instead of after minutes of backoff.
      queueOptions: { retryLimit: 1, retryDelaySeconds: 1, retryBackoff: false },
    });

    const stepOf = new Map<string, string>();
    const db = database.db;
    const step = async (name: string, kind: SyncJobData['kind'], since?: (entity: string) => Promise<string>) => {
      const stepStarted = performance.now();
      const before = new Set((await listRuns(db, connection.id, 1000)).map((run) => run.id));
      const jobs: SyncJobData[] = [];
      for (const entity of ENTITIES) jobs.push({ connectionId: connection.id, entity, kind, ...(since ? { since: await since(entity) } : {}) });
      for (const job of jobs) {
        if ((await worker.enqueue(job)) === null) {
          throw new Error(`a ${job.entity} sync was already queued for this connection: the demo waits for each step, so this should not happen`);
        }
      }
      await waitFor(async () => {
        for (const job of jobs) if (await queue.pending(SYNC_QUEUE, syncJobKey(job))) return false;
        return true;
      }, `step "${name}" did not finish within ${STEP_TIMEOUT_MS / 1000} s`);
      for (const run of await listRuns(db, connection.id, 1000)) if (!before.has(run.id)) stepOf.set(run.id, name);
      print(`${name}: ${jobs.map((job) => job.entity).join(' and ')} synced in ${seconds(performance.now() - stepStarted)}`);
    };

    let mutations: DemoMutations | undefined;
    let failure: unknown;
    try {
      await queue.start();
      await worker.start();
      await step('1 full', 'full');

      mutations = mutate(platform);
      print(`platform changes: ~${mutations.updated.length} updated, -${mutations.removed.length} removed, +${mutations.inserted.length} inserted`);

      // Where the planner would start: the previous pass's start, kept in the entity's marks.
      await step('2 incremental', 'incremental', async (entity) => {
        const marks = (await loadCheckpoint(db, { connectionId: connection.id, entity, windowKey: MARKS_WINDOW }))?.state as SyncMarks | undefined;
        if (!marks?.lastIncrementalAt) throw new Error(`no completed pass of ${entity} to read changes since: the full sync did not finish`);
        return marks.lastIncrementalAt;
      });
      await step('3 full resync', 'full');
    } catch (error) {
      // Reported after the table, which shows how far the runs got.
      failure = error;
    } finally {
      await worker.stop();
    }

    const runs = await listRuns(db, connection.id, 1000);
    const rows = statusRows(runs, (run: SyncRun) => stepOf.get(run.id) ?? '?');
    print('');
    print('sync status, as the store recorded it:');
    for (const line of formatStatusTable(rows)) print(`  ${line}`);
    for (const entity of ENTITIES) {
      const feed = (connector.entities as Record<string, { deletions?: unknown }>)[entity]?.deletions !== undefined;
      print(
        feed
          ? `  ${entity}: removals arrive through the platform's deletions feed, so the incremental read applies them`
          : `  ${entity}: no deletions feed, so removals are found by the full resync's sweep`,
      );
    }

    if (failure !== undefined || mutations === undefined) throw failure;

    const reader = createRecordReader(database, connection.id);
    const stored: Record<string, number> = {};
    for (const entity of ENTITIES) stored[entity] = await reader.count(entity);
    const platformRecords = platform.records.length;
    const matches = ENTITIES.every((entity) => stored[entity] === platformRecords);
    print('');
    print(
      `live records in the store: ${ENTITIES.map((entity) => `${entity} ${stored[entity]}`).join(', ')}; on the platform: ${platformRecords}` +
        (matches ? ' (in step)' : ' (NOT in step)'),
    );
    const elapsedMs = performance.now() - started;
    print(`done in ${seconds(elapsedMs)}`);
    return { rows, mutations, stored, platformRecords, elapsedMs };
  } finally {
    await database?.destroy();
    await platform.close();
  }
}

/**
 * Opens the store with nothing in it. An existing directory is reused when it opens (its lock
 * then keeps a second demo out) and emptied by dropping the schemas, which is much faster
 * than a fresh PGlite cluster; one that does not open (damaged, another version) is deleted.
 */
async function openFreshStore(dataDir: string): Promise<EmbeddedDatabase> {
  let database: EmbeddedDatabase;
  try {
    database = await createEmbeddedDatabase({ dataDir });
  } catch (error) {
    const lockedByAnother = isPortageError(error) && error.context.lockFile !== undefined;
    if (lockedByAnother || dataDir === IN_MEMORY) throw error;
    await rm(dataDir, { recursive: true, force: true });
    database = await createEmbeddedDatabase({ dataDir });
  }
  try {
    await database.executeSql(`drop schema if exists ${database.schema} cascade; drop schema if exists ${PGBOSS_SCHEMA} cascade;`);
  } catch (error) {
    await database.destroy();
    throw error;
  }
  return database;
}

/**
 * Updates 50 records, removes 20 others (never one just updated, so each change is counted
 * once) and inserts 10.
 */
function mutate(platform: FakePlatform): DemoMutations {
  const updated = platform.update(50).map((record) => record.id);
  const changed = new Set(updated);
  const candidates = platform.records.filter((record) => !changed.has(record.id));
  const stride = Math.max(1, Math.floor(candidates.length / 20));
  const chosen = candidates.filter((_, index) => index % stride === stride - 1).slice(0, 20);
  const removed = platform.remove(chosen.map((record) => record.id));
  const inserted = platform.insert(10).map((record) => record.id);
  return { updated, removed, inserted };
}

async function waitFor(done: () => Promise<boolean>, timeoutMessage: string): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(timeoutMessage);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function describeDir(dataDir: string): string {
  if (dataDir === IN_MEMORY) return 'memory';
  const fromRoot = relative(REPO_ROOT, dataDir);
  return fromRoot.startsWith('..') || isAbsolute(fromRoot) ? dataDir : fromRoot;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
