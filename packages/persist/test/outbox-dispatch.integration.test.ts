import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Transport, TransportResponse } from '@portage/fetch';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type ChangeEventKind, type PortageDatabase } from '../src/index.js';
import {
  createOutboxDispatcher,
  EVENT_ID_HEADER,
  SIGNATURE_HEADER,
  verifySignature,
  type OutboxDispatcher,
  type OutboxDispatcherOptions,
  type WebhookEvent,
} from '../src/outbox/dispatch/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const SECRET = 'whsec_integration_7f3a9c0e5b1d';
const CONNECTION = randomUUID();
const OTHER_CONNECTION = randomUUID();

// The dispatchers' and receivers' clock: tests move it instead of waiting. It starts a minute
// ahead of the database, so events inserted with `next_attempt_at = now()` are due.
let clockMs = 0;
const now = () => new Date(clockMs);
const advance = (ms: number) => {
  clockMs += ms;
};

let testDatabase: TestDatabase;
let database: PortageDatabase;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = testDatabase.database;
});
afterAll(() => testDatabase.drop());

const cleanups: (() => Promise<void>)[] = [];
beforeEach(async () => {
  clockMs = Date.now() + 60_000;
  await database.db.deleteFrom('change_events').execute();
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// --- a webhook receiver: a real HTTP server that checks signatures like a customer's would ---

interface Delivery {
  eventId: string;
  event: WebhookEvent;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  signatureValid: boolean;
  /** The status the receiver answered. */
  status: number;
}

type Reply = number | { status: number; body?: string; delayMs?: number; hang?: boolean };

interface Receiver {
  url: string;
  deliveries: Delivery[];
  /** Accepted (2xx) deliveries per event id. */
  acceptedCount(id: string): number;
  accepted(): Delivery[];
}

/**
 * Answers 401 to a bad signature; otherwise `reply(delivery, nthDeliveryOfThisEvent)`.
 * `secret` is what the receiver believes the secret to be.
 */
async function startReceiver(reply: (delivery: Delivery, attempt: number) => Reply = () => 200, secret = SECRET): Promise<Receiver> {
  const deliveries: Delivery[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers[SIGNATURE_HEADER] ?? '');
      const delivery: Delivery = {
        eventId: String(req.headers[EVENT_ID_HEADER]),
        event: JSON.parse(body) as WebhookEvent,
        body,
        headers: req.headers,
        signatureValid: verifySignature(secret, body, signature, { now }),
        status: 0,
      };
      const attempt = deliveries.filter((d) => d.eventId === delivery.eventId).length + 1;
      deliveries.push(delivery);
      const answer = delivery.signatureValid ? reply(delivery, attempt) : { status: 401, body: 'bad signature' };
      const { status, body: text = '', delayMs = 0, hang = false } = typeof answer === 'number' ? { status: answer } : answer;
      delivery.status = status;
      if (hang) return;
      setTimeout(() => res.writeHead(status, { 'content-type': 'text/plain' }).end(text), delayMs);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const accepted = () => deliveries.filter((d) => d.status >= 200 && d.status < 300);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/portage`,
    deliveries,
    accepted,
    acceptedCount: (id) => accepted().filter((d) => d.eventId === id).length,
  };
}

function dispatcherFor(receiver: { url: string }, options: Partial<OutboxDispatcherOptions> = {}): OutboxDispatcher {
  const dispatcher = createOutboxDispatcher({
    database,
    endpoint: { url: receiver.url, secret: SECRET },
    now,
    random: () => 0.5,
    maxAttempts: 3,
    timeoutMs: 2000,
    ...options,
  });
  cleanups.push(() => dispatcher.stop());
  return dispatcher;
}

// --- the outbox, written directly as the sync engine would ---

interface NewEvent {
  entity?: string | null;
  externalId?: string | null;
  kind?: ChangeEventKind;
  payload?: unknown;
  connectionId?: string;
  runId?: string | null;
}

async function insertEvents(events: NewEvent[]): Promise<string[]> {
  const rows = await database.db
    .insertInto('change_events')
    .values(
      events.map((event) => ({
        connection_id: event.connectionId ?? CONNECTION,
        entity: event.entity === undefined ? 'order' : event.entity,
        external_id: event.externalId === undefined ? 'ord_1' : event.externalId,
        kind: event.kind ?? 'updated',
        payload: JSON.stringify(event.payload ?? { id: event.externalId ?? 'ord_1' }),
        run_id: event.runId ?? null,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

const rowOf = (id: string) => database.db.selectFrom('change_events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('createOutboxDispatcher against Postgres and a real receiver', () => {
  it('delivers each event once, signed, as the documented JSON', async () => {
    const receiver = await startReceiver();
    const runId = randomUUID();
    const ids = await insertEvents([
      { entity: 'order', externalId: 'ord_1', kind: 'created', payload: { id: 'ord_1', total: { amount: 1999, currency: 'EUR' } }, runId },
      { entity: 'product', externalId: 'p_9', kind: 'deleted', payload: { id: 'p_9', name: 'Thé vert 🍵' } },
      { entity: null, externalId: null, kind: 'health', payload: { from: 'healthy', to: 'degraded', reason: 'rate limited' } },
    ]);
    const dispatcher = dispatcherFor(receiver);

    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 3, retried: 0, dead: 0 });

    expect(receiver.deliveries.map((d) => d.eventId).sort()).toEqual([...ids].sort());
    for (const delivery of receiver.deliveries) {
      expect(delivery.signatureValid).toBe(true);
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(delivery.event.id).toBe(delivery.eventId);
    }
    const first = receiver.deliveries.find((d) => d.eventId === ids[0])!;
    const row = await rowOf(ids[0]!);
    expect(first.event).toEqual({
      id: ids[0],
      connectionId: CONNECTION,
      entity: 'order',
      externalId: 'ord_1',
      kind: 'created',
      payload: { id: 'ord_1', total: { amount: 1999, currency: 'EUR' } },
      runId,
      createdAt: row.created_at.toISOString(),
    });
    expect(receiver.deliveries.find((d) => d.eventId === ids[1])!.event.payload).toEqual({ id: 'p_9', name: 'Thé vert 🍵' });
    expect(receiver.deliveries.find((d) => d.eventId === ids[2])!.event).toMatchObject({ kind: 'health', entity: null, externalId: null });
    expect(row).toMatchObject({ delivered_at: now(), attempts: 0, last_error: null, dead_at: null });

    // Delivered events are never posted again.
    advance(3_600_000);
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    expect(receiver.deliveries).toHaveLength(3);
  });

  it('retries with backoff: a receiver failing twice then succeeding leaves attempts=2', async () => {
    const receiver = await startReceiver((_d, attempt) => (attempt <= 2 ? { status: 503, body: 'try later' } : 204));
    const [id] = await insertEvents([{}]);
    const dispatcher = dispatcherFor(receiver, { retry: { baseMs: 1000 } });

    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    // random 0.5 with full jitter: half of 1000 ms after the first failure.
    expect(await rowOf(id!)).toMatchObject({ attempts: 1, last_error: 'HTTP 503: try later', delivered_at: null, next_attempt_at: new Date(clockMs + 500) });

    advance(499);
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    expect(receiver.deliveries).toHaveLength(1);

    advance(1);
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    expect(await rowOf(id!)).toMatchObject({ attempts: 2, next_attempt_at: new Date(clockMs + 1000) });

    advance(1000);
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(await rowOf(id!)).toMatchObject({ attempts: 2, delivered_at: now(), dead_at: null });
    expect(receiver.deliveries.map((d) => [d.eventId, d.status])).toEqual([
      [id, 503],
      [id, 503],
      [id, 204],
    ]);
  });

  it('dead-letters after maxAttempts; listDead shows it; replayDead delivers it', async () => {
    let healthy = false;
    const receiver = await startReceiver(() => (healthy ? 200 : { status: 500, body: 'internal error' }));
    const ids = await insertEvents([
      { entity: 'order', externalId: 'a' },
      { entity: 'order', externalId: 'b' },
      { entity: 'order', externalId: 'c' },
    ]);
    // random 0: every retry is due at once, so no clock needs moving.
    const dispatcher = dispatcherFor(receiver, { maxAttempts: 3, random: () => 0 });

    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, retried: 3, dead: 0 });
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, retried: 3, dead: 0 });
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, retried: 0, dead: 3 });
    const deadAt = now();
    expect(await rowOf(ids[0]!)).toMatchObject({ attempts: 3, dead_at: deadAt, delivered_at: null, last_error: 'HTTP 500: internal error' });

    // Dead events are not attempted again, however long we wait.
    advance(86_400_000);
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    expect(receiver.deliveries).toHaveLength(9);

    const dead = await dispatcher.listDead();
    expect(dead.map((e) => e.id)).toEqual(ids);
    expect(dead[0]).toMatchObject({ connectionId: CONNECTION, entity: 'order', externalId: 'a', kind: 'updated', attempts: 3, lastError: 'HTTP 500: internal error', deadAt });
    expect(await dispatcher.listDead(2)).toHaveLength(2);

    healthy = true;
    expect(await dispatcher.replayDead([ids[1]!])).toBe(1);
    expect(await rowOf(ids[1]!)).toMatchObject({ attempts: 0, dead_at: null, next_attempt_at: now() });
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(receiver.acceptedCount(ids[1]!)).toBe(1);
    // Replaying a delivered (or unknown) event does nothing.
    expect(await dispatcher.replayDead([ids[1]!, '999999999'])).toBe(0);

    expect(await dispatcher.replayDead('all')).toBe(2);
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 2, retried: 0, dead: 0 });
    expect(await dispatcher.listDead()).toEqual([]);
    expect(ids.map((id) => receiver.acceptedCount(id))).toEqual([1, 1, 1]);
  });

  it('two dispatchers running concurrently deliver each event exactly once, in order per record', async () => {
    const receiver = await startReceiver(() => ({ status: 200, delayMs: Math.floor(Math.random() * 4) }));
    const second = createDatabase({
      connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      schema: testDatabase.schema,
      maxConnections: 5,
    });
    cleanups.push(() => second.destroy());
    // 60 records with 4 events each, interleaved as a sync engine would write them.
    const events: NewEvent[] = [];
    for (let round = 0; round < 4; round++) {
      for (let record = 0; record < 60; record++) events.push({ entity: 'order', externalId: `ord_${record}`, payload: { round } });
    }
    const ids = await insertEvents(events);
    const a = dispatcherFor(receiver, { batchSize: 25, concurrency: 5 });
    const b = dispatcherFor(receiver, { batchSize: 25, concurrency: 5, database: second });

    const totals = { a: 0, b: 0 };
    for (let i = 0; i < 40 && receiver.accepted().length < ids.length; i++) {
      const [ra, rb] = await Promise.all([a.dispatchOnce(), b.dispatchOnce()]);
      totals.a += ra.delivered;
      totals.b += rb.delivered;
      expect(ra.retried + rb.retried + ra.dead + rb.dead).toBe(0);
    }

    expect(ids.filter((id) => receiver.acceptedCount(id) !== 1)).toEqual([]);
    expect(receiver.deliveries).toHaveLength(ids.length);
    expect(totals.a + totals.b).toBe(ids.length);
    // Both really took part: the rows one had locked were skipped by the other, not waited on.
    expect(totals.a).toBeGreaterThan(0);
    expect(totals.b).toBeGreaterThan(0);
    const pending = await database.db.selectFrom('change_events').select('id').where('delivered_at', 'is', null).execute();
    expect(pending).toEqual([]);
    // Per record, the receiver saw the events in the order they were written.
    const rounds = new Map<string, number[]>();
    for (const delivery of receiver.deliveries) {
      const key = delivery.event.externalId!;
      rounds.set(key, [...(rounds.get(key) ?? []), (delivery.event.payload as { round: number }).round]);
    }
    expect(rounds.size).toBe(60);
    for (const seen of rounds.values()) expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('holds back a record\'s later events while an earlier one is pending, and only that record\'s', async () => {
    let failFirst = true;
    const receiver = await startReceiver((delivery) => {
      if (delivery.event.externalId === 'r' && delivery.event.payload && (delivery.event.payload as { n: number }).n === 1 && failFirst) {
        failFirst = false;
        return 502;
      }
      return 200;
    });
    const [r1, r2, r3, s1, h1, h2] = await insertEvents([
      { externalId: 'r', payload: { n: 1 } },
      { externalId: 'r', payload: { n: 2 } },
      { externalId: 'r', payload: { n: 3 } },
      { externalId: 's', payload: { n: 1 } },
      { entity: null, externalId: null, kind: 'health', payload: { to: 'degraded' } },
      { entity: null, externalId: null, kind: 'health', payload: { to: 'healthy' } },
    ]);
    // Same record, same entity and id, but another connection: a different record.
    const [other] = await insertEvents([{ externalId: 'r', connectionId: OTHER_CONNECTION }]);
    const dispatcher = dispatcherFor(receiver);
    const seenInRound = async () => {
      const before = receiver.deliveries.length;
      const result = await dispatcher.dispatchOnce();
      return { result, ids: receiver.deliveries.slice(before).map((d) => d.eventId).sort() };
    };

    expect(await seenInRound()).toEqual({ result: { delivered: 3, retried: 1, dead: 0 }, ids: [r1, s1, h1, other].sort() });
    // r1 is backing off: r2 and r3 wait for it even though they are due.
    expect(await seenInRound()).toEqual({ result: { delivered: 1, retried: 0, dead: 0 }, ids: [h2] });
    expect(await seenInRound()).toEqual({ result: { delivered: 0, retried: 0, dead: 0 }, ids: [] });
    advance(500);
    expect(await seenInRound()).toEqual({ result: { delivered: 1, retried: 0, dead: 0 }, ids: [r1] });
    expect(await seenInRound()).toEqual({ result: { delivered: 1, retried: 0, dead: 0 }, ids: [r2] });
    expect(await seenInRound()).toEqual({ result: { delivered: 1, retried: 0, dead: 0 }, ids: [r3] });
  });

  it('a dead event stops holding back the later events of its record', async () => {
    const receiver = await startReceiver((delivery) => ((delivery.event.payload as { n: number }).n === 1 ? 500 : 200));
    const [first, second] = await insertEvents([{ payload: { n: 1 } }, { payload: { n: 2 } }]);
    const dispatcher = dispatcherFor(receiver, { maxAttempts: 1 });

    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, retried: 0, dead: 1 });
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(receiver.deliveries.map((d) => d.eventId)).toEqual([first, second]);
  });

  it('a receiver holding another secret refuses every delivery: the signature does not verify', async () => {
    const receiver = await startReceiver(() => 200, 'whsec_someone_else');
    const [id] = await insertEvents([{}]);
    const dispatcher = dispatcherFor(receiver);

    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, retried: 1, dead: 0 });
    expect(await rowOf(id!)).toMatchObject({ attempts: 1, delivered_at: null, last_error: 'HTTP 401: bad signature' });
    const [delivery] = receiver.deliveries;
    expect(delivery!.signatureValid).toBe(false);
    const header = String(delivery!.headers[SIGNATURE_HEADER]);
    // The same request checks out with the real secret, and fails once anything is changed.
    expect(verifySignature(SECRET, delivery!.body, header, { now })).toBe(true);
    expect(verifySignature(SECRET, delivery!.body.replace('ord_1', 'ord_2'), header, { now })).toBe(false);
    expect(verifySignature(SECRET, delivery!.body, header, { now: () => new Date(clockMs + 301_000) })).toBe(false);
  });

  it('timeouts, refused connections and echoing receivers fail with a short reason that never holds the secret', async () => {
    const receiver = await startReceiver((delivery) => {
      switch (delivery.event.externalId) {
        case 'hang':
          return { status: 200, hang: true };
        case 'echo':
          return { status: 500, body: `your secret is ${SECRET}, you sent ${JSON.stringify(delivery.headers)} ${'x'.repeat(5000)}` };
        default:
          return 200;
      }
    });
    const [hang, echo] = await insertEvents([{ externalId: 'hang' }, { externalId: 'echo' }]);
    const dispatcher = dispatcherFor(receiver, { timeoutMs: 300 });
    expect(await dispatcher.dispatchOnce()).toEqual({ delivered: 0, retried: 2, dead: 0 });
    expect((await rowOf(hang!)).last_error).toBe('timeout after 300 ms');
    const echoed = (await rowOf(echo!)).last_error!;
    expect(echoed).toMatch(/^HTTP 500: your secret is \[redacted\], you sent /);
    expect(echoed.length).toBeLessThanOrEqual('HTTP 500: '.length + 200);

    // A port nobody listens on.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const [refused] = await insertEvents([{ externalId: 'refused' }]);
    const unreachable = dispatcherFor({ url: `http://127.0.0.1:${port}/hooks` });
    expect(await unreachable.dispatchOnce()).toMatchObject({ retried: 1 });
    expect((await rowOf(refused!)).last_error).toBe('network error: ECONNREFUSED');

    const stored = await database.db.selectFrom('change_events').select(['last_error']).execute();
    expect(stored.length).toBe(3);
    for (const { last_error } of stored) expect(last_error ?? '').not.toContain(SECRET);
  });

  it('with connectionId, delivers, lists and replays only that connection\'s events', async () => {
    const receiver = await startReceiver(() => 500);
    const [mine, theirs] = await insertEvents([{ connectionId: CONNECTION }, { connectionId: OTHER_CONNECTION }]);
    const scoped = dispatcherFor(receiver, { connectionId: CONNECTION, maxAttempts: 1 });
    const everyone = dispatcherFor(receiver, { maxAttempts: 1 });

    expect(await scoped.dispatchOnce()).toEqual({ delivered: 0, retried: 0, dead: 1 });
    expect(receiver.deliveries.map((d) => d.eventId)).toEqual([mine]);
    expect(await everyone.dispatchOnce()).toEqual({ delivered: 0, retried: 0, dead: 1 });
    expect((await scoped.listDead()).map((e) => e.id)).toEqual([mine]);
    expect((await everyone.listDead()).map((e) => e.id)).toEqual([mine, theirs]);
    expect(await scoped.replayDead([theirs!])).toBe(0);
    expect(await scoped.replayDead('all')).toBe(1);
    expect((await everyone.listDead()).map((e) => e.id)).toEqual([theirs]);
  });

  it('start() polls until stop(), and stop() waits for the round in flight', async () => {
    const receiver = await startReceiver(() => ({ status: 200, delayMs: 300 }));
    const dispatcher = dispatcherFor(receiver);
    dispatcher.start(20);
    dispatcher.start(20); // a second start is a no-op, not a second loop
    await sleep(60);
    const [id] = await insertEvents([{}]);
    for (let i = 0; i < 100 && receiver.deliveries.length === 0; i++) await sleep(10);
    expect(receiver.deliveries.map((d) => d.eventId)).toEqual([id]);

    // The receiver is still answering: stop() must wait for the outcome to be stored.
    await dispatcher.stop();
    expect((await rowOf(id!)).delivered_at).toEqual(now());

    const [late] = await insertEvents([{ externalId: 'late' }]);
    await sleep(150);
    expect(receiver.deliveries).toHaveLength(1);
    expect((await rowOf(late!)).delivered_at).toBeNull();

    // Failed rounds are reported and the loop goes on (even past a throwing handler); a
    // stopped dispatcher can be started again.
    const errors: unknown[] = [];
    const broken = dispatcherFor(receiver, {
      database: { db: database.db.withSchema('no_such_schema') },
      onError: (error) => {
        errors.push(error);
        throw new Error('a faulty error handler');
      },
    });
    broken.start(10);
    for (let i = 0; i < 100 && errors.length < 2; i++) await sleep(10);
    await broken.stop();
    expect(errors.length).toBeGreaterThanOrEqual(2);
    dispatcher.start(10);
    for (let i = 0; i < 100 && receiver.deliveries.length < 2; i++) await sleep(10);
    await dispatcher.stop();
    expect((await rowOf(late!)).delivered_at).toEqual(now());
  });

  it('a dispatcher that stalls keeps its events only until its lease ends, and its late answer is ignored', async () => {
    const receiver = await startReceiver();
    const [id] = await insertEvents([{}]);
    // A transport that never answers (and ignores its deadline), until told to.
    let release: (response: TransportResponse) => void = () => {};
    let called = false;
    const stalled: Transport = () => {
      called = true;
      return new Promise((resolve) => {
        release = resolve;
      });
    };
    // Lease = timeoutMs x ceil(batchSize / concurrency) + 60 s = 61 s.
    const options = { timeoutMs: 1000, batchSize: 10, concurrency: 10 };
    const stuck = dispatcherFor(receiver, { ...options, transport: stalled });
    const healthy = dispatcherFor(receiver, options);

    const stuckRound = stuck.dispatchOnce();
    for (let i = 0; i < 100 && !called; i++) await sleep(5);
    expect(called).toBe(true);
    expect(await healthy.dispatchOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    advance(60_000);
    expect(await healthy.dispatchOnce()).toEqual({ delivered: 0, retried: 0, dead: 0 });
    advance(1_001);
    expect(await healthy.dispatchOnce()).toEqual({ delivered: 1, retried: 0, dead: 0 });
    const deliveredAt = now();

    advance(5_000);
    release({ status: 200, headers: {}, body: (async function* () {})() });
    expect(await stuckRound).toEqual({ delivered: 0, retried: 0, dead: 0 });
    expect(await rowOf(id!)).toMatchObject({ delivered_at: deliveredAt, attempts: 0 });
    expect(receiver.acceptedCount(id!)).toBe(1);
  });
});
