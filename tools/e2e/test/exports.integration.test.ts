import { defineConnector, defineEntity, isPortageError, type Customer } from '@portage/core';
import { createFakePlatformConnector, customers } from '@portage/connector-fake-platform';
import { createLogger } from '@portage/fetch';
import { createConnectionStore, createCredentialCipher, createDatabase, getExportLink, linkExport, listExportLinks, readSyncedRecord, type PortageDatabase } from '@portage/persist';
import {
  createConnectionClients,
  createExportWorker,
  createPgBossQueue,
  DEFAULT_EXPORT_CONCURRENCY,
  enqueueExport,
  EXPORT_DEAD_LETTER_QUEUE,
  exportRecord,
  replayDeadExports,
  runSyncJob,
  type ExportContext,
  type ExportJobData,
  type ExportWorker,
  type ExportWorkerOptions,
  type JobQueue,
} from '@portage/refresh';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, startE2e, type E2e } from '../src/e2e-harness.js';
import { until } from '../src/wait.js';

// Real Postgres, real pg-boss, the real fake platform on loopback; export workers in this
// process (one per test that needs one) and, for the concurrency limit, in two OS processes.
let e2e: E2e;
const logger = createLogger({ level: 'silent' });
// Short timeouts so a dropped answer times out fast; a keyed POST is retried once by the client.
const fetchOptions = { timeoutMs: 400, retry: { maxAttempts: 2, baseDelayMs: 20, minDelayMs: 20, maxDelayMs: 50 } };

beforeAll(async () => {
  e2e = await startE2e({ records: 20 });
});
afterAll(async () => e2e.close());
afterEach(() => {
  e2e.platform.setWriteFaults({ delayMs: 0, dropResponses: 0, idempotency: true });
  e2e.platform.resetWriteStats();
});

function inlineContext(options: { idempotency?: boolean; maxAttempts?: number } = {}): { context: ExportContext; close(): Promise<void> } {
  const clients = createConnectionClients({
    database: e2e.database,
    connections: e2e.connections,
    logger,
    fetchOptions: { ...fetchOptions, retry: { ...fetchOptions.retry, maxAttempts: options.maxAttempts ?? 2 } },
  });
  const connector = createFakePlatformConnector(e2e.platform.url, { idempotency: options.idempotency ?? true });
  const context: ExportContext = { database: e2e.database, connectors: { 'fake-platform': connector }, getConnection: (id) => e2e.connections.get(id), clientFor: clients.clientFor, logger };
  return { context, close: () => clients.closeAll() };
}

const newCustomer = (n: string): Customer => ({ id: `crm-${n}`, firstName: 'Ada', lastName: n, email: `export-${n}@example.test`, status: 'active' });
const onPlatform = (email: string) => e2e.platform.snapshot().filter((record) => record.email === email);
const errorOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

describe('an export retried after a timeout (the platform committed, its answer was lost) creates the record exactly once', () => {
  it('with idempotency keys: the client retries with the same key and gets the first answer', async () => {
    const connectionId = await e2e.connect();
    const { context, close } = inlineContext();
    e2e.platform.setWriteFaults({ dropResponses: 1 });
    const result = await exportRecord(context, { connectionId, entity: 'customers', localKey: 'crm-k1', record: newCustomer('k1') });
    await close();
    expect(result).toMatchObject({ status: 'created', recovered: true });
    expect(onPlatform('export-k1@example.test')).toHaveLength(1);
    expect(onPlatform('export-k1@example.test')[0]!.id).toBe(result.externalId);
    expect(e2e.platform.writeStats()).toMatchObject({ created: 1, dropped: 1, replayed: 1 });
  });

  it('with idempotency keys, across job retries: the retried job resends the stored key and body', async () => {
    const connectionId = await e2e.connect();
    // One attempt per job: the dropped answer fails the job, and pg-boss retries it.
    const worker = await startInProcessWorker({ maxAttempts: 1 });
    e2e.platform.setWriteFaults({ dropResponses: 1 });
    await worker.enqueue({ connectionId, entity: 'customers', localKey: 'crm-k2', record: newCustomer('k2') });
    await until('the export link to be created', async () => (await getExportLink(e2e.database.db, { connectionId, entity: 'customers', localKey: 'crm-k2' }))?.state === 'created', 30_000);
    await stopInProcessWorker();
    expect(onPlatform('export-k2@example.test')).toHaveLength(1);
    expect(e2e.platform.writeStats()).toMatchObject({ created: 1, dropped: 1, replayed: 1 });
  }, 40_000);

  it('without idempotency keys: the retry looks the record up and links it instead of creating again', async () => {
    const connectionId = await e2e.connect();
    e2e.platform.setWriteFaults({ idempotency: false, dropResponses: 1 });
    const { context, close } = inlineContext({ idempotency: false });
    const input = { connectionId, entity: 'customers', localKey: 'crm-n1', record: newCustomer('n1') };
    // No key: the client must not repeat a POST that may have landed, so the timeout surfaces.
    expect(await errorOf(exportRecord(context, input))).toMatchObject({ code: 'TIMEOUT' });
    expect((await getExportLink(e2e.database.db, input))?.createSentAt).toBeInstanceOf(Date);
    const retried = await exportRecord(context, input);
    await close();
    expect(retried).toMatchObject({ status: 'created', recovered: true });
    expect(onPlatform('export-n1@example.test')).toHaveLength(1);
    expect(onPlatform('export-n1@example.test')[0]!.id).toBe(retried.externalId);
    expect(e2e.platform.writeStats()).toMatchObject({ created: 1, dropped: 1 });
  });
});

describe('a lost create on a platform with neither idempotency keys nor a lookup', () => {
  it('is not repeated blindly: the retry stops for a person, who links the record', async () => {
    const connectionId = await e2e.connect();
    e2e.platform.setWriteFaults({ idempotency: false, dropResponses: 1 });
    const { context, close } = inlineContext({ idempotency: false });
    const base = context.connectors['fake-platform']!;
    const { lookup: _lookup, ...withoutLookup } = base.entities.customers!.export!;
    const connector = defineConnector({ ...base, entities: { ...base.entities, customers: defineEntity({ ...base.entities.customers!, export: withoutLookup }) } });
    const blind: ExportContext = { ...context, connectors: { 'fake-platform': connector } };
    const input = { connectionId, entity: 'customers', localKey: 'crm-b1', record: newCustomer('b1') };
    expect(await errorOf(exportRecord(blind, input))).toMatchObject({ code: 'TIMEOUT' });
    expect(await errorOf(exportRecord(blind, input))).toMatchObject({ code: 'UNKNOWN', action: 'alert_customer' });
    expect(await errorOf(exportRecord(blind, input))).toMatchObject({ code: 'UNKNOWN' });
    const [landed] = onPlatform('export-b1@example.test');
    expect(landed).toBeDefined();
    await linkExport(e2e.database.db, input, landed!.id);
    // Nothing synced or written is known about it, so only a forced write goes over it.
    expect(await exportRecord(blind, { ...input, force: true })).toMatchObject({ status: 'updated', externalId: landed!.id });
    await close();
    expect(onPlatform('export-b1@example.test')).toHaveLength(1);
  });
});

describe('exports of one record racing each other', () => {
  it('create one platform record between them, on a platform without idempotency keys', async () => {
    const connectionId = await e2e.connect();
    e2e.platform.setWriteFaults({ idempotency: false, delayMs: 50 });
    const { context, close } = inlineContext({ idempotency: false });
    const key = { connectionId, entity: 'customers', localKey: 'crm-race' };
    // Different content, so not even an idempotency key could tell them apart.
    const results = await Promise.all([
      exportRecord(context, { ...key, record: { ...newCustomer('race'), lastName: 'One' } }),
      exportRecord(context, { ...key, record: { ...newCustomer('race'), lastName: 'Two' } }),
    ]);
    await close();
    expect(results.map((result) => result.status).sort()).toEqual(['created', 'updated']);
    expect(onPlatform('export-race@example.test')).toHaveLength(1);
    expect(e2e.platform.writeStats()).toMatchObject({ created: 1, updated: 1 });
  });
});

describe('an export over a record changed on the platform since the last sync', () => {
  it('is refused with a conflict carrying both times, and leaves the platform record as it was', async () => {
    const connectionId = await e2e.connect();
    const { context, close } = inlineContext();
    await runSyncJob(context, { connectionId, entity: 'customers', kind: 'full' });
    const externalId = 'rec_0000005';
    const key = { connectionId, entity: 'customers', localKey: 'crm-5' };
    const synced = customers.map(e2e.platform.snapshot().find((record) => record.id === externalId)!) as Customer;

    // Unchanged on the platform since the sync: the update goes through.
    const first = await exportRecord(context, { ...key, externalId, record: { ...synced, lastName: 'First' } });
    expect(first).toMatchObject({ status: 'updated', externalId });
    expect(e2e.platform.snapshot().find((record) => record.id === externalId)!.name).toBe('Customer First');
    // The same content again: nothing to write, no request.
    const before = e2e.platform.requestCount();
    expect(await exportRecord(context, { ...key, record: { ...synced, lastName: 'First' } })).toMatchObject({ status: 'unchanged' });
    expect(e2e.platform.requestCount()).toBe(before);

    // Someone changes it on the platform; Portage has not synced since.
    const [changed] = e2e.platform.update([externalId]);
    const error = await errorOf(exportRecord(context, { ...key, record: { ...synced, lastName: 'Second' } }));
    expect(isPortageError(error) && error.code).toBe('CONFLICT');
    const conflictContext = (error as { context: Record<string, unknown> }).context;
    expect(conflictContext).toMatchObject({ recordId: externalId, platformUpdatedAt: changed!.updated_at, exportConflict: 'changed_since_sync' });
    expect(new Date(conflictContext.lastSyncedUpdatedAt as string).getTime()).toBeLessThan(new Date(changed!.updated_at).getTime());
    expect(e2e.platform.snapshot().find((record) => record.id === externalId)).toEqual(changed);
    const conflicts = await listExportLinks(e2e.database.db, { connectionId, states: ['conflict'] });
    expect(conflicts.map((link) => link.localKey)).toEqual(['crm-5']);
    expect(conflicts[0]!.lastError).toMatchObject({ code: 'CONFLICT', platformUpdatedAt: changed!.updated_at });

    // Resolved by resyncing first: the platform's version is stored, then the export is written.
    const resolved = await exportRecord(context, { ...key, record: { ...synced, lastName: 'Second' }, resyncFirst: true });
    await close();
    expect(resolved).toMatchObject({ status: 'updated', externalId });
    expect((await readSyncedRecord(e2e.database.db, { connectionId, entity: 'customers', externalId }))?.remoteUpdatedAt?.toISOString()).toBe(changed!.updated_at);
    expect(e2e.platform.snapshot().find((record) => record.id === externalId)).toMatchObject({ name: 'Customer Second', amount: changed!.amount });
  });
});

describe('the export queue', () => {
  it('replays a dead-lettered export, which still creates the record exactly once', async () => {
    const connectionId = await e2e.connect();
    // Every answer is lost: both job attempts (two client attempts each) time out, all with one key.
    e2e.platform.setWriteFaults({ dropResponses: 4 });
    const worker = await startInProcessWorker({ maxAttempts: 2, retryLimit: 1 });
    await worker.enqueue({ connectionId, entity: 'customers', localKey: 'crm-d1', record: newCustomer('d1') });
    await until('the export to be dead-lettered', async () => (await queue!.list<ExportJobData>(EXPORT_DEAD_LETTER_QUEUE, 10)).length === 1, 30_000);
    expect((await getExportLink(e2e.database.db, { connectionId, entity: 'customers', localKey: 'crm-d1' }))?.state).toBe('failed');
    // The first attempt's create did land, though nobody heard back.
    expect(onPlatform('export-d1@example.test')).toHaveLength(1);

    const [replayed] = await replayDeadExports(queue!, { all: true });
    expect(replayed?.data.localKey).toBe('crm-d1');
    await until('the replayed export to link its record', async () => (await getExportLink(e2e.database.db, { connectionId, entity: 'customers', localKey: 'crm-d1' }))?.state === 'created', 30_000);
    await stopInProcessWorker();
    expect(await e2e.queue.list(EXPORT_DEAD_LETTER_QUEUE, 10)).toEqual([]);
    expect(onPlatform('export-d1@example.test')).toHaveLength(1);
    expect(e2e.platform.writeStats()).toMatchObject({ created: 1, dropped: 4 });
  }, 60_000);

  it('never has more than the connection limit of export requests in flight, across two worker processes', async () => {
    const wide = await e2e.connect();
    const narrow = await e2e.connect();
    const limits: Record<string, number> = { [narrow]: 2 };
    // Two processes: a worker process, and this one with a worker on its own pool and pg-boss.
    // Each would send 8 at once (its fetch client caps a connection at 5); together 16 (10).
    const child = await e2e.spawnExportWorker({ EXPORT_CONCURRENCY_BY_CONNECTION: JSON.stringify(limits), WORKER_CONCURRENCY: '8' });
    const ownDatabase = createDatabase({ connectionString: DATABASE_URL, schema: e2e.database.schema });
    await startInProcessWorker({ maxAttempts: 2, database: ownDatabase, concurrency: 8, exportConcurrency: (connection) => limits[connection.id] ?? DEFAULT_EXPORT_CONCURRENCY });
    e2e.platform.setWriteFaults({ delayMs: 100 });
    const queueRound = async (connectionId: string, prefix: string) => {
      e2e.platform.resetWriteStats();
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => enqueueExport(e2e.queue, e2e.database, { connectionId, entity: 'customers', localKey: `${prefix}-${i}`, record: newCustomer(`${prefix}-${i}`) })),
      );
      await until(`40 exports of ${prefix} to be created`, async () => (await listExportLinks(e2e.database.db, { connectionId, states: ['created'], limit: 100 })).length === 40, 60_000);
      return e2e.platform.writeStats();
    };

    const defaults = await queueRound(wide, 'wide');
    expect(defaults.created).toBe(40);
    expect(defaults.maxInFlight).toBeLessThanOrEqual(5);
    // The limit, not a lack of load, is what held it down.
    expect(defaults.maxInFlight).toBeGreaterThanOrEqual(3);

    const configured = await queueRound(narrow, 'narrow');
    expect(configured.created).toBe(40);
    expect(configured.maxInFlight).toBe(2);
    child.kill('SIGTERM');
    await stopInProcessWorker();
    await ownDatabase.destroy();
  }, 120_000);
});

// An export worker in this process, on a pg-boss instance of its own.
let queue: JobQueue | undefined;
let inProcess: ExportWorker | undefined;
async function startInProcessWorker(
  options: { maxAttempts: number; retryLimit?: number; database?: PortageDatabase } & Pick<ExportWorkerOptions, 'concurrency' | 'exportConcurrency'>,
): Promise<ExportWorker> {
  queue = createPgBossQueue({ connectionString: DATABASE_URL, schema: e2e.bossSchema, maintenanceIntervalSeconds: 1 });
  await queue.start();
  const database = options.database ?? e2e.database;
  inProcess = createExportWorker({
    database,
    queue,
    connections: options.database ? createConnectionStore(database, createCredentialCipher()) : e2e.connections,
    connectors: { 'fake-platform': createFakePlatformConnector(e2e.platform.url) },
    concurrency: options.concurrency ?? 2,
    ...(options.exportConcurrency !== undefined && { exportConcurrency: options.exportConcurrency }),
    logger,
    queueOptions: { retryLimit: options.retryLimit ?? 3, retryDelaySeconds: 1, retryBackoff: false },
    fetchOptions: { ...fetchOptions, retry: { ...fetchOptions.retry, maxAttempts: options.maxAttempts } },
  });
  await inProcess.start();
  return inProcess;
}
async function stopInProcessWorker(): Promise<void> {
  await inProcess?.stop();
  inProcess = undefined;
}
