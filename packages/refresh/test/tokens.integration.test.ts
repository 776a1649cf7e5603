import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isPortageError, type AuthConfig, type Credentials } from '@portage/core';
import { createUndiciTransport } from '@portage/fetch';
import {
  createConnectionStore,
  createCredentialCipher,
  createDatabase,
  migrateToLatest,
  type ConnectionStore,
  type PortageDatabase,
} from '@portage/persist';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPersistedTokenProvider, type PersistedTokenProviderOptions } from '../src/tokens/index.js';

const KEY = randomBytes(32).toString('base64');
const CLIENT_SECRET = 'cs_client_secret_value_1';
const REFRESH_TOKEN = 'rt_original_refresh_1';
const HOUR = 3_600_000;
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// A schema of this file's own, so test files running in parallel do not see each other's rows.
const SCHEMA = `portage_tokens_${randomBytes(4).toString('hex')}`;

type Answer = { status: number; body: unknown };

/** A loopback token endpoint answering from a script (the last answer repeats) and counting requests. */
interface TokenEndpoint {
  url: string;
  requests: { body: string }[];
  answer(...answers: Answer[]): void;
  /** Delay before each answer, so concurrent callers really overlap. */
  delayMs: number;
}

const granted = (accessToken: string, refreshToken?: string): Answer => ({
  status: 200,
  body: { access_token: accessToken, token_type: 'Bearer', expires_in: 3600, ...(refreshToken ? { refresh_token: refreshToken } : {}) },
});

let server: Server;
let endpoint: TokenEndpoint;
const transport = createUndiciTransport();
let database: PortageDatabase;
let store: ConnectionStore;
// A second worker: its own pool on the same schema, its own store with the same key.
let otherDatabase: PortageDatabase;
let otherStore: ConnectionStore;

beforeAll(async () => {
  database = createDatabase({ connectionString: DATABASE_URL, schema: SCHEMA, maxConnections: 5 });
  await migrateToLatest(database);
  store = createConnectionStore(database, createCredentialCipher(KEY));
  otherDatabase = createDatabase({ connectionString: DATABASE_URL, schema: SCHEMA, maxConnections: 5 });
  otherStore = createConnectionStore(otherDatabase, createCredentialCipher(KEY));

  let script: Answer[] = [];
  const requests: { body: string }[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ body });
      const answer = script[Math.min(requests.length - 1, script.length - 1)] ?? { status: 500, body: {} };
      setTimeout(() => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      }, endpoint.delayMs);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  endpoint = {
    url: `http://127.0.0.1:${port}/oauth/token`,
    requests,
    delayMs: 0,
    answer(...answers) {
      script = answers;
    },
  };
});

afterAll(async () => {
  server.close();
  await transport.close();
  await otherDatabase.destroy();
  await sql`drop schema if exists ${sql.id(SCHEMA)} cascade`.execute(database.db);
  await database.destroy();
});

beforeEach(() => {
  endpoint.requests.length = 0;
  endpoint.delayMs = 0;
  endpoint.answer(granted('at_unexpected'));
});

const config = (): Extract<AuthConfig, { type: 'oauth2' }> => ({ type: 'oauth2', grant: 'refresh_token', tokenUrl: endpoint.url });

async function connectionWith(extra: Partial<Extract<Credentials, { type: 'oauth2' }>> = {}): Promise<string> {
  const connection = await store.create({
    platform: 'xero',
    tenant: 'acme',
    credentials: { type: 'oauth2', clientId: 'client-1', clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN, ...extra },
  });
  return connection.id;
}

function providerFor(connectionId: string, overrides: Partial<PersistedTokenProviderOptions> = {}) {
  return createPersistedTokenProvider({ database, connections: store, connectionId, config: config(), transport, ...overrides });
}

async function rawCredentials(connectionId: string): Promise<string> {
  const result = await sql<{ credentials: string }>`
    select credentials from ${sql.id(SCHEMA, 'connections')} where id = ${connectionId}`.execute(database.db);
  return result.rows[0]?.credentials ?? '';
}

async function healthEvents(connectionId: string) {
  return database.db.selectFrom('change_events').select(['kind', 'payload']).where('connection_id', '=', connectionId).where('kind', '=', 'health').execute();
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('createPersistedTokenProvider', () => {
  it('two workers refreshing an expired token at once make one token request and share its result', async () => {
    const id = await connectionWith({ accessToken: 'at_expired', expiresAt: Date.now() - 1000 });
    endpoint.answer(granted('at_new_1', 'rt_rotated_2'));
    endpoint.delayMs = 150;
    const first = providerFor(id);
    const second = createPersistedTokenProvider({ database: otherDatabase, connections: otherStore, connectionId: id, config: config(), transport });

    const tokens = await Promise.all([first.getToken(), second.getToken(), first.getToken(), second.getToken()]);

    expect(tokens).toEqual(['at_new_1', 'at_new_1', 'at_new_1', 'at_new_1']);
    expect(endpoint.requests).toHaveLength(1);
    expect(Object.fromEntries(new URLSearchParams(endpoint.requests[0]!.body))).toEqual({ grant_type: 'refresh_token', refresh_token: REFRESH_TOKEN });
    const stored = await store.credentials(id);
    expect(stored).toEqual({
      type: 'oauth2',
      clientId: 'client-1',
      clientSecret: CLIENT_SECRET,
      refreshToken: 'rt_rotated_2',
      accessToken: 'at_new_1',
      expiresAt: expect.any(Number),
    });
    expect((stored as { expiresAt: number }).expiresAt).toBeGreaterThan(Date.now() + HOUR - 60_000);
    const raw = await rawCredentials(id);
    expect(raw).toMatch(/^v1\.[0-9a-f]{8}\./);
    for (const value of ['at_new_1', 'rt_rotated_2', CLIENT_SECRET, 'accessToken']) expect(raw).not.toContain(value);
  });

  it('uses a valid stored token without a token request, and caches it', async () => {
    const id = await connectionWith({ accessToken: 'at_stored_1', expiresAt: Date.now() + HOUR });
    const provider = providerFor(id);
    expect(await provider.getToken()).toBe('at_stored_1');
    await store.updateCredentials(id, { type: 'oauth2', clientId: 'client-1', clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN, accessToken: 'at_changed', expiresAt: Date.now() + HOUR });
    expect(await provider.getToken()).toBe('at_stored_1');
    expect(endpoint.requests).toHaveLength(0);
  });

  it('reads the store again when its cache runs out: another worker may have refreshed', async () => {
    let now = Date.now();
    const id = await connectionWith({ accessToken: 'at_stored_1', expiresAt: now + 10 * 60_000 });
    const provider = providerFor(id, { now: () => now });
    expect(await provider.getToken()).toBe('at_stored_1');
    // Another worker refreshed and stored a newer token.
    await store.updateCredentials(id, { type: 'oauth2', clientId: 'client-1', clientSecret: CLIENT_SECRET, refreshToken: 'rt_2', accessToken: 'at_other_worker', expiresAt: now + HOUR });
    now += 9.5 * 60_000;
    expect(await provider.getToken()).toBe('at_other_worker');
    expect(endpoint.requests).toHaveLength(0);
  });

  it('refreshes inside the skew before expiry', async () => {
    const id = await connectionWith({ accessToken: 'at_stored_1', expiresAt: Date.now() + 30_000 });
    endpoint.answer(granted('at_new_2'));
    expect(await providerFor(id).getToken()).toBe('at_new_2');
    expect(endpoint.requests).toHaveLength(1);
    // No refresh token in the answer: the stored one is kept.
    expect(await store.credentials(id)).toMatchObject({ accessToken: 'at_new_2', refreshToken: REFRESH_TOKEN });
  });

  it('concurrent calls in one process share one refresh', async () => {
    const id = await connectionWith();
    endpoint.answer(granted('at_shared'));
    endpoint.delayMs = 50;
    const provider = providerFor(id);
    const tokens = await Promise.all(Array.from({ length: 5 }, () => provider.getToken()));
    expect(new Set(tokens)).toEqual(new Set(['at_shared']));
    expect(endpoint.requests).toHaveLength(1);
  });

  it('after invalidate, the next call refreshes although the stored expiry says valid', async () => {
    const id = await connectionWith({ accessToken: 'at_stored_1', expiresAt: Date.now() + HOUR });
    endpoint.answer(granted('at_after_401', 'rt_after_401'));
    const provider = providerFor(id);
    const token = await provider.getToken();
    provider.invalidate(token);
    expect(await provider.getToken()).toBe('at_after_401');
    expect(endpoint.requests).toHaveLength(1);
    expect(await store.credentials(id)).toMatchObject({ accessToken: 'at_after_401', refreshToken: 'rt_after_401' });
  });

  it('a late invalidate of an older token keeps the current one', async () => {
    const id = await connectionWith({ accessToken: 'at_stored_1', expiresAt: Date.now() + HOUR });
    const provider = providerFor(id);
    await provider.getToken();
    provider.invalidate('at_some_older_token');
    expect(await provider.getToken()).toBe('at_stored_1');
    expect(endpoint.requests).toHaveLength(0);
  });

  it("a worker whose token was rejected takes another worker's refresh instead of refreshing again", async () => {
    const id = await connectionWith({ accessToken: 'at_stored_1', expiresAt: Date.now() + HOUR });
    endpoint.answer(granted('at_fresh', 'rt_fresh'));
    const first = providerFor(id);
    const second = createPersistedTokenProvider({ database: otherDatabase, connections: otherStore, connectionId: id, config: config(), transport });
    expect(await first.getToken()).toBe('at_stored_1');
    expect(await second.getToken()).toBe('at_stored_1');
    first.invalidate('at_stored_1');
    expect(await first.getToken()).toBe('at_fresh');
    second.invalidate('at_stored_1');
    expect(await second.getToken()).toBe('at_fresh');
    expect(endpoint.requests).toHaveLength(1);
  });

  it('invalid_grant -> AUTH_INVALID, health needs_reauth and one health change event', async () => {
    const id = await connectionWith({ accessToken: 'at_expired', expiresAt: Date.now() - 1000 });
    endpoint.answer({ status: 400, body: { error: 'invalid_grant', error_description: `refresh token ${REFRESH_TOKEN} was revoked` } });
    const provider = providerFor(id);

    const error = await errorOf(provider.getToken());
    expect(isPortageError(error) && error.code).toBe('AUTH_INVALID');
    expect(isPortageError(error) && error.context.platformCode).toBe('invalid_grant');
    const shown = `${String(error)} ${JSON.stringify(error)}`;
    for (const secret of [REFRESH_TOKEN, CLIENT_SECRET]) expect(shown).not.toContain(secret);

    const connection = await store.get(id);
    expect(connection.health).toBe('needs_reauth');
    expect(connection.healthReason).toContain('invalid_grant');
    expect(connection.healthReason).not.toContain(REFRESH_TOKEN);
    const events = await healthEvents(id);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ from: 'healthy', to: 'needs_reauth' });

    // The refused grant is not sent again, and no second event is written.
    const again = await errorOf(provider.getToken());
    expect(isPortageError(again) && again.code).toBe('AUTH_INVALID');
    expect(endpoint.requests).toHaveLength(1);
    expect(await healthEvents(id)).toHaveLength(1);
    expect(await store.credentials(id)).toMatchObject({ refreshToken: REFRESH_TOKEN, accessToken: 'at_expired' });
  });

  it('tries again once the customer reconnected with new credentials', async () => {
    const id = await connectionWith();
    endpoint.answer({ status: 400, body: { error: 'invalid_grant' } }, granted('at_reconnected'));
    const provider = providerFor(id);
    await errorOf(provider.getToken());
    await store.updateCredentials(id, { type: 'oauth2', clientId: 'client-1', clientSecret: CLIENT_SECRET, refreshToken: 'rt_reconnected' });
    expect(await provider.getToken()).toBe('at_reconnected');
    expect(endpoint.requests).toHaveLength(2);
  });

  it('keeps using a token that has not expired when the token endpoint is down', async () => {
    const id = await connectionWith({ accessToken: 'at_inside_skew', expiresAt: Date.now() + 30_000 });
    endpoint.answer({ status: 503, body: { error: 'temporarily_unavailable' } });
    expect(await providerFor(id).getToken()).toBe('at_inside_skew');
    expect(endpoint.requests).toHaveLength(1);
    expect((await store.get(id)).health).toBe('healthy');
  });

  it('fails with the endpoint error when no usable token is left', async () => {
    const id = await connectionWith({ accessToken: 'at_expired', expiresAt: Date.now() - 1000 });
    endpoint.answer({ status: 503, body: {} });
    const error = await errorOf(providerFor(id).getToken());
    expect(isPortageError(error) && error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect((await store.get(id)).health).toBe('healthy');
  });

  it('stores tokens whose first save failed before asking for new ones (the old refresh token may be retired)', async () => {
    const id = await connectionWith();
    endpoint.answer(granted('at_rotated', 'rt_rotated'), granted('at_should_not_be_asked'));
    let failSave = true;
    const flaky: ConnectionStore = {
      ...store,
      updateCredentials: (connectionId, credentials) => {
        if (failSave) {
          failSave = false;
          return Promise.reject(new Error('connection terminated'));
        }
        return store.updateCredentials(connectionId, credentials);
      },
    };
    const provider = providerFor(id, { connections: flaky });
    expect(String(await errorOf(provider.getToken()))).toContain('connection terminated');
    expect(provider.secrets?.()).toContain('rt_rotated');
    expect(await provider.getToken()).toBe('at_rotated');
    expect(endpoint.requests).toHaveLength(1);
    expect(await store.credentials(id)).toMatchObject({ accessToken: 'at_rotated', refreshToken: 'rt_rotated' });
  });

  it('secrets() holds the client secret and the current tokens', async () => {
    const id = await connectionWith();
    endpoint.answer(granted('at_secret_1', 'rt_secret_2'));
    const provider = providerFor(id);
    await provider.getToken();
    expect(provider.secrets?.().sort()).toEqual([CLIENT_SECRET, 'at_secret_1', 'rt_secret_2'].sort());
  });

  it('credentials of another auth type -> CONFIG_INVALID without values', async () => {
    const connection = await store.create({ platform: 'xero', tenant: 'acme', credentials: { type: 'bearer', token: 'tok_secret_9' } });
    const error = await errorOf(providerFor(connection.id).getToken());
    expect(isPortageError(error) && error.code).toBe('CONFIG_INVALID');
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain('tok_secret_9');
  });

  it('an aborted caller stops waiting while the shared refresh completes', async () => {
    const id = await connectionWith();
    endpoint.answer(granted('at_after_abort'));
    endpoint.delayMs = 100;
    const provider = providerFor(id);
    const controller = new AbortController();
    const aborted = provider.getToken(controller.signal);
    const patient = provider.getToken();
    controller.abort(new Error('caller gave up'));
    expect(String(await errorOf(aborted))).toContain('caller gave up');
    expect(await patient).toBe('at_after_abort');
    expect(endpoint.requests).toHaveLength(1);
  });
});
