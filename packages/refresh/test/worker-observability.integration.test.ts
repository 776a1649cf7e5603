import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineConnector, defineEntity } from '@portage/core';
import { createLogger } from '@portage/fetch';
import { createConnectionStore, createCredentialCipher, createDatabase, migrateToLatest, type PortageDatabase, type RunError } from '@portage/persist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgBossQueue, createSyncWorker, createWorkerMetrics, listDeadLetters, serveMetrics, type JobQueue, type SyncWorker, type WorkerMetrics } from '../src/index.js';
import { parseExposition, valueOf } from './parse-exposition.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const suffix = randomBytes(4).toString('hex');
const schema = `portage_obs_${suffix}`;
const queueSchema = `portage_obs_boss_${suffix}`;
const CUSTOMERS = Array.from({ length: 7 }, (_, n) => ({ id: `c${n}`, name: `Customer ${n}` }));
const BROKEN_TRACKING_ID = 'req-503-7f3e9a';

// A platform on loopback: customers answer, invoices fail with 503 and the platform's own message
// and request id, products answer 429 once (Retry-After: 1) before answering.
let throttled = 0;
function platform(path: string): { status: number; headers: Record<string, string>; body: unknown } {
  if (path.startsWith('/customers')) return { status: 200, headers: { 'x-request-id': 'req-customers' }, body: { data: CUSTOMERS } };
  if (path.startsWith('/invoices')) return { status: 503, headers: { 'x-request-id': BROKEN_TRACKING_ID }, body: { error: { message: 'Service temporarily unavailable' } } };
  if (path.startsWith('/products')) {
    throttled += 1;
    if (throttled === 1) return { status: 429, headers: { 'retry-after': '1', 'x-request-id': 'req-throttled' }, body: { error: { message: 'slow down' } } };
    return { status: 200, headers: { 'x-request-id': 'req-products' }, body: { data: [{ id: 'p1', name: 'Tent' }] } };
  }
  return { status: 404, headers: {}, body: {} };
}

const list = { recordsPath: 'data', pagination: { type: 'none' as const }, primaryKey: 'id' };
const connector = defineConnector({
  name: 'obs-shop',
  baseUrl: 'http://127.0.0.1',
  auth: { type: 'none' },
  entities: {
    customers: defineEntity<{ id: string; name: string }, 'Customer'>({ unified: 'Customer', request: { path: '/customers' }, ...list, map: (raw) => ({ id: raw.id, firstName: raw.name }) }),
    invoices: defineEntity<{ id: string }, 'Invoice'>({ unified: 'Invoice', request: { path: '/invoices' }, ...list, map: (raw) => ({ id: raw.id }) as never }),
    products: defineEntity<{ id: string; name: string }, 'Product'>({ unified: 'Product', request: { path: '/products' }, ...list, map: (raw) => ({ id: raw.id, title: raw.name, status: 'active' }) }),
  },
});

let server: Server;
let database: PortageDatabase;
let queue: JobQueue;
let worker: SyncWorker;
let metrics: WorkerMetrics;
let connectionId: string;
const logLines: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = platform(req.url ?? '');
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = createDatabase({ connectionString: DATABASE_URL, schema });
  await migrateToLatest(database);
  const connections = createConnectionStore(database, createCredentialCipher(randomBytes(32).toString('base64')));
  connectionId = (await connections.create({ platform: 'obs-shop', tenant: 't', credentials: { type: 'none' } })).id;
  queue = createPgBossQueue({ connectionString: DATABASE_URL, schema: queueSchema, supervise: false });
  await queue.start();
  metrics = createWorkerMetrics();
  worker = createSyncWorker({
    database,
    queue,
    connections,
    connectors: { 'obs-shop': { ...connector, baseUrl: url } },
    concurrency: 3,
    logger: createLogger({ level: 'debug', destination: { write: (line: string) => void logLines.push(line) } }),
    // One attempt per job and two per request: the 503 reaches the dead-letter queue at once.
    queueOptions: { retryLimit: 0, retryDelaySeconds: 0, retryBackoff: false },
    fetchOptions: { retry: { maxAttempts: 2, baseDelayMs: 10, minDelayMs: 10 } },
    metrics,
  });
  await worker.start();
}, 30_000);

afterAll(async () => {
  await worker?.stop();
  for (const name of [schema, queueSchema]) await database?.db.schema.dropSchema(name).ifExists().cascade().execute();
  await database?.destroy();
  await new Promise((resolve) => server?.close(resolve));
});

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const runsFinished = async () => {
  const runs = await database.db.selectFrom('sync_runs').select('status').where('status', '!=', 'running').execute();
  return runs.length === 3;
};

interface LogLine {
  msg: string;
  runId?: string;
  jobId?: string;
  trackingId?: string;
  [key: string]: unknown;
}

describe('a worker observed: run errors, metrics and logs', () => {
  it('three jobs: two succeed (one after waiting out a 429), one is dead-lettered', async () => {
    for (const entity of ['customers', 'invoices', 'products']) await worker.enqueue({ connectionId, entity, kind: 'full' });
    await until(runsFinished, 'three finished runs');
    await until(async () => (await listDeadLetters(queue, 10)).length === 1, 'the dead letter');
    const [dead] = await listDeadLetters(queue, 10);
    expect(dead!.data).toMatchObject({ connectionId, entity: 'invoices' });
  });

  it('the failed run records the platform tracking id, message and status', async () => {
    const row = await database.db
      .selectFrom('sync_run_entities')
      .innerJoin('sync_runs', 'sync_runs.id', 'sync_run_entities.run_id')
      .select(['sync_run_entities.errors', 'sync_runs.error', 'sync_runs.status'])
      .where('sync_run_entities.entity', '=', 'invoices')
      .executeTakeFirstOrThrow();
    const want: Partial<RunError> = { code: 'UPSTREAM_UNAVAILABLE', action: 'retry', trackingId: BROKEN_TRACKING_ID, platformMessage: 'Service temporarily unavailable', status: 503 };
    expect(row.status).toBe('failed');
    expect(row.errors).toEqual([expect.objectContaining(want)]);
    expect(row.error).toEqual(row.errors[0]);
  });

  it('the metrics count jobs by outcome, records by entity, errors by code and the rate-limit wait', async () => {
    const { samples } = parseExposition(await metrics.text());
    expect(valueOf(samples, 'portage_sync_jobs_total', { queue: 'portage-sync', outcome: 'succeeded' })).toBe(2);
    expect(valueOf(samples, 'portage_sync_jobs_total', { queue: 'portage-sync', outcome: 'dead_lettered' })).toBe(1);
    expect(valueOf(samples, 'portage_sync_jobs_active', { queue: 'portage-sync' })).toBe(0);
    expect(valueOf(samples, 'portage_records_total', { entity: 'customers', change: 'created' })).toBe(CUSTOMERS.length);
    expect(valueOf(samples, 'portage_records_total', { entity: 'products', change: 'created' })).toBe(1);
    expect(valueOf(samples, 'portage_sync_errors_total', { code: 'UPSTREAM_UNAVAILABLE' })).toBe(1);
    expect(valueOf(samples, 'portage_rate_limit_wait_seconds_count', { reason: 'retry_after' })).toBe(1);
    expect(valueOf(samples, 'portage_rate_limit_wait_seconds_sum', { reason: 'retry_after' })).toBeGreaterThanOrEqual(1);

    const served = await serveMetrics(metrics, { port: 0 });
    try {
      const response = await fetch(`${served.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(metrics.contentType);
      expect(valueOf(parseExposition(await response.text()).samples, 'portage_sync_errors_total', { code: 'UPSTREAM_UNAVAILABLE' })).toBe(1);
      expect((await fetch(`${served.url}/other`)).status).toBe(404);
    } finally {
      await served.close();
    }
  });

  it("log lines join: the worker's and the fetch client's lines of one job share its runId, and the failure's its trackingId", async () => {
    const lines = logLines.map((line) => JSON.parse(line) as LogLine);
    const failed = lines.find((line) => line.msg === 'sync job failed')!;
    expect(failed).toMatchObject({ trackingId: BROKEN_TRACKING_ID, code: 'UPSTREAM_UNAVAILABLE', runId: expect.any(String), jobId: expect.any(String) });
    // The fetch client's lines of that request: same run, same job, same tracking id.
    const fetchLines = lines.filter((line) => line.trackingId === BROKEN_TRACKING_ID && line !== failed);
    expect(fetchLines.map((line) => line.msg).sort()).toEqual(['http response', 'http response', 'request failed', 'retrying request']);
    for (const line of fetchLines) expect(line).toMatchObject({ runId: failed.runId, jobId: failed.jobId, connectionId });
    // The run's own lines carry it too, and the successful jobs' lines their own runs.
    expect(lines.find((line) => line.msg === 'starting sync' && line.entity === 'invoices')).toMatchObject({ runId: failed.runId, jobId: failed.jobId });
    const customersResponse = lines.find((line) => line.msg === 'http response' && line.trackingId === 'req-customers')!;
    const customersRun = await database.db.selectFrom('sync_run_entities').select('run_id').where('entity', '=', 'customers').executeTakeFirstOrThrow();
    expect(customersResponse.runId).toBe(customersRun.run_id);
    // The job context adds runId only where the logger does not bind it already: once per line.
    const withRunId = logLines.filter((raw) => /"msg":"(starting sync|http response|request failed|retrying request|sync job failed)"/.test(raw));
    expect(withRunId.length).toBeGreaterThan(5);
    for (const raw of withRunId) expect(raw.match(/"runId":/g), raw).toHaveLength(1);
  });
});
