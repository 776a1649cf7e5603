import { defineEntity, type Entity } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { applyPageSize } from './apply-page-size.js';

const base = {
  unified: 'Customer' as const,
  recordsPath: 'data',
  primaryKey: 'id',
  map: () => ({ id: 'x' }),
};
const lastId = defineEntity({
  ...base,
  request: { path: '/customers', query: { limit: 100 } },
  pagination: { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' } },
  pageSize: { param: { in: 'query', name: 'limit' }, max: 100 },
});
const searchBody = defineEntity({
  ...base,
  request: { method: 'POST', path: '/search', body: { query: { sort: 'asc' } } },
  pagination: { type: 'cursor', cursorPath: 'cursor', token: { in: 'body', name: 'cursor' } },
  pageSize: { param: { in: 'body', name: 'paging.limit' } },
});
const offset = defineEntity({
  ...base,
  request: { path: '/orders' },
  pagination: { type: 'offset', offset: { in: 'query', name: 'offset' }, limit: { in: 'query', name: 'limit' }, pageSize: 50 },
});
const unsized = defineEntity({ ...base, request: { path: '/accounts' }, pagination: { type: 'none' } });

describe('applyPageSize', () => {
  it.each<[string, Entity, number | undefined, (entity: Entity) => unknown, unknown]>([
    ['no configured size keeps the entity', lastId, undefined, (e) => e.request.query, { limit: 100 }],
    ['query param, under the max', lastId, 40, (e) => e.request.query, { limit: 40 }],
    ['query param, capped at the max', lastId, 500, (e) => e.request.query, { limit: 100 }],
    ['body param at a dot path, body kept', searchBody, 250, (e) => e.request.body, { query: { sort: 'asc' }, paging: { limit: 250 } }],
    ['offset pagination takes it as pageSize', offset, 200, (e) => e.pagination, expect.objectContaining({ pageSize: 200 })],
    ['nowhere to put it: unchanged', unsized, 200, (e) => e, unsized],
  ])('%s', (_label, entity, size, pick, want) => {
    expect(pick(applyPageSize(entity, size))).toEqual(want);
  });

  it('never changes the connector entity itself', () => {
    applyPageSize(searchBody, 10);
    expect(searchBody.request.body).toEqual({ query: { sort: 'asc' } });
  });
});
