import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { defineConnector, defineEntity, toMinorUnits, type Connector, type Variant } from '@portage/core';
import { createFetchClient, createLogger } from '@portage/fetch';
import { contentHash, createConnectionStore, createCredentialCipher, createDatabase, migrateToLatest, type PortageDatabase } from '@portage/persist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSyncJob, type SyncContext } from '../src/index.js';

// One catalogue, served in the two shapes platforms use: variants nested in their product,
// or products and variants from endpoints of their own.
interface RawVariant {
  id: string;
  product_id?: string;
  sku: string;
  price: string;
}
interface RawProduct {
  id: string;
  name: string;
  variants?: RawVariant[];
}
const CATALOGUE: RawProduct[] = Array.from({ length: 7 }, (_, p) => ({
  id: `p${p}`,
  name: `Product ${p}`,
  variants: Array.from({ length: 3 }, (_, v) => ({ id: `p${p}-v${v}`, sku: `SKU-${p}-${v}`, price: `${10 + v}.${p}9` })),
}));

function serve(path: string): unknown {
  if (path === '/nested/products') return { data: CATALOGUE };
  if (path === '/flat/products') return { data: CATALOGUE.map(({ variants: _v, ...product }) => product) };
  if (path === '/flat/variants') return { data: CATALOGUE.flatMap((p) => p.variants!.map((v) => ({ ...v, product_id: p.id }))) };
  return undefined;
}

// The one mapper both shapes share: nested variants take their product id from the parent.
const toVariant = (raw: RawVariant, parent?: RawProduct): Variant => ({
  id: raw.id,
  productId: raw.product_id ?? parent!.id,
  sku: raw.sku,
  price: toMinorUnits(raw.price, 'USD'),
});
const toProduct = (raw: RawProduct) => ({ id: raw.id, title: raw.name, status: 'active' as const });
const list = { recordsPath: 'data', pagination: { type: 'none' as const }, primaryKey: 'id' };

const nested = defineConnector({
  name: 'nested-shop',
  baseUrl: 'http://127.0.0.1',
  auth: { type: 'none' },
  entities: {
    products: defineEntity<RawProduct, 'Product'>({
      unified: 'Product',
      request: { path: '/nested/products' },
      ...list,
      map: toProduct,
      children: [{ entity: 'variants', unified: 'Variant', path: 'variants', primaryKey: 'id', map: toVariant }],
    }),
  },
});
const flat = defineConnector({
  name: 'flat-shop',
  baseUrl: 'http://127.0.0.1',
  auth: { type: 'none' },
  entities: {
    products: defineEntity<RawProduct, 'Product'>({ unified: 'Product', request: { path: '/flat/products' }, ...list, map: toProduct }),
    variants: defineEntity<RawVariant, 'Variant'>({ unified: 'Variant', request: { path: '/flat/variants' }, ...list, map: (raw) => toVariant(raw) }),
  },
});

let server: Server;
let database: PortageDatabase;
let context: SyncContext;
let connections: ReturnType<typeof createConnectionStore>;
const schema = `portage_stitch_${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = serve(req.url ?? '');
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  database = createDatabase({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', schema });
  await migrateToLatest(database);
  connections = createConnectionStore(database, createCredentialCipher(randomBytes(32).toString('base64')));
  const connectors: Record<string, Connector> = { 'nested-shop': { ...nested, baseUrl: url }, 'flat-shop': { ...flat, baseUrl: url } };
  const logger = createLogger({ level: 'silent' });
  context = {
    database,
    connectors,
    getConnection: (id) => connections.get(id),
    clientFor: async (_connection, connector) => createFetchClient({ baseUrl: connector.baseUrl, logger }),
    logger,
  };
});

afterAll(async () => {
  await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
  await database.destroy();
  await new Promise((resolve) => server.close(resolve));
});

async function variantRows(connectionId: string) {
  return database.db.selectFrom('records').select(['external_id', 'data', 'content_hash']).where('connection_id', '=', connectionId).where('entity', '=', 'variants').orderBy('external_id').execute();
}

describe('stitching', () => {
  it('variants nested in products and variants from their own endpoint give identical rows', async () => {
    const a = (await connections.create({ platform: 'nested-shop', tenant: 't', credentials: { type: 'none' } })).id;
    const b = (await connections.create({ platform: 'flat-shop', tenant: 't', credentials: { type: 'none' } })).id;

    const nestedRun = await runSyncJob(context, { connectionId: a, entity: 'products', kind: 'full' });
    await runSyncJob(context, { connectionId: b, entity: 'products', kind: 'full' });
    await runSyncJob(context, { connectionId: b, entity: 'variants', kind: 'full' });

    const [fromNested, fromOwnEndpoint] = [await variantRows(a), await variantRows(b)];
    expect(fromNested).toHaveLength(21);
    expect(fromNested).toEqual(fromOwnEndpoint);
    expect(fromNested[0]!.content_hash).toBe(contentHash(toVariant(CATALOGUE[0]!.variants![0]!, CATALOGUE[0])));
    const counts = await database.db.selectFrom('sync_run_entities').selectAll().where('run_id', '=', nestedRun.runId).orderBy('entity').execute();
    expect(counts.map((c) => [c.entity, c.created])).toEqual([
      ['products', 7],
      ['variants', 21],
    ]);
  });
});
