import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakePlatformConnector } from '@portage/connector-fake-platform';
import { connectPlatformControl } from '@portage/fake-platform';
import { createLogger } from '@portage/fetch';
import { createWebhookHandler } from '@portage/intake';
import { createConnectionStore, createCredentialCipher, createWebhookSubscriptionStore } from '@portage/persist';
import { createPgBossQueue, createSyncWorker, SYNC_QUEUE, type SyncJobData, type SyncWorker } from '@portage/refresh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_URL, startE2e, type E2e } from '../src/e2e-harness.js';

const SIGNING_KEY = 'test-signing-key';

let e2e: E2e;
let server: Server;
let intakeUrl: string;
let worker: SyncWorker;

beforeAll(async () => {
  e2e = await startE2e({ records: 300 });
  const cipher = createCredentialCipher(process.env.PORTAGE_ENCRYPTION_KEY);
  const connectors = { 'fake-platform': createFakePlatformConnector(e2e.platform.url) };
  const connections = createConnectionStore(e2e.database, cipher);
  server = createServer(createWebhookHandler({ database: e2e.database, queue: e2e.queue, connectors, connections, cipher }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  intakeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A real sync worker, in this process, on a queue of its own over the same pg-boss schema.
  const workerQueue = createPgBossQueue({ connectionString: DATABASE_URL, schema: e2e.bossSchema, supervise: false });
  await workerQueue.start();
  worker = createSyncWorker({ database: e2e.database, queue: workerQueue, connections, connectors, logger: createLogger({ level: 'silent' }) });
  await worker.start();
});

afterAll(async () => {
  await worker?.stop();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await e2e?.close();
});

const signed = (body: string) => {
  const t = Math.floor(Date.now() / 1000);
  return { 'content-type': 'application/json', 'x-fake-signature': `t=${t},v1=${createHmac('sha256', SIGNING_KEY).update(`${t}.${body}`).digest('hex')}` };
};

const jobsOf = async (connectionId: string) =>
  (await e2e.database.pool.query<{ data: SyncJobData; state: string }>(`select data, state from ${e2e.bossSchema}.job where name = $1`, [SYNC_QUEUE])).rows.filter(
    (job) => job.data.connectionId === connectionId,
  );

const storedUpdatedAt = async (connectionId: string, id: string) => {
  const row = await e2e.database.db.selectFrom('records').select('data').where('connection_id', '=', connectionId).where('entity', '=', 'customers').where('external_id', '=', id).executeTakeFirstOrThrow();
  return (row.data as { updatedAt: string }).updatedAt;
};

describe('webhook intake against the fake platform', () => {
  it('a record changed on the platform, announced by a webhook delivered three times: one incremental sync, and the record changes in Postgres', async () => {
    const connectionId = await e2e.connect();
    await createWebhookSubscriptionStore(e2e.database, createCredentialCipher(process.env.PORTAGE_ENCRYPTION_KEY)).setSecret(connectionId, SIGNING_KEY);
    // The connection's first full pass, as the scheduler would have run it.
    await e2e.enqueue({ connectionId, entity: 'customers', kind: 'full' });
    await e2e.waitForRuns(connectionId, 1);
    expect(await e2e.storedHashes(connectionId)).toEqual(e2e.expectedHashes());

    // The platform changes a record (through its control API, as another process would)...
    const [changed] = await connectPlatformControl(e2e.platform.url).update(['rec_0000007']);
    expect(await storedUpdatedAt(connectionId, 'rec_0000007')).not.toBe(changed!.updated_at);

    // ...and announces it three times (a platform retries when it does not hear back in time).
    const bad = JSON.stringify({ id: 'evt_forged', type: 'customer.updated' });
    const forged = await fetch(`${intakeUrl}/webhooks/${connectionId}`, { method: 'POST', body: bad, headers: { ...signed(bad), 'x-fake-signature': 't=1,v1=00' } });
    expect(forged.status).toBe(401);
    const body = JSON.stringify({ id: 'evt_rec_0000007', type: 'customer.updated', data: { id: 'rec_0000007' } });
    for (let delivery = 1; delivery <= 3; delivery += 1) {
      const response = await fetch(`${intakeUrl}/webhooks/${connectionId}`, { method: 'POST', body, headers: signed(body) });
      expect(response.status).toBe(200);
    }

    await e2e.waitForRuns(connectionId, 2);
    const incremental = (await jobsOf(connectionId)).filter((job) => job.data.kind === 'incremental');
    expect(incremental).toHaveLength(1);
    expect(incremental[0]!.data).toMatchObject({ connectionId, entity: 'customers', kind: 'incremental', since: expect.any(String) });
    const events = await e2e.database.db.selectFrom('webhook_events').select(['event_id', 'deliveries', 'state']).where('connection_id', '=', connectionId).execute();
    expect(events).toEqual([{ event_id: 'evt_rec_0000007', deliveries: 3, state: 'enqueued' }]);

    expect(await storedUpdatedAt(connectionId, 'rec_0000007')).toBe(changed!.updated_at);
    expect(await e2e.storedHashes(connectionId)).toEqual(e2e.expectedHashes());
    const runs = await e2e.database.db.selectFrom('sync_runs').select(['kind', 'status']).where('connection_id', '=', connectionId).orderBy('started_at').execute();
    expect(runs).toEqual([
      { kind: 'full', status: 'succeeded' },
      { kind: 'incremental', status: 'succeeded' },
    ]);
  }, 60_000);
});
