import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireExportSlot,
  beginExportAttempt,
  getExportLink,
  linkExport,
  listExportLinks,
  markCreateSent,
  readSyncedRecord,
  recordExportFailure,
  recordExportSuccess,
  releaseExportSlot,
  renewExportSlot,
  requestExport,
  writeRecords,
  type ExportLinkKey,
} from '../src/index.js';
import { codeOf } from './code-of.js';
import { insertConnection } from './insert-connection.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

let testDatabase: TestDatabase;
let connectionId: string;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  connectionId = await insertConnection(testDatabase.database);
});
afterAll(() => testDatabase.drop());

const db = () => testDatabase.database.db;
const keyOf = (localKey: string): ExportLinkKey => ({ connectionId, entity: 'customers', localKey });
const error = { code: 'TIMEOUT', action: 'retry', message: 'no answer', at: '2026-01-01T00:00:00.000Z' };

describe('export links', () => {
  it('numbers each requested export of a record', async () => {
    const key = keyOf('seq-1');
    expect(await requestExport(db(), key)).toBe(1);
    expect(await requestExport(db(), key)).toBe(2);
    expect(await getExportLink(db(), key)).toMatchObject({ state: 'pending', requestedSeq: 2 });
  });

  it('a retry of the same content gets the same idempotency key and body; new content a new key', async () => {
    const key = keyOf('attempt-1');
    const first = await beginExportAttempt(db(), key, { hash: 'h1', body: { email: 'a@example.test' } });
    expect(first.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    const retry = await beginExportAttempt(db(), key, { hash: 'h1', body: { ignored: true } });
    expect(retry).toMatchObject({ idempotencyKey: first.idempotencyKey, attemptBody: { email: 'a@example.test' } });
    const changed = await beginExportAttempt(db(), key, { hash: 'h2', body: { email: 'b@example.test' } });
    expect(changed.idempotencyKey).not.toBe(first.idempotencyKey);
    expect(changed.attemptBody).toEqual({ email: 'b@example.test' });
  });

  it('keeps the attempt of a create whose outcome is unknown, even for new content', async () => {
    const key = keyOf('lost-create');
    const first = await beginExportAttempt(db(), key, { hash: 'h1', body: { n: 1 } });
    await markCreateSent(db(), key);
    await recordExportFailure(db(), key, { state: 'failed', error });
    const retry = await beginExportAttempt(db(), key, { hash: 'h2', body: { n: 2 } });
    expect(retry).toMatchObject({ idempotencyKey: first.idempotencyKey, attemptBody: { n: 1 }, state: 'pending' });
    expect(retry.createSentAt).toBeInstanceOf(Date);
  });

  it('a success links the external id and ends the attempt; a second local key cannot take that id', async () => {
    const key = keyOf('ok-1');
    await beginExportAttempt(db(), key, { hash: 'h1', body: {} });
    await markCreateSent(db(), key);
    const remoteUpdatedAt = new Date('2026-02-01T00:00:00Z');
    const link = await recordExportSuccess(db(), key, { externalId: 'rec_1', state: 'created', exportedHash: 'h1', remoteUpdatedAt, remoteHash: 'r1' });
    expect(link).toMatchObject({ externalId: 'rec_1', state: 'created', exportedHash: 'h1', remoteUpdatedAt, remoteHash: 'r1' });
    expect(link.idempotencyKey).toBeUndefined();
    expect(link.createSentAt).toBeUndefined();
    const other = keyOf('ok-2');
    await beginExportAttempt(db(), other, { hash: 'h9', body: {} });
    expect(await codeOf(recordExportSuccess(db(), other, { externalId: 'rec_1', state: 'created', exportedHash: 'h9' }))).toBe('CONFLICT');
  });

  it('lists conflicts, and links by hand', async () => {
    const key = keyOf('conflicted');
    await recordExportFailure(db(), key, { state: 'conflict', error: { ...error, code: 'CONFLICT' } });
    const conflicts = await listExportLinks(db(), { connectionId, states: ['conflict'] });
    expect(conflicts.map((link) => link.localKey)).toEqual(['conflicted']);
    expect(conflicts[0]!.lastError).toMatchObject({ code: 'CONFLICT' });
    expect(await linkExport(db(), key, 'rec_77')).toMatchObject({ externalId: 'rec_77' });
  });

  it('reads the synced copy of a record', async () => {
    const remoteUpdatedAt = new Date('2026-03-01T00:00:00Z');
    await writeRecords(db(), { connectionId, entity: 'customers', records: [{ externalId: 'rec_5', data: { id: 'rec_5' }, remoteUpdatedAt }] });
    expect(await readSyncedRecord(db(), { connectionId, entity: 'customers', externalId: 'rec_5' })).toMatchObject({ data: { id: 'rec_5' }, remoteUpdatedAt, deleted: false });
    expect(await readSyncedRecord(db(), { connectionId, entity: 'customers', externalId: 'nope' })).toBeUndefined();
  });
});

describe('export slots', () => {
  it('hands out at most `limit` slots at once, also to racing callers, and frees them on release', async () => {
    const limit = 3;
    const holders = Array.from({ length: 10 }, () => randomUUID());
    const slots = await Promise.all(holders.map((holder) => acquireExportSlot(db(), { connectionId, limit, holder, leaseMs: 60_000 })));
    const taken = slots.filter((slot) => slot !== undefined);
    expect(taken.sort()).toEqual([0, 1, 2]);
    const index = slots.findIndex((slot) => slot !== undefined);
    await releaseExportSlot(db(), { connectionId, slot: slots[index]!, holder: holders[index]! });
    expect(await acquireExportSlot(db(), { connectionId, limit, holder: randomUUID(), leaseMs: 60_000 })).toBe(slots[index]);
    expect(await acquireExportSlot(db(), { connectionId, limit, holder: randomUUID(), leaseMs: 60_000 })).toBeUndefined();
    await db().deleteFrom('export_slots').where('connection_id', '=', connectionId).execute();
  });

  it('a lease that ran out (its holder crashed) is taken over, and its holder can no longer renew it', async () => {
    const crashed = randomUUID();
    const slot = await acquireExportSlot(db(), { connectionId, limit: 1, holder: crashed, leaseMs: 60_000 });
    expect(slot).toBe(0);
    await db().updateTable('export_slots').set({ expires_at: sql<Date>`now() - interval '1 second'` }).where('connection_id', '=', connectionId).execute();
    const next = randomUUID();
    expect(await acquireExportSlot(db(), { connectionId, limit: 1, holder: next, leaseMs: 60_000 })).toBe(0);
    expect(await renewExportSlot(db(), { connectionId, slot: 0, holder: crashed }, 60_000)).toBe(false);
    expect(await renewExportSlot(db(), { connectionId, slot: 0, holder: next }, 60_000)).toBe(true);
    await db().deleteFrom('export_slots').where('connection_id', '=', connectionId).execute();
  });
});
