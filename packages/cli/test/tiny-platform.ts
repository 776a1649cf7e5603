import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineConnector, defineEntity, type Connector } from '@portage/core';

/** A customer as the tiny platform serves it. */
export interface TinyCustomer {
  id: number;
  name: string;
  email: string;
}

/** A product as the tiny platform serves it. */
export interface TinyProduct {
  sku: string;
  title: string;
}

/**
 * A platform small enough to read at a glance, on loopback: customers and products, paged by
 * page number, behind an API key header. Tests change `customers` and `products` in place.
 */
export interface TinyPlatform {
  url: string;
  apiKey: string;
  connector: Connector;
  customers: TinyCustomer[];
  products: TinyProduct[];
  /** Requests served, by path. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

const PAGE_SIZE = 100;

function page<T>(records: readonly T[], url: URL): { data: T[]; total_pages: number } {
  const number = Number(url.searchParams.get('page') ?? '1');
  const size = Number(url.searchParams.get('per_page') ?? PAGE_SIZE);
  return { data: records.slice((number - 1) * size, number * size), total_pages: Math.max(1, Math.ceil(records.length / size)) };
}

/**
 * The tiny platform's connector, pointed at `baseUrl`.
 *
 * @example const connector = createTinyConnector('http://127.0.0.1:4000');
 */
export function createTinyConnector(baseUrl: string): Connector {
  const paging = {
    type: 'page' as const,
    page: { in: 'query' as const, name: 'page' },
    size: { in: 'query' as const, name: 'per_page' },
    pageSize: PAGE_SIZE,
    stop: { totalPagesPath: 'total_pages' },
  };
  return defineConnector({
    name: 'tiny',
    baseUrl,
    auth: { type: 'api_key', in: 'header', name: 'X-Api-Key' },
    errors: { messagePath: 'error.message', rules: [] },
    entities: {
      customers: defineEntity<TinyCustomer, 'Customer'>({
        unified: 'Customer',
        request: { path: '/customers' },
        recordsPath: 'data',
        pagination: paging,
        primaryKey: 'id',
        map: (raw) => ({ id: String(raw.id), firstName: raw.name, email: raw.email }),
      }),
      products: defineEntity<TinyProduct, 'Product'>({
        unified: 'Product',
        request: { path: '/products' },
        recordsPath: 'data',
        pagination: paging,
        primaryKey: 'sku',
        map: (raw) => ({ id: raw.sku, title: raw.title, status: 'active' }),
      }),
    },
  });
}

/**
 * Starts the tiny platform with `customerCount` customers and 3 products.
 *
 * @example const platform = await startTinyPlatform(250); platform.connector.name; // 'tiny'
 */
export async function startTinyPlatform(customerCount: number): Promise<TinyPlatform> {
  const apiKey = 'tiny-key-not-a-secret';
  const customers: TinyCustomer[] = Array.from({ length: customerCount }, (_, index) => ({ id: index + 1, name: `Customer ${index + 1}`, email: `c${index + 1}@tiny.test` }));
  const products: TinyProduct[] = ['mug', 'cap', 'tee'].map((sku) => ({ sku, title: sku.toUpperCase() }));
  const requests = new Map<string, number>();

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.set(url.pathname, (requests.get(url.pathname) ?? 0) + 1);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.headers['x-api-key'] !== apiKey) return send(401, { error: { message: 'unknown API key' } });
    if (url.pathname === '/customers') return send(200, page(customers, url));
    if (url.pathname === '/products') return send(200, page(products, url));
    return send(404, { error: { message: 'no such endpoint' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const connector = createTinyConnector(baseUrl);

  return {
    url: baseUrl,
    apiKey,
    connector,
    customers,
    products,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
