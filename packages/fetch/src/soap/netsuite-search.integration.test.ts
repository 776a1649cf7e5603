import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineEntity } from '@portage/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from '../client/paginate.js';
import { createLogger } from '../log/index.js';
import { createSoapClient, type SoapClient } from './create-soap-client.js';
import type { SoapClientOptions } from './soap-client-options.js';
import { listenSoap, rawFault, type SoapTestServer } from './testing/listen-soap.js';
import { collect, failure } from './testing/read-all.js';

// The real NetSuite 2023.2 WSDL from the shared spec mirror (../shared next to the workspace
// root); never copied into the repo.
const WORKSPACE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
const WSDL = join(WORKSPACE_ROOT, '../shared/specs/wsdl/netsuite-2023_2/netsuite.wsdl');
const available = existsSync(WSDL);
if (!available) console.warn(`skipping the NetSuite SOAP tests: ${WSDL} is missing (the ../shared spec mirror is not on this machine)`);

const NS = {
  messages: 'urn:messages_2023_2.platform.webservices.netsuite.com',
  core: 'urn:core_2023_2.platform.webservices.netsuite.com',
  relationships: 'urn:relationships_2023_2.lists.webservices.netsuite.com',
  faults: 'urn:faults_2023_2.platform.webservices.netsuite.com',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};
const ENDPOINT_PATH = '/services/NetSuitePort_2023_2';
const PAGE_SIZE = 3;
const CUSTOMERS = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ internalId: String(1000 + n), entityId: `CUST-${n}`, balance: `${n}234.10`, daysOverdue: `900719925474099${n}` }));
const silent = createLogger({ level: 'silent' });
const instant = { now: Date.now, sleep: async () => undefined, random: () => 0 };

function customerXml(customer: (typeof CUSTOMERS)[number], addresses: number): string {
  const book = Array.from({ length: addresses }, (_, i) => `<listRel:addressbook><listRel:defaultBilling>${i === 0}</listRel:defaultBilling><listRel:label>Address ${i + 1}</listRel:label></listRel:addressbook>`).join('');
  return (
    `<platformCore:record xsi:type="listRel:Customer" internalId="${customer.internalId}" xmlns:listRel="${NS.relationships}">` +
    `<listRel:entityId>${customer.entityId}</listRel:entityId><listRel:companyName>Acme &amp; Co</listRel:companyName>` +
    `<listRel:isPerson>false</listRel:isPerson><listRel:dateCreated>2023-04-01T10:00:00.000-07:00</listRel:dateCreated>` +
    `<listRel:balance>${customer.balance}</listRel:balance><listRel:daysOverdue>${customer.daysOverdue}</listRel:daysOverdue>` +
    `<listRel:addressbookList replaceAll="true">${book}</listRel:addressbookList></platformCore:record>`
  );
}

function searchResultXml(element: string, searchId: string, pageIndex: number): string {
  const totalPages = Math.ceil(CUSTOMERS.length / PAGE_SIZE);
  const records = CUSTOMERS.slice((pageIndex - 1) * PAGE_SIZE, pageIndex * PAGE_SIZE).map((c, i) => customerXml(c, i === 0 ? 1 : 2));
  return (
    `<${element} xmlns="${NS.messages}"><platformCore:searchResult xmlns:platformCore="${NS.core}" xmlns:xsi="${NS.xsi}">` +
    `<platformCore:status isSuccess="true"/><platformCore:totalRecords>${CUSTOMERS.length}</platformCore:totalRecords>` +
    `<platformCore:pageSize>${PAGE_SIZE}</platformCore:pageSize><platformCore:totalPages>${totalPages}</platformCore:totalPages>` +
    `<platformCore:pageIndex>${pageIndex}</platformCore:pageIndex><platformCore:searchId>${searchId}</platformCore:searchId>` +
    `<platformCore:recordList>${records.join('')}</platformCore:recordList></platformCore:searchResult></${element}>`
  );
}

function failedSearchXml(element: string, code: string, message: string): string {
  return (
    `<${element} xmlns="${NS.messages}"><platformCore:searchResult xmlns:platformCore="${NS.core}">` +
    `<platformCore:status isSuccess="false"><platformCore:statusDetail type="ERROR"><platformCore:code>${code}</platformCore:code>` +
    `<platformCore:message>${message}</platformCore:message></platformCore:statusDetail></platformCore:status></platformCore:searchResult></${element}>`
  );
}

function netsuiteFault(element: string, code: string, message: string): string {
  return (
    `<soap:Fault><faultcode>soap:Server.userException</faultcode><faultstring>${message}</faultstring><detail>` +
    `<platformFaults:${element} xmlns:platformFaults="${NS.faults}"><platformFaults:code>${code}</platformFaults:code>` +
    `<platformFaults:message>${message}</platformFaults:message></platformFaults:${element}></detail></soap:Fault>`
  );
}

interface Passport {
  token?: unknown;
  nonce?: unknown;
}

let server: SoapTestServer;
let token = '';
const calls: { operation: string; input: Record<string, unknown>; passport: Passport | undefined }[] = [];
const searches = new Set<string>();
let faults: string[] = [];

function guard(operation: string, input: Record<string, unknown>, headers: { tokenPassport?: Passport } | undefined): void {
  calls.push({ operation, input, passport: headers?.tokenPassport });
  const fault = faults.shift();
  if (fault) throw rawFault(fault);
  if (headers?.tokenPassport?.token !== token) {
    throw rawFault(netsuiteFault('invalidCredentialsFault', 'INVALID_LOGIN_ATTEMPT', `Invalid login attempt for token ${String(headers?.tokenPassport?.token)}`));
  }
}

beforeAll(async () => {
  if (!available) return;
  server = await listenSoap({
    wsdlPath: WSDL,
    path: ENDPOINT_PATH,
    services: {
      NetSuiteService: {
        NetSuitePort: {
          search: (input: Record<string, unknown>, _cb: unknown, headers: { tokenPassport?: Passport } | undefined) => {
            guard('search', input, headers);
            const searchId = `WEBSERVICES_TSTDRV_${searches.size + 1}_${Date.now()}`;
            searches.add(searchId);
            return { _xml: searchResultXml('searchResponse', searchId, 1) };
          },
          searchMoreWithId: (input: { searchId?: string; pageIndex?: string | number }, _cb: unknown, headers: { tokenPassport?: Passport } | undefined) => {
            guard('searchMoreWithId', input, headers);
            if (!searches.has(String(input.searchId))) return { _xml: failedSearchXml('searchMoreWithIdResponse', 'USER_ERROR', 'The search has expired') };
            return { _xml: searchResultXml('searchMoreWithIdResponse', String(input.searchId), Number(input.pageIndex)) };
          },
        },
      },
    },
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

beforeEach(() => {
  calls.length = 0;
  faults = [];
  token = ['tok', Math.random().toString(36).slice(2), Date.now().toString(36)].join('-');
});

let nonce = 0;
function clientOptions(overrides: Partial<SoapClientOptions> = {}): SoapClientOptions {
  return {
    wsdl: WSDL,
    endpoint: `${server.url}${ENDPOINT_PATH}`,
    // Built per call: a token passport carries a fresh nonce (and, in production, signature).
    headers: () => [
      `<tokenPassport xmlns="${NS.messages}"><account xmlns="${NS.core}">TSTDRV1</account><token xmlns="${NS.core}">${token}</token><nonce xmlns="${NS.core}">n${++nonce}</nonce></tokenPassport>`,
    ],
    logger: silent,
    clock: instant,
    ...overrides,
  };
}

const customers = defineEntity<Record<string, unknown>, 'Customer'>({
  unified: 'Customer',
  request: {
    method: 'POST',
    path: ENDPOINT_PATH,
    soap: { operation: 'search', input: { searchRecord: { attributes: { 'xsi:type': 'listRel:CustomerSearchBasic' } } } },
  },
  recordsPath: 'searchResult.recordList.record',
  pagination: {
    type: 'soap_continuation',
    operation: 'searchMoreWithId',
    input: { searchId: 'searchResult.searchId' },
    pageNumber: { param: 'pageIndex', path: 'searchResult.pageIndex', totalPagesPath: 'searchResult.totalPages' },
    status: {
      successPath: 'searchResult.status.attributes.isSuccess',
      codePath: 'searchResult.status.statusDetail.0.code',
      messagePath: 'searchResult.status.statusDetail.0.message',
    },
  },
  primaryKey: 'attributes.internalId',
  map: (raw) => raw as never,
});


const idsOf = (pages: Page[]) => pages.flatMap((p) => p.records.map((r) => (r as { attributes: { internalId: string } }).attributes.internalId));

describe.skipIf(!available)('NetSuite search then searchMoreWithId on the real 2023.2 WSDL', () => {
  let soap: SoapClient;
  beforeAll(async () => {
    soap = await createSoapClient(clientOptions());
  }, 60_000);
  afterAll(() => soap?.close());

  it('reads 7 customers in 3 pages, asking for pageIndex 2 and 3 of the same search', async () => {
    const pages = await collect(soap.paginate(customers));
    expect(pages.map((p) => p.records.length)).toEqual([3, 3, 1]);
    expect(idsOf(pages)).toEqual(CUSTOMERS.map((c) => c.internalId));
    expect(calls.map((c) => c.operation)).toEqual(['search', 'searchMoreWithId', 'searchMoreWithId']);
    const searchId = calls[1]!.input.searchId;
    expect(searchId).toMatch(/^WEBSERVICES_TSTDRV_/);
    expect(calls.slice(1).map((c) => [c.input.searchId, Number(c.input.pageIndex)])).toEqual([
      [searchId, 2],
      [searchId, 3],
    ]);
    expect(new Set(calls.map((c) => c.passport?.nonce)).size).toBe(3);
    expect(pages[2]!.next).toBeUndefined();
  });

  it('reads Customer records through xsi:type: exact long and double text, arrays for one element', async () => {
    const [first] = await collect(soap.paginate(customers, { readAhead: false }));
    const record = first!.records[0] as Record<string, unknown>;
    expect(record.attributes).toMatchObject({ internalId: '1001', 'xsi:type': 'listRel:Customer' });
    expect(record.daysOverdue).toBe('9007199254740991');
    expect(record.balance).toBe('1234.10');
    expect(record.isPerson).toBe(false);
    expect(record.dateCreated).toBe('2023-04-01T10:00:00.000-07:00');
    expect(record.companyName).toBe('Acme & Co');
    const book = (record.addressbookList as { addressbook: unknown }).addressbook;
    expect(book).toEqual([{ defaultBilling: true, label: 'Address 1' }]);
    const last = (await collect(soap.paginate(customers))).at(-1)!;
    expect(Array.isArray(last.records)).toBe(true);
    expect(last.records).toHaveLength(1);
  });

  it('resumes a killed worker with searchMoreWithId from the checkpointed searchId and pageIndex', async () => {
    const iterator = soap.paginate(customers, { readAhead: false })[Symbol.asyncIterator]();
    const first = await iterator.next();
    await iterator.return?.(undefined);
    const checkpoint = JSON.parse(JSON.stringify((first.value as Page).next)) as Page['next'];
    expect(checkpoint!.request.body).toEqual({ soap: { operation: 'searchMoreWithId', input: { searchId: expect.any(String), pageIndex: 2 } } });
    calls.length = 0;
    const worker = await createSoapClient(clientOptions());
    try {
      const rest = await collect(worker.paginate(customers, { resume: checkpoint! }));
      expect(rest.map((p) => p.index)).toEqual([1, 2]);
      expect(idsOf(rest)).toEqual(['1004', '1005', '1006', '1007']);
      expect(calls.map((c) => [c.operation, Number(c.input.pageIndex)])).toEqual([
        ['searchMoreWithId', 2],
        ['searchMoreWithId', 3],
      ]);
    } finally {
      await worker.close();
    }
  });

  it('fails a page whose status says isSuccess=false instead of reading it as empty', async () => {
    const expired = { request: { method: 'POST' as const, url: ENDPOINT_PATH, query: {}, headers: {}, body: { soap: { operation: 'searchMoreWithId', input: { searchId: 'gone', pageIndex: 2 } } } }, pageIndex: 1, recordsSoFar: 3 };
    const error = await failure(collect(soap.paginate(customers, { resume: expired })));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.context.platformCode).toBe('USER_ERROR');
  });

  it('maps bad credentials to AUTH_INVALID without the token in the message', async () => {
    const wrong = await createSoapClient(clientOptions({ headers: () => [`<tokenPassport xmlns="${NS.messages}"><token xmlns="${NS.core}">${token}-revoked</token></tokenPassport>`] }));
    try {
      const error = await failure(wrong.call('search', { searchRecord: {} }));
      expect(error.code).toBe('AUTH_INVALID');
      expect(error.context.platformCode).toBe('INVALID_LOGIN_ATTEMPT');
      expect(error.message).not.toContain(token);
      expect(String(error.context.platformMessage)).not.toContain(token);
    } finally {
      await wrong.close();
    }
  });

  it.each([
    ['exceededConcurrentRequestLimitFault', 'WS_CONCUR_SESSION_DISALLWD', 'RATE_LIMITED'],
    ['exceededConcurrentRequestLimitFault', 'EXCEEDED_CONCURRENCY_LIMIT', 'RATE_LIMITED'],
    ['exceededRequestLimitFault', 'EXCEEDED_REQUEST_LIMIT', 'RATE_LIMITED'],
    ['invalidSessionFault', 'SESSION_TIMED_OUT', 'AUTH_EXPIRED'],
    ['insufficientPermissionFault', 'INSUFFICIENT_PERMISSION', 'PERMISSION_DENIED'],
    ['unexpectedErrorFault', 'UNEXPECTED_ERROR', 'UPSTREAM_UNAVAILABLE'],
  ])('maps the %s %s to %s', async (element, code, expected) => {
    const once = await createSoapClient(clientOptions({ retry: { maxAttempts: 1 } }));
    faults = [netsuiteFault(element, code, 'refused')];
    const error = await failure(once.call('search', { searchRecord: {} }));
    expect(error.code).toBe(expected);
    expect(error.context.platformCode).toBe(code);
    await once.close();
  });

  it('waits out a concurrency fault and carries on with the search', async () => {
    faults = [netsuiteFault('exceededConcurrentRequestLimitFault', 'WS_CONCUR_SESSION_DISALLWD', 'Only one request may be made against a session at a time')];
    const pages = await collect(soap.paginate(customers));
    expect(idsOf(pages)).toHaveLength(7);
    expect(calls.map((c) => c.operation)).toEqual(['search', 'search', 'searchMoreWithId', 'searchMoreWithId']);
  });
});
