import { describe, expect, it } from 'vitest';
import { applyIncremental } from './apply-incremental.js';
import { toRequestSpec } from './request-spec.js';

const SINCE = new Date('2026-03-21T08:25:43.511Z');
const spec = toRequestSpec({ path: '/orders', query: { limit: 50, filter: 'status:{OPEN}' }, method: 'POST', body: { query: {} } });

describe('applyIncremental', () => {
  it.each<[string, Parameters<typeof applyIncremental>[1], (s: ReturnType<typeof applyIncremental>) => unknown, unknown]>([
    ['a query parameter, ISO 8601', { in: 'query', name: 'updated_since' }, (s) => s.query.updated_since, '2026-03-21T08:25:43.511Z'],
    ['a header defaults to an HTTP date', { in: 'header', name: 'If-Modified-Since' }, (s) => s.headers['If-Modified-Since'], 'Sat, 21 Mar 2026 08:25:43 GMT'],
    ['unix seconds in a body field, as a number', { in: 'body', name: 'query.updated_at', format: 'unix' }, (s) => s.body, { query: { updated_at: 1774081543 } }],
    ['a template fills the whole value, replacing the old one', { in: 'query', name: 'filter', template: 'lastmodifieddate:[{since}..]' }, (s) => s.query.filter, 'lastmodifieddate:[2026-03-21T08:25:43.511Z..]'],
    ['a template with the date format', { in: 'query', name: 'q', format: 'date', template: 'updated>={since}' }, (s) => s.query.q, 'updated>=2026-03-21'],
  ])('%s', (_label, filter, pick, want) => {
    expect(pick(applyIncremental(spec, filter, SINCE))).toEqual(want);
  });

  it('keeps the rest of the request', () => {
    expect(applyIncremental(spec, { in: 'query', name: 'updated_since' }, SINCE).query).toMatchObject({ limit: '50', filter: 'status:{OPEN}' });
  });
});
