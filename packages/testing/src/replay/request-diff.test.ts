import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../fixture/fixture.js';
import { closestRequest, requestDifferences } from './request-diff.js';

const req = (method: string, url: string, json?: unknown): RecordedRequest => ({ method, url, headers: {}, ...(json === undefined ? {} : { json }) });

describe('requestDifferences', () => {
  it('names each query param and body field that differs, is missing or is unexpected', () => {
    const recorded = req('POST', 'https://h/v1/orders?limit=10&status=open', { customer: { email: 'a@x', id: 7 }, items: [1, 2] });
    const got = req('POST', 'https://h/v1/orders?limit=20&expand=lines', { customer: { email: 'a@x' }, items: [1, 3], note: 'hi' });
    expect(requestDifferences(recorded, got)).toEqual([
      'query param expand unexpected (got lines)',
      'query param limit differs: recorded 10, got 20',
      'query param status missing (recorded open)',
      'body field customer.id missing (recorded 7)',
      'body field items[1] differs: recorded 2, got 3',
      'body field note unexpected (got "hi")',
    ]);
  });

  it('reports method, origin and path differences and text bodies', () => {
    expect(requestDifferences({ ...req('PUT', 'https://a/x'), text: 'one' }, { ...req('POST', 'http://b/y'), text: 'two' })).toEqual([
      'method differs: recorded PUT, got POST',
      'origin differs: recorded https://a, got http://b',
      'path differs: recorded /x, got /y',
      'body differs: recorded one, got two',
    ]);
    expect(requestDifferences(req('GET', 'https://a/x'), req('GET', 'https://a/x'))).toEqual([]);
  });
});

describe('closestRequest', () => {
  it('prefers the same endpoint with the fewest differences, then the earliest', () => {
    const candidates = [
      { request: req('GET', 'https://h/v1/customers?limit=10') },
      { request: req('GET', 'https://h/v1/orders?limit=10&status=open') },
      { request: req('GET', 'https://h/v1/orders?limit=10') },
      { request: req('POST', 'https://h/v1/orders?limit=20') },
    ];
    const near = closestRequest(req('GET', 'https://h/v1/orders?limit=20'), candidates);
    expect(near?.candidate).toBe(candidates[2]);
    expect(near?.differences).toEqual(['query param limit differs: recorded 10, got 20']);
    expect(closestRequest(req('GET', 'https://h/x'), [])).toBeUndefined();
  });
});
