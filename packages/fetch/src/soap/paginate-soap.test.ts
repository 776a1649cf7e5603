import type { PaginationConfig } from '@portage/core';
import { describe, expect, it } from 'vitest';
import type { Page, PageSource } from '../client/paginate.js';
import { paginateSoap, type SoapPageTransport } from './paginate-soap.js';
import { soapCallOf, soapPageState } from './soap-page-state.js';

// Edge cases of the continuation logic on a scripted transport; the integration tests cover
// real servers.
function scripted(bodies: unknown[]): SoapPageTransport & { sent: { operation: string; input: unknown }[] } {
  const sent: { operation: string; input: unknown }[] = [];
  return {
    sent,
    endpointFor: () => undefined,
    send: (operation, input) => {
      sent.push({ operation, input });
      const body = bodies.shift();
      return body === undefined ? Promise.reject(new Error('no more scripted answers')) : Promise.resolve({ body, status: 200, requestId: `r${sent.length}`, attempts: 1 });
    },
  };
}

const searchPagination: PaginationConfig = {
  type: 'soap_continuation',
  operation: 'searchMoreWithId',
  input: { searchId: 'r.searchId' },
  pageNumber: { param: 'pageIndex', path: 'r.pageIndex', totalPagesPath: 'r.totalPages' },
};
const source = (pagination: PaginationConfig): PageSource => ({ request: { path: '/soap', soap: { operation: 'search', input: { q: 1 } } }, recordsPath: 'r.list.record', pagination });

async function collect(pages: AsyncIterable<Page>): Promise<Page[]> {
  const out: Page[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe('paginateSoap', () => {
  it('stops when the page number reaches the total, and reads an absent list as empty', async () => {
    const transport = scripted([{ r: { pageIndex: 1, totalPages: 1 } }]);
    const pages = await collect(paginateSoap(transport, source(searchPagination)));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.records).toEqual([]);
    expect(pages[0]!.next).toBeUndefined();
  });

  it('refuses a page that says more follow but gives no search id', async () => {
    const transport = scripted([{ r: { pageIndex: 1, totalPages: 3, list: { record: [{ id: 1 }] } } }]);
    await expect(collect(paginateSoap(transport, source(searchPagination)))).rejects.toThrow(/MALFORMED_RESPONSE.*no searchId/);
  });

  it('refuses a result without a total page count', async () => {
    const transport = scripted([{ r: { pageIndex: 1, searchId: 's', list: { record: [{ id: 1 }] } } }]);
    await expect(collect(paginateSoap(transport, source(searchPagination)))).rejects.toThrow(/did not say how many pages/);
  });

  it('refuses a continuation that asks for the same page again', async () => {
    const locator: PaginationConfig = { type: 'soap_continuation', operation: 'queryMore', input: { queryLocator: 'r.loc' }, donePath: 'r.done' };
    const transport = scripted([
      { r: { done: false, loc: 'L1', list: { record: [{ id: 1 }] } } },
      { r: { done: false, loc: 'L1', list: { record: [{ id: 2 }] } } },
    ]);
    await expect(collect(paginateSoap(transport, source(locator), { readAhead: false }))).rejects.toThrow(/did not advance/);
  });

  it('refuses records that are not a list', async () => {
    const transport = scripted([{ r: { pageIndex: 1, totalPages: 1, list: { record: 'x' } } }]);
    await expect(collect(paginateSoap(transport, source(searchPagination)))).rejects.toThrow(/not a list/);
  });

  it('sets the since value at the incremental body path of the first input', async () => {
    const transport = scripted([{ r: { pageIndex: 1, totalPages: 1 } }]);
    const incremental = { ...source(searchPagination), incremental: { in: 'body' as const, name: 'criteria.modifiedAfter' } };
    await collect(paginateSoap(transport, incremental, { since: new Date('2024-05-01T00:00:00Z') }));
    expect(transport.sent[0]).toEqual({ operation: 'search', input: { q: 1, criteria: { modifiedAfter: '2024-05-01T00:00:00.000Z' } } });
  });

  it('refuses to resume from a state that is not a SOAP page state', () => {
    expect(() => soapCallOf({ request: { method: 'GET', url: '/x', query: {}, headers: {} }, pageIndex: 2, recordsSoFar: 5 })).toThrow(/CONFIG_INVALID.*not a SOAP page state/);
    const state = soapPageState('/soap', { operation: 'queryMore', input: { queryLocator: 'L' } }, 1, 2);
    expect(soapCallOf(JSON.parse(JSON.stringify(state)))).toEqual({ operation: 'queryMore', input: { queryLocator: 'L' } });
  });
});
