import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { recordWebhookDelivery, saveCheckpoint } from '@portage/persist';
import { MARKS_WINDOW, SYNC_QUEUE } from '@portage/refresh';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64Signature, SIGNING_KEY, startIntakeWorld, timestampedSignature, type IntakeWorld } from './intake-world.js';

let world: IntakeWorld;
beforeAll(async () => {
  world = await startIntakeWorld({ maxBodyBytes: 4096 });
});
afterAll(() => world?.close());

const event = (id: string, type = 'customer.updated') => JSON.stringify({ id, type, created: 1_767_225_600, data: { object: { id: 'cus_1' } } });

describe('POST /webhooks/:connectionId with a bad signature', () => {
  it.each([
    ['a tampered body', (body: string) => ({ body: body.replace('cus_1', 'cus_2'), signature: timestampedSignature(body) })],
    ['a wrong secret', (body: string) => ({ body, signature: timestampedSignature(body, 'test-other-key') })],
    ['a stale timestamp', (body: string) => ({ body, signature: timestampedSignature(body, SIGNING_KEY, new Date(Date.now() - 301_000)) })],
    ['no signature header', (body: string) => ({ body, signature: undefined })],
  ])('%s: 401, no reason given, stored nowhere (no event row, no job)', async (_label, make) => {
    const connectionId = await world.connect('shop');
    const { body, signature } = make(event('evt_bad'));
    const response = await world.post(`/webhooks/${connectionId}`, body, signature ? { 'shop-signature': signature } : {});
    expect(response).toEqual({ status: 401, text: JSON.stringify({ error: 'invalid signature' }) });
    expect(await world.storedEvents(connectionId)).toEqual([]);
    // Any job of any queue that mentions the connection.
    expect((await world.allJobs()).filter((job) => JSON.stringify(job.data).includes(connectionId))).toEqual([]);
    const subscription = await world.subscriptions.get(connectionId);
    expect(subscription?.lastEventAt).toBeNull();
  });
});

describe('POST /webhooks/:connectionId with a valid signature', () => {
  it('the same event delivered three times: stored once, exactly one sync job', async () => {
    const connectionId = await world.connect('shop');
    const body = event('evt_triple');
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await world.post(`/webhooks/${connectionId}`, body, { 'shop-signature': timestampedSignature(body), 'user-agent': 'ShopHooks/1.0' }));
    expect(answers.map((answer) => [answer.status, JSON.parse(answer.text)])).toEqual([
      [200, { received: 1, duplicate: false }],
      [200, { received: 1, duplicate: true }],
      [200, { received: 1, duplicate: true }],
    ]);
    expect(await world.storedEvents(connectionId)).toEqual([
      {
        event_id: 'evt_triple',
        event_type: 'customer.updated',
        state: 'enqueued',
        entities: ['customers'],
        deliveries: 3,
        body,
        headers: { 'content-type': 'application/json', 'user-agent': 'ShopHooks/1.0' },
      },
    ]);
    const jobs = (await world.syncJobs()).filter((job) => job.data.connectionId === connectionId);
    expect(jobs).toEqual([{ id: expect.any(String), data: { connectionId, entity: 'customers', kind: 'incremental' }, singleton_key: `${connectionId}:customers`, state: 'created' }]);

    // The job is gone (run by a worker): a fourth delivery of the same event still enqueues
    // nothing, so it is the event id, not the queue's one-job-per-entity rule, that dedupes.
    await world.queue.remove(SYNC_QUEUE, jobs[0]!.id);
    expect((await world.post(`/webhooks/${connectionId}`, body, { 'shop-signature': timestampedSignature(body) })).status).toBe(200);
    expect((await world.syncJobs()).filter((job) => job.data.connectionId === connectionId)).toEqual([]);
  });

  it('a new event for an entity with a high-water mark reads from the mark minus the overlap', async () => {
    const connectionId = await world.connect('shop');
    const mark = '2026-05-01T10:00:00.000Z';
    await saveCheckpoint(world.database.db, { connectionId, entity: 'invoices', windowKey: MARKS_WINDOW }, { state: { lastIncrementalAt: mark } });
    const body = event('evt_invoice', 'invoice.paid');
    expect((await world.post(`/webhooks/${connectionId}`, body, { 'shop-signature': timestampedSignature(body) })).status).toBe(200);
    const jobs = (await world.syncJobs()).filter((job) => job.data.connectionId === connectionId);
    expect(jobs.map((job) => job.data)).toEqual([{ connectionId, entity: 'invoices', kind: 'incremental', since: '2026-05-01T09:55:00.000Z' }]);
  });

  it('an event no route names is stored as ignored and enqueues nothing', async () => {
    const connectionId = await world.connect('shop');
    const body = event('evt_payout', 'payout.paid');
    expect((await world.post(`/webhooks/${connectionId}`, body, { 'shop-signature': timestampedSignature(body) })).status).toBe(200);
    expect(await world.storedEvents(connectionId)).toMatchObject([{ event_id: 'evt_payout', state: 'ignored', entities: [] }]);
    expect((await world.syncJobs()).filter((job) => job.data.connectionId === connectionId)).toEqual([]);
  });

  it('a batch touching two entities enqueues one job per entity', async () => {
    const connectionId = await world.connect('ledger');
    const body = JSON.stringify({
      events: [
        { resourceId: 'c-1', eventDateUtc: '2026-05-01T10:00:00.000', eventType: 'UPDATE', eventCategory: 'CONTACT', tenantId: 't-1' },
        { resourceId: 'c-2', eventDateUtc: '2026-05-01T10:00:01.000', eventType: 'CREATE', eventCategory: 'CONTACT', tenantId: 't-1' },
        { resourceId: 'i-1', eventDateUtc: '2026-05-01T10:00:02.000', eventType: 'UPDATE', eventCategory: 'INVOICE', tenantId: 't-1' },
      ],
      firstEventSequence: 1,
      lastEventSequence: 3,
      entropy: 'QWERTY',
    });
    const answer = await world.post(`/webhooks/${connectionId}`, body, { 'x-ledger-signature': base64Signature(body) });
    expect(answer).toEqual({ status: 200, text: JSON.stringify({ received: 3, duplicate: false }) });
    expect(await world.storedEvents(connectionId)).toMatchObject([{ event_type: 'CONTACT,INVOICE', entities: ['contacts', 'invoices'], deliveries: 1 }]);
    const jobs = (await world.syncJobs()).filter((job) => job.data.connectionId === connectionId);
    expect(jobs.map((job) => job.data.entity).sort()).toEqual(['contacts', 'invoices']);
  });

  it('a body that is not JSON gets 400 and is stored nowhere, though its signature is good', async () => {
    const connectionId = await world.connect('shop');
    const body = 'not json';
    expect((await world.post(`/webhooks/${connectionId}`, body, { 'shop-signature': timestampedSignature(body) })).status).toBe(400);
    expect(await world.storedEvents(connectionId)).toEqual([]);
  });
});

describe('the intent-to-receive handshake of a batching platform', () => {
  const handshake = JSON.stringify({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: 'ABCDEFGHIJ' });

  it('answers 200 to a correctly signed empty batch, storing and enqueueing nothing', async () => {
    const connectionId = await world.connect('ledger');
    const answer = await world.post(`/webhooks/${connectionId}`, handshake, { 'x-ledger-signature': base64Signature(handshake) });
    expect(answer).toEqual({ status: 200, text: JSON.stringify({ received: 0 }) });
    expect(await world.storedEvents(connectionId)).toEqual([]);
    expect((await world.syncJobs()).filter((job) => job.data.connectionId === connectionId)).toEqual([]);
  });

  it('answers 401 to an incorrectly signed one', async () => {
    const connectionId = await world.connect('ledger');
    const answer = await world.post(`/webhooks/${connectionId}`, handshake, { 'x-ledger-signature': base64Signature(handshake, 'test-other-key') });
    expect(answer.status).toBe(401);
  });
});

describe('requests that are not deliveries', () => {
  it('413 for a body over the limit, stored nowhere', async () => {
    const connectionId = await world.connect('shop');
    const body = JSON.stringify({ id: 'evt_big', type: 'customer.updated', padding: 'x'.repeat(5000) });
    const answer = await world.post(`/webhooks/${connectionId}`, body, { 'shop-signature': timestampedSignature(body) });
    expect(answer).toEqual({ status: 413, text: JSON.stringify({ error: 'the body is larger than 4096 bytes' }) });
    expect(await world.storedEvents(connectionId)).toEqual([]);
  });

  it('413 for a chunked body (no Content-Length) that grows over the limit, stored nowhere', async () => {
    const connectionId = await world.connect('shop');
    const body = JSON.stringify({ id: 'evt_big_chunked', type: 'customer.updated', padding: 'x'.repeat(5000) });
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(`${world.url}/webhooks/${connectionId}`, { method: 'POST', headers: { 'shop-signature': timestampedSignature(body) } }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
      request.on('error', reject);
      // Written in pieces without a length: the server only learns the size as it reads.
      for (let offset = 0; offset < body.length; offset += 1000) request.write(body.slice(offset, offset + 1000));
      request.end();
    });
    expect(answer.status).toBe(413);
    expect(await world.storedEvents(connectionId)).toEqual([]);
  });

  it('404 for an unknown connection, one without a subscription, and a platform without webhooks', async () => {
    const body = event('evt_404');
    const headers = { 'shop-signature': timestampedSignature(body) };
    expect((await world.post(`/webhooks/${randomUUID()}`, body, headers)).status).toBe(404);
    expect((await world.post('/webhooks/not-a-uuid', body, headers)).status).toBe(404);
    expect((await world.post('/webhooks/%E0%A4%A', body, headers)).status).toBe(404);
    expect((await world.post(`/webhooks/${await world.connect('shop', { subscribe: false })}`, body, headers)).status).toBe(404);
    expect((await world.post(`/webhooks/${await world.connect('quiet')}`, body, headers)).status).toBe(404);
    expect((await world.post('/elsewhere', body, headers)).status).toBe(404);
  });

  it('405 for another method', async () => {
    const connectionId = await world.connect('shop');
    const response = await fetch(`${world.url}/webhooks/${connectionId}`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('the event and its jobs commit together', () => {
  it('a job sent in a transaction that fails is not in the queue, and the event is not stored', async () => {
    const connectionId = await world.connect('shop');
    const delivery = { connectionId, eventId: 'evt_rollback', eventType: 'customer.updated', entities: ['customers'], body: '{}', headers: {} };
    const failing = recordWebhookDelivery(world.database, delivery, async ({ executor }) => {
      const id = await world.queue.send(SYNC_QUEUE, { connectionId, entity: 'customers', kind: 'incremental' }, { singletonKey: `${connectionId}:customers`, db: executor });
      expect(id).toEqual(expect.any(String));
      throw new Error('something failed after the send');
    });
    await expect(failing).rejects.toThrow('something failed after the send');
    expect((await world.syncJobs()).filter((job) => job.data.connectionId === connectionId)).toEqual([]);
    expect(await world.storedEvents(connectionId)).toEqual([]);
  });
});
