import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineConnector, defineEntity, type Connector } from '@portage/core';
import {
  createConnectionStore,
  createCredentialCipher,
  createDatabase,
  createWebhookSubscriptionStore,
  migrateToLatest,
  type ConnectionStore,
  type CredentialCipher,
  type PortageDatabase,
  type WebhookSubscriptionStore,
} from '@portage/persist';
import { createPgBossQueue, SYNC_QUEUE, type JobQueue, type SyncJobData } from '@portage/refresh';
import { createWebhookHandler, type WebhookHandlerOptions } from '../src/index.js';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const SIGNING_KEY = 'test-signing-key';

const entity = (path: string) =>
  defineEntity<{ id: string }, 'Customer'>({
    unified: 'Customer',
    request: { path },
    recordsPath: 'data',
    pagination: { type: 'none' },
    primaryKey: 'id',
    map: (raw) => ({ id: raw.id }),
  });

/**
 * A platform that sends one event per delivery, signed `t=..,v1=..` (the timestamped scheme).
 * Nothing is fetched from it here: the base URL is never called.
 */
export const shop: Connector = defineConnector({
  name: 'shop',
  baseUrl: 'http://127.0.0.1:9',
  auth: { type: 'none' },
  entities: { customers: entity('/customers'), invoices: entity('/invoices') },
  webhooks: {
    signature: { scheme: 'hmac-sha256-timestamped', header: 'Shop-Signature', toleranceSeconds: 300 },
    idPaths: ['id'],
    typePath: 'type',
    routes: [
      { match: 'customer.*', entities: ['customers'] },
      { match: 'invoice.*', entities: ['invoices'] },
    ],
  },
});

/**
 * A platform that batches events (`{ events: [...] }`, no event ids of their own) signed with a
 * base64 HMAC of the body, and checks the endpoint with an empty batch first: the shape of an
 * accounting platform's webhooks.
 */
export const ledger: Connector = defineConnector({
  name: 'ledger',
  baseUrl: 'http://127.0.0.1:9',
  auth: { type: 'none' },
  entities: { contacts: entity('/contacts'), invoices: entity('/invoices') },
  webhooks: {
    signature: { scheme: 'hmac-sha256-base64', header: 'X-Ledger-Signature' },
    eventsPath: 'events',
    idPaths: ['resourceId', 'eventDateUtc', 'eventType'],
    typePath: 'eventCategory',
    routes: [
      { match: 'CONTACT', entities: ['contacts'] },
      { match: 'INVOICE', entities: ['invoices'] },
    ],
  },
});

/** A platform whose connector declares no webhooks. */
export const quiet: Connector = defineConnector({ name: 'quiet', baseUrl: 'http://127.0.0.1:9', auth: { type: 'none' }, entities: { customers: entity('/customers') } });

/** `t=<now>,v1=<hex>` computed with node:crypto, as the timestamped scheme's sender does. */
export function timestampedSignature(body: string, secret = SIGNING_KEY, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/** Base64 HMAC-SHA256 of the body, computed with node:crypto. */
export function base64Signature(body: string, secret = SIGNING_KEY): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** A sync job as pg-boss holds it. */
export interface StoredJob {
  id: string;
  data: SyncJobData;
  singleton_key: string | null;
  state: string;
}

/**
 * One isolated world per test file: its own Portage and pg-boss schemas on the local Postgres,
 * a started queue, and the webhook handler on a real HTTP server on loopback.
 */
export interface IntakeWorld {
  database: PortageDatabase;
  queue: JobQueue;
  bossSchema: string;
  cipher: CredentialCipher;
  connections: ConnectionStore;
  subscriptions: WebhookSubscriptionStore;
  url: string;
  /** A connection of `platform` with a webhook subscription signed with {@link SIGNING_KEY}. */
  connect(platform: string, options?: { subscribe?: boolean; maxSilenceSeconds?: number }): Promise<string>;
  post(path: string, body: string, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  /** Every job of the sync queue, oldest first. */
  syncJobs(): Promise<StoredJob[]>;
  /** Every job in pg-boss, whatever its queue. */
  allJobs(): Promise<Array<{ name: string; data: unknown }>>;
  storedEvents(connectionId: string): Promise<Array<{ event_id: string; event_type: string; state: string; entities: string[]; deliveries: number; body: string; headers: Record<string, string> }>>;
  close(): Promise<void>;
}

export async function startIntakeWorld(options: Partial<WebhookHandlerOptions> = {}): Promise<IntakeWorld> {
  const suffix = randomBytes(4).toString('hex');
  const schema = `portage_intake_${suffix}`;
  const bossSchema = `pgboss_intake_${suffix}`;
  const database = createDatabase({ connectionString: DATABASE_URL, schema, maxConnections: 5 });
  await migrateToLatest(database);
  const cipher = createCredentialCipher(randomBytes(32).toString('base64'));
  const connections = createConnectionStore(database, cipher);
  const subscriptions = createWebhookSubscriptionStore(database, cipher);
  const queue = createPgBossQueue({ connectionString: DATABASE_URL, schema: bossSchema, supervise: false });
  await queue.start();
  const handler = createWebhookHandler({ database, queue, connections, cipher, connectors: { shop, ledger, quiet }, ...options });
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    database,
    queue,
    bossSchema,
    cipher,
    connections,
    subscriptions,
    url,
    connect: async (platform, { subscribe = true, maxSilenceSeconds } = {}) => {
      const { id } = await connections.create({ platform, tenant: 'acme', credentials: { type: 'none' } });
      if (subscribe) await subscriptions.setSecret(id, SIGNING_KEY, maxSilenceSeconds === undefined ? {} : { maxSilenceSeconds });
      return id;
    },
    post: async (path, body, headers = {}) => {
      const response = await fetch(`${url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
      return { status: response.status, text: await response.text() };
    },
    syncJobs: async () =>
      (await database.pool.query<StoredJob>(`select id, data, singleton_key, state from ${bossSchema}.job where name = $1 order by created_on, id`, [SYNC_QUEUE])).rows,
    allJobs: async () => {
      // Before the first send pg-boss may not have created the queue's partition: still a table.
      return (await database.pool.query<{ name: string; data: unknown }>(`select name, data from ${bossSchema}.job`)).rows;
    },
    storedEvents: async (connectionId) =>
      database.db
        .selectFrom('webhook_events')
        .select(['event_id', 'event_type', 'state', 'entities', 'deliveries', 'body', 'headers'])
        .where('connection_id', '=', connectionId)
        .orderBy('id')
        .execute(),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.stop();
      await database.pool.query(`drop schema if exists ${bossSchema} cascade`);
      await database.pool.query(`drop schema if exists ${schema} cascade`);
      await database.destroy();
    },
  };
}
