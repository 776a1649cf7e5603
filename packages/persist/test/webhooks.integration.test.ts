import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCredentialCipher,
  createWebhookSubscriptionStore,
  markSilentSubscriptions,
  recordWebhookDelivery,
  type PortageDatabase,
  type WebhookDelivery,
  type WebhookSubscriptionStore,
} from '../src/index.js';
import { codeOf } from './code-of.js';
import { insertConnection } from './insert-connection.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const SIGNING_KEY = 'test-signing-key';

let testDatabase: TestDatabase;
let database: PortageDatabase;
let subscriptions: WebhookSubscriptionStore;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = testDatabase.database;
  subscriptions = createWebhookSubscriptionStore(database, createCredentialCipher(randomBytes(32).toString('base64')));
});
afterAll(() => testDatabase.drop());

const delivery = (connectionId: string, eventId: string, entities: string[] = ['customers']): WebhookDelivery => ({
  connectionId,
  eventId,
  eventType: 'customer.updated',
  entities,
  body: JSON.stringify({ id: eventId, type: 'customer.updated' }),
  headers: { 'content-type': 'application/json' },
});

const healthPayloads = async (connectionId: string) =>
  (await database.db.selectFrom('change_events').select(['kind', 'payload']).where('connection_id', '=', connectionId).orderBy('id').execute()).map((row) => {
    expect(row.kind).toBe('health');
    return row.payload as { subject: string; from: string; to: string; reason: string };
  });

describe('webhook subscriptions', () => {
  it('stores the signing secret encrypted, and gives it back only through signingSecret', async () => {
    const connectionId = await insertConnection(database);
    const subscription = await subscriptions.setSecret(connectionId, SIGNING_KEY, { maxSilenceSeconds: 3600 });
    expect(subscription).toMatchObject({ connectionId, maxSilenceSeconds: 3600, status: 'active', lastEventAt: null });
    expect(JSON.stringify(subscription)).not.toContain(SIGNING_KEY);
    const row = await database.db.selectFrom('webhook_subscriptions').select('signing_secret').where('connection_id', '=', connectionId).executeTakeFirstOrThrow();
    expect(row.signing_secret).not.toContain(SIGNING_KEY);
    expect(await subscriptions.signingSecret(connectionId)).toBe(SIGNING_KEY);

    // Replacing the secret keeps the max silence unless a new one is given.
    await subscriptions.setSecret(connectionId, 'test-signing-key-2');
    expect(await subscriptions.signingSecret(connectionId)).toBe('test-signing-key-2');
    expect((await subscriptions.get(connectionId))?.maxSilenceSeconds).toBe(3600);
  });

  it('rejects an unknown connection, an empty secret and a bad max silence, without echoing the secret', async () => {
    expect(await codeOf(subscriptions.setSecret(randomUUID(), SIGNING_KEY))).toBe('NOT_FOUND');
    expect(await codeOf(subscriptions.setSecret('not-a-uuid', SIGNING_KEY))).toBe('NOT_FOUND');
    const connectionId = await insertConnection(database);
    expect(await codeOf(subscriptions.setSecret(connectionId, ''))).toBe('VALIDATION_FAILED');
    const error: unknown = await subscriptions.setSecret(connectionId, SIGNING_KEY, { maxSilenceSeconds: 0 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((error as Error).message).not.toContain(SIGNING_KEY);
    expect(await subscriptions.get(connectionId)).toBeUndefined();
    expect(await subscriptions.signingSecret(connectionId)).toBeUndefined();
  });
});

describe('recordWebhookDelivery', () => {
  it('stores an event once however often it is delivered, running onNew only the first time', async () => {
    const connectionId = await insertConnection(database);
    let runs = 0;
    const onNew = async () => {
      runs += 1;
    };
    const results = [];
    for (let i = 0; i < 3; i += 1) results.push(await recordWebhookDelivery(database, delivery(connectionId, 'evt_1'), onNew));
    expect(results.map((result) => [result.duplicate, result.deliveries])).toEqual([
      [false, 1],
      [true, 2],
      [true, 3],
    ]);
    expect(runs).toBe(1);
    const rows = await database.db.selectFrom('webhook_events').select(['event_id', 'state', 'entities', 'deliveries', 'headers']).where('connection_id', '=', connectionId).execute();
    expect(rows).toEqual([{ event_id: 'evt_1', state: 'enqueued', entities: ['customers'], deliveries: 3, headers: { 'content-type': 'application/json' } }]);
  });

  it('keeps concurrent copies of one event to one row and one onNew', async () => {
    const connectionId = await insertConnection(database);
    let runs = 0;
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        recordWebhookDelivery(database, delivery(connectionId, 'evt_race'), async () => {
          runs += 1;
        }),
      ),
    );
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    expect(runs).toBe(1);
  });

  it('stores nothing when onNew fails, so the platform retries and the retry is not a duplicate', async () => {
    const connectionId = await insertConnection(database);
    const failing = recordWebhookDelivery(database, delivery(connectionId, 'evt_fail'), async ({ executor }) => {
      await executor.executeSql('select 1');
      throw new Error('queue unavailable');
    });
    await expect(failing).rejects.toThrow('queue unavailable');
    expect(await database.db.selectFrom('webhook_events').select('id').where('connection_id', '=', connectionId).execute()).toEqual([]);
    expect((await recordWebhookDelivery(database, delivery(connectionId, 'evt_fail'))).duplicate).toBe(false);
  });

  it('runs onNew inside the transaction: its raw SQL sees the new row', async () => {
    const connectionId = await insertConnection(database);
    let seen: unknown[] = [];
    await recordWebhookDelivery(database, delivery(connectionId, 'evt_tx', []), async ({ executor }) => {
      seen = (await executor.executeSql(`select state from "${database.schema}".webhook_events where connection_id = $1`, [connectionId])).rows;
    });
    expect(seen).toEqual([{ state: 'ignored' }]);
  });
});

describe('markSilentSubscriptions', () => {
  it('flags a quiet subscription once, with a health event, and the next event makes it active again', async () => {
    const connectionId = await insertConnection(database);
    await subscriptions.setSecret(connectionId, SIGNING_KEY, { maxSilenceSeconds: 3600 });
    await recordWebhookDelivery(database, delivery(connectionId, 'evt_a'));
    const lastEventAt = (await subscriptions.get(connectionId))!.lastEventAt!;

    const soon = new Date(lastEventAt.getTime() + 3599_000);
    expect((await markSilentSubscriptions(database, { now: soon })).map((s) => s.connectionId)).not.toContain(connectionId);
    const later = new Date(lastEventAt.getTime() + 3601_000);
    const silenced = await markSilentSubscriptions(database, { now: later });
    expect(silenced.filter((s) => s.connectionId === connectionId)).toEqual([{ connectionId, lastEventAt, maxSilenceSeconds: 3600 }]);
    expect(await subscriptions.get(connectionId)).toMatchObject({ status: 'silent', silentSince: later });
    // Already silent: not flagged, and no second event.
    expect((await markSilentSubscriptions(database, { now: later })).map((s) => s.connectionId)).not.toContain(connectionId);

    const result = await recordWebhookDelivery(database, delivery(connectionId, 'evt_b'));
    expect(result.reactivated).toBe(true);
    expect(await subscriptions.get(connectionId)).toMatchObject({ status: 'active', silentSince: null });
    expect(await healthPayloads(connectionId)).toEqual([
      { subject: 'webhooks', from: 'active', to: 'silent', reason: `no webhook event since ${lastEventAt.toISOString()} (expected one at least every 1h)` },
      { subject: 'webhooks', from: 'silent', to: 'active', reason: 'a webhook event arrived' },
    ]);
  });

  it('counts the silence of a subscription that never heard anything from its creation', async () => {
    const connectionId = await insertConnection(database);
    const { createdAt } = await subscriptions.setSecret(connectionId, SIGNING_KEY, { maxSilenceSeconds: 60 });
    const silenced = await markSilentSubscriptions(database, { now: new Date(createdAt.getTime() + 61_000) });
    expect(silenced.filter((s) => s.connectionId === connectionId)).toEqual([{ connectionId, lastEventAt: null, maxSilenceSeconds: 60 }]);
    expect((await healthPayloads(connectionId))[0]?.reason).toBe('no webhook event since the subscription was created (expected one at least every 1m)');
  });
});
