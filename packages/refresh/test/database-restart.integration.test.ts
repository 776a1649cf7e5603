import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineConnector, defineEntity, type Connector } from '@portage/core';
import { createFetchClient, createLogger } from '@portage/fetch';
import { createConnectionStore, createCredentialCipher, createDatabase, migrateToLatest, saveCheckpoint, writeRecords, type PortageDatabase } from '@portage/persist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSyncJob, type SyncContext } from '../src/index.js';

// Three pages of two customers, read with a page-number paginator.
const PAGES = [['a', 'b'], ['c', 'd'], ['e']];
const customers = defineEntity<{ id: string }, 'Customer'>({
  unified: 'Customer',
  request: { path: '/customers' },
  recordsPath: 'data',
  pagination: { type: 'page', page: { in: 'query', name: 'page' } },
  primaryKey: 'id',
  map: (raw) => ({ id: raw.id }),
});
const shop = defineConnector({ name: 'restart-shop', baseUrl: 'http://127.0.0.1', auth: { type: 'none' }, entities: { customers } });

let server: Server;
let database: PortageDatabase;
let context: SyncContext;
let connections: ReturnType<typeof createConnectionStore>;
const requestedPages: string[] = [];
const schema = `portage_restart_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const page = new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? '1';
    requestedPages.push(page);
    const ids = PAGES[Number(page) - 1] ?? [];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: ids.map((id) => ({ id })) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = createDatabase({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', schema });
  await migrateToLatest(database);
  connections = createConnectionStore(database, createCredentialCipher(randomBytes(32).toString('base64')));
  const connectors: Record<string, Connector> = { 'restart-shop': { ...shop, baseUrl: url } };
  const logger = createLogger({ level: 'silent' });
  context = { database, connectors, getConnection: (id) => connections.get(id), clientFor: async (_c, connector) => createFetchClient({ baseUrl: connector.baseUrl, logger }), logger };
});

afterAll(async () => {
  await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
  await database.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('a full pass interrupted by a database restart', () => {
  it('starts over instead of sweeping with a seen-set the restart may have emptied', async () => {
    const connectionId = (await connections.create({ platform: 'restart-shop', tenant: 't', credentials: { type: 'none' } })).id;
    // Stored before the pass: a, b (unchanged, so a pass keeps them only in sync_seen) and z.
    await writeRecords(database.db, { connectionId, entity: 'customers', records: ['a', 'b', 'z'].map((id) => ({ externalId: id, data: { id } })) });
    // An earlier attempt read page 1 and checkpointed page 2, on a server that has since restarted,
    // and the restart emptied sync_seen: the attempt's seen ids for a and b are gone.
    const key = { connectionId, entity: 'customers', windowKey: 'full' };
    const page = { request: { method: 'GET', url: '/customers', query: { page: '2' }, headers: {} }, pageIndex: 1, recordsSoFar: 2 };
    const state = { page, startedAt: new Date().toISOString(), bootedAt: '2000-01-01T00:00:00.000Z' };
    await saveCheckpoint(database.db, key, { state, passId: randomUUID() });
    requestedPages.length = 0;

    const result = await runSyncJob(context, { connectionId, entity: 'customers', kind: 'full' });

    // From the first page again (the paginator stops at the empty fourth).
    expect(requestedPages).toEqual(['1', '2', '3', '4']);
    expect(result).toMatchObject({ created: 3, unchanged: 2, deleted: 1 });
    const live = await database.db.selectFrom('records').select('external_id').where('connection_id', '=', connectionId).where('deleted_at', 'is', null).orderBy('external_id').execute();
    expect(live.map((row) => row.external_id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
