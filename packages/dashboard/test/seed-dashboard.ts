import { randomBytes } from 'node:crypto';
import { PortageError } from '@portage/core';
import {
  addEntityProgress,
  createConnectionStore,
  createCredentialCipher,
  createDatabase,
  finishRun,
  migrateToLatest,
  startRun,
  type ConnectionHealth,
  type EntityProgress,
  type PortageDatabase,
  type RunError,
} from '@portage/persist';
import { createPgBossQueue, ensureSyncQueues, listDeadLetters, SYNC_QUEUE, type JobQueue, type SyncJobData } from '@portage/refresh';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const HOUR = 3_600_000;

/**
 * A store and a pg-boss queue, each in a schema of its own, seeded with what a support team
 * would see on a real day: connections in every state of health, runs over several days with
 * per-entity counts, errors with tracking ids and platform messages, and a dead-lettered sync
 * job (failed through pg-boss itself) that can be replayed.
 */
export interface SeededDashboard {
  database: PortageDatabase;
  /** Started; the dashboard lists and replays through it. */
  queue: JobQueue;
  connectionIds: { shop: string; payments: string; ledger: string; archive: string };
  deadLetterId: string;
  /** Drops both schemas and closes everything. */
  drop(): Promise<void>;
}

interface RunSpec {
  hoursAgo: number;
  minutes: number;
  kind?: 'full' | 'incremental';
  entities: Record<string, EntityProgress & { errors?: RunError[] }>;
  fail?: RunError;
}

// Fictional platforms: packages never name a real one.
const CONNECTIONS: Array<{ key: keyof SeededDashboard['connectionIds']; platform: string; tenant: string; health: ConnectionHealth; reason?: string }> = [
  { key: 'shop', platform: 'acme-shop', tenant: 'outdoor-gear', health: 'healthy' },
  { key: 'payments', platform: 'paybright', tenant: 'globex', health: 'needs_reauth', reason: 'credentials rejected: the customer must reconnect' },
  { key: 'ledger', platform: 'ledgerly', tenant: 'initech', health: 'degraded', reason: 'UPSTREAM_UNAVAILABLE: retries spent, to the dead-letter queue' },
  { key: 'archive', platform: 'tradebook', tenant: 'umbrella <b>&co</b>', health: 'disabled', reason: 'paused by support' },
];

const at = (now: number, hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();

function runsOf(key: keyof SeededDashboard['connectionIds'], now: number): RunSpec[] {
  switch (key) {
    case 'shop':
      return [
        { hoursAgo: 240, minutes: 14, kind: 'full', entities: { orders: { created: 4200, pages: 42 }, products: { created: 310, pages: 4 }, customers: { created: 1800, pages: 18 } } },
        ...[200, 150, 110, 72, 48, 24].map((hoursAgo, index) => ({
          hoursAgo,
          minutes: 2 + index,
          kind: 'incremental' as const,
          entities: {
            orders: { created: 120 + index * 37, updated: 40 + index * 11, unchanged: 900, deleted: index % 3, pages: 10 },
            products: { created: index, updated: 6 + index, unchanged: 304, pages: 4 },
            customers: { created: 25 + index * 4, updated: 9, unchanged: 1790, pages: 18 },
          },
        })),
        {
          hoursAgo: 3,
          minutes: 4,
          kind: 'full',
          entities: {
            orders: {
              created: 188,
              updated: 61,
              unchanged: 4390,
              deleted: 7,
              pages: 47,
              errors: [{ code: 'VALIDATION_FAILED', action: 'fix_config', message: 'VALIDATION_FAILED: order 10442: total_price is not a number', at: at(now, 2.95), recordId: '10442' }],
            },
            products: { created: 2, updated: 11, unchanged: 301, deleted: 1, pages: 4 },
            customers: { created: 31, updated: 12, unchanged: 1830, pages: 19 },
          },
        },
      ];
    case 'payments': {
      const rejected: RunError = {
        code: 'AUTH_INVALID',
        action: 'alert_customer',
        message: 'AUTH_INVALID: GET /v1/charges: the platform rejected the credentials (ask the customer to reconnect the account)',
        at: at(now, 5.9),
        trackingId: 'req_8f3a2c91e0',
        platformMessage: 'Invalid API key provided: the key was rolled by the account owner',
        platformCode: 'api_key_expired',
        status: 401,
      };
      return [
        { hoursAgo: 30, minutes: 3, kind: 'incremental', entities: { transactions: { created: 512, updated: 14, unchanged: 2200, pages: 28 }, payouts: { created: 4, unchanged: 96, pages: 1 } } },
        { hoursAgo: 6, minutes: 1, kind: 'incremental', entities: { transactions: { created: 0, pages: 0, errors: [rejected] } }, fail: rejected },
      ];
    }
    case 'ledger': {
      const unavailable: RunError = {
        code: 'UPSTREAM_UNAVAILABLE',
        action: 'retry',
        message: 'UPSTREAM_UNAVAILABLE: GET /v2/invoices answered 503: Service temporarily unavailable (the platform is failing: retry later)',
        at: at(now, 1.5),
        trackingId: 'b7e1c0d4-93a2-4f0e-8d61-5c2f7a9e1b33',
        platformMessage: 'Service temporarily unavailable',
        status: 503,
      };
      return [
        { hoursAgo: 50, minutes: 6, kind: 'full', entities: { invoices: { created: 930, pages: 10 }, contacts: { created: 210, pages: 3 } } },
        { hoursAgo: 26, minutes: 2, kind: 'incremental', entities: { invoices: { created: 41, updated: 17, unchanged: 889, pages: 10 }, contacts: { updated: 3, unchanged: 207, pages: 3 } } },
        { hoursAgo: 1.6, minutes: 5, kind: 'full', entities: { invoices: { created: 3, updated: 2, unchanged: 400, pages: 5, errors: [unavailable] }, contacts: { updated: 1, unchanged: 209, pages: 3 } }, fail: unavailable },
      ];
    }
    case 'archive':
      return [{ hoursAgo: 320, minutes: 9, kind: 'full', entities: { products: { created: 77, pages: 1 } } }];
  }
}

/**
 * Seeds fresh schemas (see {@link SeededDashboard}). Takes a second or two: the dead letter is
 * made by failing a job through a real pg-boss worker.
 *
 * @example const seeded = await seedDashboard(); ...; await seeded.drop();
 */
export async function seedDashboard(): Promise<SeededDashboard> {
  const suffix = randomBytes(5).toString('hex');
  const schema = `portage_dash_${suffix}`;
  const queueSchema = `portage_dash_boss_${suffix}`;
  const database = createDatabase({ connectionString: DATABASE_URL, schema, maxConnections: 5 });
  await migrateToLatest(database);
  const store = createConnectionStore(database, createCredentialCipher(randomBytes(32).toString('base64')));
  const now = Date.now();
  const connectionIds = {} as SeededDashboard['connectionIds'];
  for (const spec of CONNECTIONS) {
    const connection = await store.create({ platform: spec.platform, tenant: spec.tenant, credentials: { type: 'bearer', token: 'test-token-not-a-secret' } });
    connectionIds[spec.key] = connection.id;
    if (spec.health !== 'healthy') await store.setHealth(connection.id, spec.health, spec.reason);
    for (const run of runsOf(spec.key, now)) await seedRun(database, connection.id, run, now);
  }

  const queue = createPgBossQueue({ connectionString: DATABASE_URL, schema: queueSchema, supervise: false });
  await queue.start();
  const deadLetterId = await deadLetter(queueSchema, { connectionId: connectionIds.ledger, entity: 'invoices', kind: 'full', runId: '00000000-0000-4000-8000-000000000001' }, queue);

  return {
    database,
    queue,
    connectionIds,
    deadLetterId,
    drop: async () => {
      await queue.stop();
      for (const name of [schema, queueSchema]) await database.db.schema.dropSchema(name).ifExists().cascade().execute();
      await database.destroy();
    },
  };
}

async function seedRun(database: PortageDatabase, connectionId: string, run: RunSpec, now: number): Promise<void> {
  const runId = await startRun(database.db, { connectionId, kind: run.kind ?? 'incremental' });
  for (const [entity, { errors = [], ...counts }] of Object.entries(run.entities)) {
    await addEntityProgress(database.db, runId, entity, counts);
    for (const error of errors) await addEntityProgress(database.db, runId, entity, { error });
  }
  await finishRun(database.db, runId, run.fail ? 'failed' : 'succeeded', run.fail);
  const startedAt = new Date(now - run.hoursAgo * HOUR);
  await database.db
    .updateTable('sync_runs')
    .set({ started_at: startedAt, finished_at: new Date(startedAt.getTime() + run.minutes * 60_000 + 17_000) })
    .where('id', '=', runId)
    .execute();
}

// The real path to the dead-letter queue: a sync job whose only attempt fails in a pg-boss
// worker. A separate queue instance works it and is stopped, so nothing picks up the replay.
async function deadLetter(queueSchema: string, data: SyncJobData, dashboardQueue: JobQueue): Promise<string> {
  const failing = createPgBossQueue({ connectionString: DATABASE_URL, schema: queueSchema, supervise: false });
  await failing.start();
  try {
    await ensureSyncQueues(failing, { retryLimit: 0, retryDelaySeconds: 0, retryBackoff: false });
    await failing.send(SYNC_QUEUE, data);
    await failing.work<SyncJobData>(SYNC_QUEUE, { concurrency: 1, pollingIntervalSeconds: 0.5 }, async () => {
      throw new PortageError('UPSTREAM_UNAVAILABLE', 'GET /v2/invoices answered 503: Service temporarily unavailable', {
        context: { status: 503, trackingId: 'b7e1c0d4-93a2-4f0e-8d61-5c2f7a9e1b33', platformMessage: 'Service temporarily unavailable' },
      });
    });
    const deadline = Date.now() + 10_000;
    for (;;) {
      const [job] = await listDeadLetters(dashboardQueue, 1);
      if (job) return job.id;
      if (Date.now() > deadline) throw new Error('the failing job never reached the dead-letter queue');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await failing.stop();
  }
}

/**
 * A drift report as `portage drift --json-out <file>` writes it (impactReportVersion 1): one
 * connector a breaking change touches, one untouched.
 */
export const DRIFT_REPORT = {
  impactReportVersion: 1,
  breaking: true,
  failed: false,
  connectors: [
    {
      platform: 'ledgerly',
      status: 'breaking',
      counts: { breaking: 3, nonBreaking: 12, touching: 2, breakingTouching: 1 },
      touching: [
        {
          change: { id: 'response-field-removed', severity: 'breaking', side: 'response', operation: 'GET /v2/invoices', schema: 'Invoice', status: '200', location: 'AmountDue', reason: 'field AmountDue was removed from the response' },
          breaking: true,
          uses: [{ entity: 'invoices', via: 'mapping', detail: 'its mapping reads AmountDue' }],
        },
        {
          change: { id: 'enum-value-added', severity: 'non-breaking', side: 'response', operation: 'GET /v2/invoices', schema: 'Invoice', status: '200', location: 'Status', reason: 'Status may now also be "VOIDED"' },
          breaking: false,
          uses: [{ entity: 'invoices', via: 'records', detail: 'stores Status' }],
        },
      ],
    },
    { platform: 'acme-shop', status: 'ok', counts: { breaking: 0, nonBreaking: 4, touching: 0, breakingTouching: 0 }, touching: [] },
  ],
};
