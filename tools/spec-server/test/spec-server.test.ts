import { afterEach, describe, expect, it } from 'vitest';
import { startSpecServer, SpecViolationError, type SpecHandlers, type SpecServer } from '../src/index.js';
import { shopSpec, testToken } from './shop-spec.js';

const order = (id: number, extra: Record<string, unknown> = {}) => ({ id, status: 'open', total: 12.5, ...extra });
const list = (data: unknown[], next: string | null = null) => ({ status: 200, body: { data, next_cursor: next } });

let server: SpecServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(handlers: SpecHandlers = {}): Promise<SpecServer> {
  const { document, refs } = shopSpec();
  server = await startSpecServer({ document, refs, handlers });
  return server;
}

/** A request as a well-behaved client sends it: credentials and the required version header. */
function call(target: SpecServer, path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  return fetch(`${target.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${testToken()}`, 'x-shop-version': '2024-01', ...init.headers },
  });
}

const messages = (target: SpecServer) => target.violations.map((violation) => violation.message);

describe('startSpecServer: requests', () => {
  it('serves a spec-valid request through its handler with nothing recorded against it', async () => {
    const seen: unknown[] = [];
    const target = await start({
      'GET /orders': (req) => {
        seen.push(req);
        return list([order(1), order(2, { note: null, customer: { id: 'c1', email: 'a@shop.test' } })], 'abc');
      },
    });
    expect(target.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);

    const response = await call(target, '/orders?limit=2&cursor=xyz&status=open&ids=1,2,3&tag=a&tag=b&created[gte]=10&created[lte]=20&include_archived=true');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: [{ id: 1 }, { id: 2 }], next_cursor: 'abc' });
    expect(target.violations).toEqual([]);
    expect(() => target.assertNoViolations()).not.toThrow();
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/v2/orders',
      operation: 'GET /orders',
      query: { limit: '2', tag: ['a', 'b'], 'created[gte]': '10', 'created[lte]': '20', ids: '1,2,3' },
      headers: { 'x-shop-version': '2024-01' },
    });
    expect(target.requests).toMatchObject([{ method: 'GET', path: '/v2/orders', operation: 'GET /orders', status: 200 }]);
  });

  it('accepts the integer form of an anyOf deepObject parameter', async () => {
    const target = await start({ 'GET /orders': () => list([]) });
    await call(target, '/orders?created=1700000000');
    expect(target.violations).toEqual([]);
  });

  it('records a missing required parameter', async () => {
    const target = await start({ 'GET /orders': () => list([]) });
    const response = await fetch(`${target.url}/orders`, { headers: { authorization: `Bearer ${testToken()}` } });
    expect(response.status).toBe(200);
    expect(target.violations).toEqual([
      { kind: 'request', operation: 'GET /orders', message: 'header parameter X-Shop-Version: is required but missing', request: 'GET /v2/orders' },
    ]);
  });

  it('records parameters of the wrong type after coercing what can be coerced', async () => {
    const target = await start({ 'GET /orders': () => list([]), 'GET /orders/{orderId}': () => ({ status: 404, body: { message: 'no' } }) });
    await call(target, '/orders?limit=ten&include_archived=yes&ids=1,x&created[gte]=soon');
    await call(target, '/orders/abc');
    expect(messages(target)).toEqual([
      'query parameter limit: must be integer; got "ten"',
      'query parameter ids[1]: must be integer; got "x"',
      'query parameter created: must match one of its allowed schemas (gte: must be integer; got "soon" | must be integer); got an object',
      'query parameter include_archived: must be boolean; got "yes"',
      'path parameter orderId: must be integer; got "abc"',
    ]);
  });

  it('records values outside the schema bounds', async () => {
    const target = await start({ 'GET /orders': () => list([]), 'GET /orders/{orderId}': () => ({ status: 404, body: { message: 'no' } }) });
    await call(target, '/orders?limit=500');
    await call(target, '/orders/0');
    expect(messages(target)).toEqual(['query parameter limit: must be <= 100; got 500', 'path parameter orderId: must be >= 1; got 0']);
  });

  it('records query parameters the spec does not define, and a scalar given twice', async () => {
    const target = await start({ 'GET /orders': () => list([]) });
    await call(target, '/orders?limit=5&page=2&limit=6');
    expect(messages(target)).toEqual([
      'query parameter limit: given 2 times but takes one value',
      'query parameter page: is not in the spec for this operation (defined: limit, cursor, status, ids, tag, created, include_archived)',
    ]);
  });

  it('records a value outside an enum, and a header outside its enum', async () => {
    const target = await start({ 'GET /orders': () => list([]) });
    await call(target, '/orders?status=pending', { headers: { 'x-shop-version': '1999-01' } });
    expect(messages(target)).toEqual([
      'header parameter X-Shop-Version: must be one of "2024-01"; got "1999-01"',
      'query parameter status: must be one of "open", "closed"; got "pending"',
    ]);
  });

  it('records a request without the credentials the operation requires, and not for an open one', async () => {
    const target = await start({ 'GET /orders': () => list([]) });
    await fetch(`${target.url}/orders`, { headers: { 'x-shop-version': '2024-01' } });
    expect(messages(target)).toEqual([
      'security: the request carries none of the credentials the operation accepts (one of: bearer (HTTP bearer in the Authorization header))',
    ]);
    target.clear();
    target.use({ 'GET /health': () => ({ status: 200 }) });
    expect((await fetch(`${target.url}/health`)).status).toBe(200);
    expect(target.violations).toEqual([]);
  });

  it('checks a JSON body against the request schema', async () => {
    const target = await start({ 'POST /orders/search': () => list([]) });
    const post = (body: string, type = 'application/json') => call(target, '/orders/search', { method: 'POST', body, headers: { 'content-type': type } });

    await post(JSON.stringify({ query: { status: 'open' }, limit: 50 }));
    expect(target.violations).toEqual([]);

    await post(JSON.stringify({ query: { status: 'lost' }, limit: 500, sort: 'id' }));
    await post('');
    await post('{"query":');
    await post('query=1', 'application/x-www-form-urlencoded');
    expect(messages(target)).toEqual([
      'request body: property sort is not allowed by the schema',
      'request body query.status: must be one of "open", "closed"; got "lost"',
      'request body limit: must be <= 100; got 500',
      'request body: is required but missing (the operation takes application/json)',
      expect.stringMatching(/^request body: is not valid JSON \(/),
      'request body: content type application/x-www-form-urlencoded is not one the operation takes (application/json)',
    ]);
    expect(target.requests[0]?.body).toEqual({ query: { status: 'open' }, limit: 50 });
  });

  it('checks a form body against the request schema once its bracketed names are nested', async () => {
    const target = await start({ 'POST /customers': () => ({ status: 200, body: { id: 'c1', email: 'a@shop.test' } }) });
    const post = (body: string) => call(target, '/customers', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });

    await post('email=a%40shop.test&balance=-250&address[city]=Oslo&metadata[plan]=pro&tags[0]=a&tags[1]=b');
    await post('email=b%40shop.test&address=');
    expect(target.violations).toEqual([]);
    // Handlers get the nested fields with the schema's types.
    expect(target.requests.map((request) => request.body)).toEqual([
      { email: 'a@shop.test', balance: -250, address: { city: 'Oslo' }, metadata: { plan: 'pro' }, tags: ['a', 'b'] },
      { email: 'b@shop.test', address: '' },
    ]);

    target.clear();
    await post('balance=ten&address[town]=Oslo&nickname=x&email=far-too-long%40shop.test');
    expect(messages(target)).toEqual([
      'request body: property nickname is not allowed by the schema',
      expect.stringMatching(/^request body email: must NOT have more than 20 characters/),
      'request body balance: must be integer; got "ten"',
      expect.stringMatching(/^request body address: /),
    ]);
  });

  it('answers 404 with the closest spec operation for a path the spec does not have', async () => {
    const target = await start();
    const response = await call(target, '/order?limit=1');
    expect(response.status).toBe(404);
    expect(target.violations).toEqual([
      { kind: 'request', operation: null, message: 'no operation matches GET /order; closest spec operation: GET /orders', request: 'GET /v2/order?limit=1' },
    ]);
    await call(target, '/orders/12/items');
    expect(target.violations[1]?.message).toBe('no operation matches GET /orders/12/items; closest spec operation: GET /orders/{orderId}');
  });

  it('answers 404 for a path outside the base path', async () => {
    const target = await start();
    const response = await fetch(`${target.url.replace(/\/v2$/, '')}/orders`);
    expect(response.status).toBe(404);
    expect(messages(target)).toEqual(['path is outside the base path /v2']);
  });

  it('answers 405 for a method the path does not have', async () => {
    const target = await start();
    const response = await call(target, '/orders/3', { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, DELETE');
    expect(messages(target)).toEqual(['no PUT operation on this path; the spec has GET, DELETE there']);
  });

  it('answers 501 for an operation without a handler', async () => {
    const target = await start();
    const response = await call(target, '/categories');
    expect(response.status).toBe(501);
    expect(target.violations).toEqual([
      { kind: 'request', operation: 'GET /categories', message: 'no handler for GET /categories; add one to the server\'s handlers', request: 'GET /v2/categories' },
    ]);
  });

  it('refuses handler keys that name no operation, suggesting the closest', async () => {
    await expect(start({ 'GET /order': () => list([]) })).rejects.toThrow(/handler "GET \/order" names no operation in the spec.*"GET \/orders"/);
  });
});

describe('startSpecServer: responses', () => {
  it('sends an invalid response as it is and records what is wrong with it', async () => {
    const target = await start({ 'GET /orders': () => list([{ id: 'one', status: 'lost', total: 0 }, order(2, { customer: 7 })]) });
    const response = await call(target, '/orders');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: [{ id: 'one', status: 'lost', total: 0 }, order(2, { customer: 7 })], next_cursor: null });
    expect(target.violations.map((violation) => [violation.kind, violation.message])).toEqual([
      ['response', 'response body data[0].id: must be integer; got "one"'],
      ['response', 'response body data[0].status: must be one of "open", "closed"; got "lost"'],
      ['response', 'response body data[0].total: must be > 0; got 0'],
      ['response', 'response body data[1].customer: must match one of its allowed schemas (must be string | must be object); got 7'],
    ]);
  });

  it('honors nullable: true on plain, formatted and composed schemas, and only there', async () => {
    const target = await start({
      'GET /orders': () => list([order(1, { note: null, shipped_at: null }), order(2, { shipped_at: '2024-05-01T10:00:00Z' })]),
      'GET /categories': () => ({ status: 200, body: [{ name: 'root', parent: null }] }),
    });
    await call(target, '/orders');
    await call(target, '/categories');
    expect(target.violations).toEqual([]);

    target.use({ 'GET /orders': () => list([order(1, { total: null, shipped_at: 'yesterday' })]) });
    await call(target, '/orders');
    expect(messages(target)).toEqual([
      'response body data[0].total: must be number; got null',
      'response body data[0].shipped_at: must match format "date-time"; got "yesterday"',
    ]);
  });

  it('compiles a recursive schema and checks it at depth', async () => {
    const deep = { name: 'a', children: [{ name: 'b', parent: { name: 'a' }, children: [{ name: 'c', children: [{ children: [] }] }] }] };
    const target = await start({ 'GET /categories': () => ({ status: 200, body: [deep] }) });
    await call(target, '/categories');
    expect(messages(target)).toEqual(['response body [0].children[0].children[0].children[0]: missing required property name']);
  });

  it('records an undeclared status, a missing required header, a missing body and a body where none is declared', async () => {
    const target = await start({
      'GET /orders/{orderId}': (req) => (req.pathParams.orderId === '1' ? { status: 200, body: order(1) } : { status: 500, body: { message: 'boom' } }),
      'DELETE /orders/{orderId}': () => ({ status: 204, body: { deleted: true } }),
      'GET /orders': () => ({ status: 200 }),
    });
    await call(target, '/orders/1');
    await call(target, '/orders/2');
    await call(target, '/orders/2', { method: 'DELETE' });
    await call(target, '/orders');
    expect(messages(target)).toEqual([
      'response header X-Request-Id: is required for status 200 but missing',
      'response status 500: not declared for this operation (declared: 200, 404)',
      'response body: the spec declares no body for status 204',
      'response body: missing; the spec declares application/json for status 200',
    ]);
  });

  it('answers 500 and records it when a handler throws', async () => {
    const target = await start({
      'GET /orders': () => {
        throw new Error('fixture not found');
      },
    });
    const response = await call(target, '/orders');
    expect(response.status).toBe(500);
    expect(messages(target)).toEqual(['the handler for GET /orders threw: fixture not found']);
  });

  it('assertNoViolations lists every violation on its own line', async () => {
    const target = await start({ 'GET /orders': () => list([{ id: 1 }]) });
    await call(target, '/orders?limit=0');
    let thrown: unknown;
    try {
      target.assertNoViolations();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SpecViolationError);
    expect((thrown as SpecViolationError).violations).toHaveLength(3);
    expect((thrown as Error).message).toBe(
      [
        '3 spec violations:',
        '  1. request GET /v2/orders?limit=0 (GET /orders): query parameter limit: must be >= 1; got 0',
        '  2. response GET /v2/orders?limit=0 (GET /orders): response body data[0]: missing required property status',
        '  3. response GET /v2/orders?limit=0 (GET /orders): response body data[0]: missing required property total',
      ].join('\n'),
    );
  });
});
