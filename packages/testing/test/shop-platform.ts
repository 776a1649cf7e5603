import { randomBytes } from 'node:crypto';
import { createFetchClient, createLogger, type FetchClient, type Transport } from '@portage/fetch';
import { sendJson, startLoopbackServer, type LoopbackServer } from './loopback-server.js';

/** Secrets of one test run, built at runtime so no secret-shaped literal sits in the sources. */
export interface ShopSecrets {
  bearer: string;
  apiKey: string;
  clientSecret: string;
  refreshToken: string;
  stripeStyleKey: string;
  jwt: string;
  sessionCookie: string;
  fingerprint: string;
  accessToken: string;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function makeSecrets(): ShopSecrets {
  const hex = (n: number) => randomBytes(n).toString('hex');
  return {
    bearer: `tok${hex(16)}`,
    apiKey: `ak${hex(12)}`,
    clientSecret: `cs${hex(12)}`,
    refreshToken: `rt${hex(12)}`,
    stripeStyleKey: ['sk', 'test', hex(12)].join('_'),
    jwt: [b64url({ alg: 'HS256' }), b64url({ sub: hex(4) }), randomBytes(16).toString('base64url')].join('.'),
    sessionCookie: hex(16),
    fingerprint: randomBytes(30).toString('base64'),
    accessToken: `at${hex(12)}`,
  };
}

/**
 * A small platform on a real loopback server: a paginated item list behind a bearer token and
 * an `api_key` query param, and a session endpoint that takes and returns secrets.
 */
export async function startShop(secrets: ShopSecrets): Promise<LoopbackServer> {
  const items = [{ id: 'it_1', name: 'Lamp', price: 1200 }, { id: 'it_2', name: 'Desk', price: 45000 }, { id: 'it_3', name: 'Chair', price: 9900 }];
  return startLoopbackServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (req.headers.authorization !== `Bearer ${secrets.bearer}`) return sendJson(res, 401, { error: 'unauthorized' });
    // Volatile on purpose: must not reach the fixture, or two recordings would differ.
    const volatile = { 'x-request-id': randomBytes(8).toString('hex'), 'x-ratelimit-remaining': '99' };
    if (req.method === 'GET' && url.pathname === '/v1/items') {
      if (url.searchParams.get('api_key') !== secrets.apiKey) return sendJson(res, 403, { error: 'bad key' });
      const after = url.searchParams.get('starting_after');
      const start = after ? items.findIndex((i) => i.id === after) + 1 : 0;
      const limit = Number(url.searchParams.get('limit') ?? 10);
      const data = items.slice(start, start + limit);
      return sendJson(res, 200, { has_more: start + limit < items.length, data }, { ...volatile, 'set-cookie': `session=${secrets.sessionCookie}; HttpOnly` });
    }
    if (req.method === 'POST' && url.pathname === '/v1/sessions') {
      const body = JSON.parse(req.body) as { email: string };
      return sendJson(
        res,
        201,
        {
          id: 'sess_1',
          email: body.email,
          access_token: secrets.accessToken,
          meta: { issued: secrets.jwt, note: `created for Bearer ${secrets.bearer}` },
          echo: secrets.stripeStyleKey,
        },
        volatile,
      );
    }
    sendJson(res, 404, { error: 'not found' });
  });
}

/** The fetch client a connector would build, on the given transport. */
export function shopClient(baseUrl: string, secrets: ShopSecrets, transport: Transport): FetchClient {
  return createFetchClient({
    baseUrl,
    auth: { type: 'bearer' },
    credentials: { type: 'bearer', token: secrets.bearer },
    transport,
    retry: { maxAttempts: 1 },
    logger: createLogger({ level: 'silent' }),
  });
}

/** One sync of the shop: two pages of items, then a session. */
export async function syncShop(client: FetchClient, secrets: ShopSecrets): Promise<unknown[]> {
  const headers = { 'x-client-fingerprint': secrets.fingerprint };
  const first = await client.request({ path: '/v1/items', query: { limit: 2, api_key: secrets.apiKey }, headers });
  const second = await client.request({ path: '/v1/items', query: { starting_after: 'it_2', api_key: secrets.apiKey, limit: 2 }, headers });
  const session = await client.request({
    method: 'POST',
    path: '/v1/sessions',
    body: { email: 'ada@example.com', client_secret: secrets.clientSecret, nested: { refreshToken: secrets.refreshToken }, note: `paid with ${secrets.stripeStyleKey}` },
  });
  return [first.body, second.body, session.body];
}
