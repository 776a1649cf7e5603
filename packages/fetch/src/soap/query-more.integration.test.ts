import { defineEntity } from '@portage/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFetchClient } from '../client/create-fetch-client.js';
import type { Page } from '../client/paginate.js';
import { createLogger } from '../log/index.js';
import { createSoapClient, type SoapClient } from './create-soap-client.js';
import type { SoapClientOptions } from './soap-client-options.js';
import { listenSoap, rawFault, type SoapTestServer } from './testing/listen-soap.js';
import { QUERY_NS, writeQueryWsdl } from './testing/query-wsdl.js';
import { collect, failure } from './testing/read-all.js';

// Query/queryMore over a real `soap` server: 5 accounts in pages of 2, so the last page holds
// one record (which must still be a list).
const ACCOUNTS = [1, 2, 3, 4, 5].map((n) => ({
  Id: `001A${n}`,
  Name: `Account ${n}`,
  ExternalNumber: `900719925474099${n}`,
  AnnualRevenue: `12345678901234567.8${n}`,
  Rating: '1.10',
  Employees: 250 + n,
  IsActive: n % 2 === 1,
  LastModified: `2024-02-29T23:59:5${n}.123+05:30`,
  Tags: n === 1 ? ['vip'] : ['a', 'b'],
}));
const PAGE_SIZE = 2;
const silent = createLogger({ level: 'silent' });
const instant = { now: Date.now, sleep: async () => undefined, random: () => 0 };

let wsdl: string;
let server: SoapTestServer;
const calls: { operation: string; input: Record<string, unknown>; sessionId: unknown }[] = [];
/** Faults (raw XML) the next calls answer with, in order. */
let faults: string[] = [];
let session = '';

function page(from: number) {
  const records = ACCOUNTS.slice(from, from + PAGE_SIZE);
  const done = from + PAGE_SIZE >= ACCOUNTS.length;
  return { result: { done, queryLocator: done ? null : `LOC-${from + PAGE_SIZE}`, records, size: ACCOUNTS.length } };
}

function answer(operation: string, input: Record<string, unknown>, headers: { SessionHeader?: { sessionId?: unknown } } | undefined, from: () => number) {
  calls.push({ operation, input, sessionId: headers?.SessionHeader?.sessionId });
  const fault = faults.shift();
  if (fault) throw rawFault(fault);
  return page(from());
}

function sfFault(code: string, message: string): string {
  return `<soap:Fault><faultcode xmlns:sf="urn:fault.example">sf:${code}</faultcode><faultstring>${code}: ${message}</faultstring><detail><sf:UnexpectedErrorFault xmlns:sf="urn:fault.example"><sf:exceptionCode>${code}</sf:exceptionCode><sf:exceptionMessage>${message}</sf:exceptionMessage></sf:UnexpectedErrorFault></detail></soap:Fault>`;
}

beforeAll(async () => {
  wsdl = await writeQueryWsdl();
  server = await listenSoap({
    wsdlPath: wsdl,
    path: '/services/query',
    services: {
      QueryService: {
        Query: {
          query: (input: Record<string, unknown>, _cb: unknown, headers: { SessionHeader?: { sessionId?: unknown } } | undefined) => answer('query', input, headers, () => 0),
          queryMore: (input: Record<string, unknown>, _cb: unknown, headers: { SessionHeader?: { sessionId?: unknown } } | undefined) =>
            answer('queryMore', input, headers, () => Number(String(input.queryLocator).replace('LOC-', ''))),
        },
      },
    },
    fallback: (request, response) => {
      if (request.url === '/broken/html-503') response.writeHead(503, { 'content-type': 'text/html' }).end('<html><body>Service Unavailable</body></html>');
      else if (request.url === '/broken/truncated') response.writeHead(200, { 'content-type': 'text/xml' }).end('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><queryResponse><result><done>');
      else if (request.url === '/broken/not-xml') response.writeHead(200, { 'content-type': 'text/xml' }).end('{"oops": true}');
      else response.writeHead(404).end();
    },
  });
});

afterAll(async () => {
  await server?.close();
});

beforeEach(() => {
  calls.length = 0;
  faults = [];
  session = `sess-${Math.random().toString(36).slice(2)}-${Date.now()}`;
});

function clientOptions(overrides: Partial<SoapClientOptions> = {}): SoapClientOptions {
  return {
    wsdl,
    endpoint: `${server.url}/services/query`,
    headers: () => [`<tns:SessionHeader xmlns:tns="${QUERY_NS}"><tns:sessionId>${session}</tns:sessionId></tns:SessionHeader>`],
    logger: silent,
    clock: instant,
    ...overrides,
  };
}

const accounts = defineEntity<(typeof ACCOUNTS)[number], 'Customer'>({
  unified: 'Customer',
  request: { method: 'POST', path: '/services/query', soap: { operation: 'query', input: { queryString: 'SELECT Id, Name FROM Account' } } },
  recordsPath: 'result.records',
  pagination: { type: 'soap_continuation', operation: 'queryMore', input: { queryLocator: 'result.queryLocator' }, donePath: 'result.done' },
  primaryKey: 'Id',
  map: (raw) => ({ id: raw.Id, name: raw.Name ?? null }) as never,
});


describe('query then queryMore until done', () => {
  let soap: SoapClient;
  beforeAll(async () => {
    soap = await createSoapClient(clientOptions());
  });
  afterAll(() => soap.close());

  it('reads every page with the locator of the page before, and stops at done=true', async () => {
    const pages = await collect(soap.paginate(accounts));
    expect(pages.map((p) => p.records.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.records.map((r) => (r as { Id: string }).Id))).toEqual(ACCOUNTS.map((a) => a.Id));
    expect(calls.map((c) => [c.operation, c.input.queryLocator ?? c.input.queryString])).toEqual([
      ['query', 'SELECT Id, Name FROM Account'],
      ['queryMore', 'LOC-2'],
      ['queryMore', 'LOC-4'],
    ]);
    expect(calls.every((c) => c.sessionId === session)).toBe(true);
    expect(pages[2]!.next).toBeUndefined();
    expect(pages[0]!.next).toEqual({
      request: { method: 'POST', url: '/services/query', query: {}, headers: {}, body: { soap: { operation: 'queryMore', input: { queryLocator: 'LOC-2' } } } },
      pageIndex: 1,
      recordsSoFar: 2,
    });
  });

  it('keeps long, decimal and double values as the exact text sent, and dates as sent', async () => {
    const result = (await soap.call('query', { queryString: 'SELECT Id FROM Account' })) as { result: { records: Record<string, unknown>[]; size: unknown; done: unknown } };
    const first = result.result.records[0]!;
    expect(first.ExternalNumber).toBe('9007199254740991');
    expect(result.result.records[1]!.ExternalNumber).toBe('9007199254740992');
    expect(first.AnnualRevenue).toBe('12345678901234567.81');
    expect(first.Rating).toBe('1.10');
    expect(first.LastModified).toBe('2024-02-29T23:59:51.123+05:30');
    // Small integers and booleans are safe as JSON numbers and booleans.
    expect(first.Employees).toBe(251);
    expect(first.IsActive).toBe(true);
    expect(result.result.size).toBe(5);
    expect(result.result.done).toBe(false);
  });

  it('gives arrays for maxOccurs > 1 even with one element', async () => {
    const pages = await collect(soap.paginate(accounts));
    const last = pages[2]!;
    expect(Array.isArray(last.records)).toBe(true);
    expect(last.records).toHaveLength(1);
    const firstRecord = pages[0]!.records[0] as { Tags: unknown };
    expect(firstRecord.Tags).toEqual(['vip']);
  });

  it('resumes from a checkpointed PageState in a new client', async () => {
    const first = await collect(soap.paginate(accounts, { readAhead: false }));
    const checkpoint = JSON.parse(JSON.stringify(first[0]!.next)) as Page['next'];
    calls.length = 0;
    const worker = await createSoapClient(clientOptions());
    try {
      const rest = await collect(worker.paginate(accounts, { resume: checkpoint! }));
      expect(rest.map((p) => p.index)).toEqual([1, 2]);
      expect(rest.flatMap((p) => p.records.map((r) => (r as { Id: string }).Id))).toEqual(['001A3', '001A4', '001A5']);
      expect(calls.map((c) => c.operation)).toEqual(['queryMore', 'queryMore']);
      expect(calls[0]!.input.queryLocator).toBe('LOC-2');
    } finally {
      await worker.close();
    }
  });

  it('runs from the fetch client: paginate(entity) hands SOAP entities to the SOAP client', async () => {
    const viaBase = await createSoapClient(clientOptions({ endpoint: undefined, baseUrl: server.url }));
    const client = createFetchClient({ baseUrl: server.url, soap: viaBase, logger: silent });
    try {
      const pages = await collect(client.paginate(accounts));
      expect(pages.map((p) => p.records.length)).toEqual([2, 2, 1]);
    } finally {
      await client.close();
      await viaBase.close();
    }
  });

  it('refuses a SOAP entity on a fetch client without a SOAP client', async () => {
    const client = createFetchClient({ baseUrl: server.url, logger: silent });
    const error = await failure(collect(client.paginate(accounts)));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('createSoapClient');
    await client.close();
  });
});

describe('faults and broken answers', () => {
  it('maps an expired session to AUTH_EXPIRED without leaking the session id', async () => {
    const soap = await createSoapClient(clientOptions());
    faults = [sfFault('INVALID_SESSION_ID', `Invalid Session ID found in SessionHeader: ${session}`)];
    const error = await failure(soap.call('query', { queryString: 'SELECT Id FROM Account' }));
    expect(error.code).toBe('AUTH_EXPIRED');
    expect(error.context.platformCode).toBe('INVALID_SESSION_ID');
    expect(error.message).not.toContain(session);
    expect(JSON.stringify(error.toJSON())).not.toContain(session);
    await soap.close();
  });

  it('renews an expired session once, then reports AUTH_INVALID when it is rejected again', async () => {
    let renewals = 0;
    const soap = await createSoapClient(
      clientOptions({
        onAuthExpired: () => {
          renewals++;
          session = `renewed-${renewals}`;
          return Promise.resolve(true);
        },
      }),
    );
    faults = [sfFault('INVALID_SESSION_ID', 'expired')];
    await expect(soap.call('query', { queryString: 'q' })).resolves.toBeTruthy();
    expect(calls.map((c) => c.sessionId)).toEqual([expect.stringMatching(/^sess-/), 'renewed-1']);
    faults = [sfFault('INVALID_SESSION_ID', 'expired'), sfFault('INVALID_SESSION_ID', 'expired')];
    const error = await failure(soap.call('query', { queryString: 'q' }));
    expect(error.code).toBe('AUTH_INVALID');
    await soap.close();
  });

  it.each([
    ['INVALID_LOGIN', 'AUTH_INVALID'],
    ['REQUEST_LIMIT_EXCEEDED', 'RATE_LIMITED'],
    ['INSUFFICIENT_ACCESS', 'PERMISSION_DENIED'],
    ['MALFORMED_QUERY', 'VALIDATION_FAILED'],
  ])('maps fault %s to %s', async (code, expected) => {
    const soap = await createSoapClient(clientOptions({ retry: { maxAttempts: 1 } }));
    faults = [sfFault(code, 'no')];
    const error = await failure(soap.call('query', { queryString: 'q' }));
    expect(error.code).toBe(expected);
    expect(error.context.operation).toBe('query');
    await soap.close();
  });

  it('retries a rate-limit fault and a server fault, then succeeds', async () => {
    const soap = await createSoapClient(clientOptions());
    faults = [sfFault('REQUEST_LIMIT_EXCEEDED', 'slow down'), '<soap:Fault><faultcode>soap:Server</faultcode><faultstring>internal error</faultstring></soap:Fault>'];
    const result = await soap.send('query', { queryString: 'q' });
    expect(result.attempts).toBe(3);
    expect(calls).toHaveLength(3);
    await soap.close();
  });

  it('maps a server fault without a platform code to UPSTREAM_UNAVAILABLE', async () => {
    const soap = await createSoapClient(clientOptions({ retry: { maxAttempts: 1 } }));
    faults = ['<soap:Fault><faultcode>soap:Server</faultcode><faultstring>internal error</faultstring></soap:Fault>'];
    const error = await failure(soap.call('query', { queryString: 'q' }));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.context.status).toBe(500);
    await soap.close();
  });

  it.each([
    ['/broken/html-503', 'UPSTREAM_UNAVAILABLE'],
    ['/broken/truncated', 'MALFORMED_RESPONSE'],
    ['/broken/not-xml', 'MALFORMED_RESPONSE'],
  ])('maps the answer of %s to %s', async (path, expected) => {
    const soap = await createSoapClient(clientOptions({ endpoint: `${server.url}${path}`, retry: { maxAttempts: 1 } }));
    const error = await failure(soap.call('query', { queryString: 'q' }));
    expect(error.code).toBe(expected);
    await soap.close();
  });

  it('maps a refused connection to NETWORK_ERROR', async () => {
    const soap = await createSoapClient(clientOptions({ endpoint: 'http://127.0.0.1:9/services/query', retry: { maxAttempts: 1 } }));
    const error = await failure(soap.call('query', { queryString: 'q' }));
    expect(error.code).toBe('NETWORK_ERROR');
    await soap.close();
  });
});

describe('configuration errors', () => {
  it('names a missing operation', async () => {
    const soap = await createSoapClient(clientOptions());
    const error = await failure(soap.call('Query', {}));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('did you mean query');
    await soap.close();
  });

  it('refuses a WSDL URL and a missing file', async () => {
    expect((await failure(createSoapClient({ wsdl: 'https://example.com/x.wsdl' }))).code).toBe('CONFIG_INVALID');
    const missing = await failure(createSoapClient({ wsdl: '/nonexistent/portage.wsdl' }));
    expect(missing.code).toBe('CONFIG_INVALID');
    expect(missing.message).toContain('/nonexistent/portage.wsdl');
  });
});
