import { describe, expect, it } from 'vitest';
import { defineEntity, type EntityDefinition } from './define-entity.js';

const base: EntityDefinition<unknown, 'Customer'> = {
  unified: 'Customer',
  request: { method: 'POST', path: '/services/Port', soap: { operation: 'search', input: { searchRecord: {} } } },
  recordsPath: 'searchResult.recordList.record',
  pagination: {
    type: 'soap_continuation',
    operation: 'searchMoreWithId',
    input: { searchId: 'searchResult.searchId' },
    pageNumber: { param: 'pageIndex', path: 'searchResult.pageIndex', totalPagesPath: 'searchResult.totalPages' },
  },
  primaryKey: 'attributes.internalId',
  map: () => ({}) as never,
};

describe('SOAP entities', () => {
  it('accept a SOAP call with soap_continuation or none pagination', () => {
    expect(defineEntity(base).request.soap).toEqual({ operation: 'search', input: { searchRecord: {} } });
    expect(defineEntity({ ...base, pagination: { type: 'none' } }).pagination.type).toBe('none');
    const locator = defineEntity({ ...base, pagination: { type: 'soap_continuation', operation: 'queryMore', input: { queryLocator: 'result.queryLocator' }, donePath: 'result.done' } });
    expect(locator.pagination).toMatchObject({ operation: 'queryMore', donePath: 'result.done' });
  });

  it('refuse soap_continuation without a SOAP call, and HTTP pagination on one', () => {
    const { soap: _soap, ...http } = base.request;
    expect(() => defineEntity({ ...base, request: http })).toThrow(/needs request\.soap/);
    expect(() => defineEntity({ ...base, pagination: { type: 'cursor', cursorPath: 'next', token: { in: 'query', name: 'c' } } })).toThrow(/cannot be paged by "cursor"/);
  });

  it('name a malformed SOAP config field', () => {
    expect(() => defineEntity({ ...base, request: { ...base.request, soap: { operation: '' } } })).toThrow(/request\.soap\.operation/);
    expect(() => defineEntity({ ...base, pagination: { type: 'soap_continuation', operation: 'more', pageNumber: { param: 'p' } } as never })).toThrow(/pagination\.pageNumber\.totalPagesPath/);
  });
});
