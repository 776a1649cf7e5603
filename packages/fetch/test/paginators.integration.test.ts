import type { PaginationConfig } from '@portage/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchClient, createLogger, type FetchClient } from '../src/index.js';
import { queryOf, sendJson, startLoopbackServer, type LoopbackServer, type RecordedRequest } from './loopback-server.js';

// 23 records, pages of 5: four full pages and a short one, so off-by-one errors show.
const RECORDS = Array.from({ length: 23 }, (_, i) => ({ id: `r${String(i + 1).padStart(2, '0')}`, n: i + 1 }));
const SIZE = 5;

interface Answer {
  body: unknown;
  headers?: Record<string, string>;
}

interface Case {
  name: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  recordsPath: string;
  pagination: PaginationConfig;
  /** Where the server reads the position from, and what it answers. */
  answer(request: RecordedRequest, base: string): Answer;
}

const slice = (start: number) => RECORDS.slice(start, start + SIZE);
const bodyOf = (r: RecordedRequest) => (r.body ? (JSON.parse(r.body) as Record<string, unknown>) : {});
const num = (value: unknown, fallback: number) => (value === undefined || value === null ? fallback : Number(value));

const CASES: Case[] = [
  // offset / limit
  {
    name: 'offset: query, records under data, total count stop',
    recordsPath: 'data',
    pagination: { type: 'offset', offset: { in: 'query', name: 'offset' }, limit: { in: 'query', name: 'limit' }, pageSize: SIZE, stop: { totalPath: 'total' } },
    answer: (r) => ({ body: { data: slice(num(queryOf(r).get('offset'), 0)), total: RECORDS.length } }),
  },
  {
    name: 'offset: top-level array, stops on the empty page',
    recordsPath: '',
    pagination: { type: 'offset', offset: { in: 'query', name: 'skip' }, limit: { in: 'query', name: 'take' }, pageSize: SIZE, startOffset: 0 },
    answer: (r) => ({ body: slice(num(queryOf(r).get('skip'), 0)) }),
  },
  {
    name: 'offset: POST search with offset in the JSON body and a has-more flag',
    method: 'POST',
    body: { filter: { status: 'open' } },
    recordsPath: 'result.items',
    pagination: { type: 'offset', offset: { in: 'body', name: 'paging.offset' }, limit: { in: 'body', name: 'paging.limit' }, pageSize: SIZE, stop: { hasMorePath: 'result.more' } },
    answer: (r) => {
      const paging = bodyOf(r).paging as { offset: number; limit: number };
      expect(bodyOf(r).filter).toEqual({ status: 'open' });
      return { body: { result: { items: slice(paging.offset), more: paging.offset + SIZE < RECORDS.length } } };
    },
  },
  // page number
  {
    name: 'page: 1-based page and size in the query, empty-page stop',
    recordsPath: 'items',
    pagination: { type: 'page', page: { in: 'query', name: 'page' }, size: { in: 'query', name: 'per_page' }, pageSize: SIZE },
    answer: (r) => ({ body: { items: slice((num(queryOf(r).get('page'), 1) - 1) * SIZE) } }),
  },
  {
    name: 'page: 0-based page with a total-pages count',
    recordsPath: 'content',
    pagination: { type: 'page', page: { in: 'query', name: 'p' }, firstPage: 0, stop: { totalPagesPath: 'totalPages' } },
    answer: (r) => ({ body: { content: slice(num(queryOf(r).get('p'), 0) * SIZE), totalPages: Math.ceil(RECORDS.length / SIZE) } }),
  },
  {
    name: 'page: page number in a header',
    recordsPath: 'Invoices',
    pagination: { type: 'page', page: { in: 'header', name: 'X-Page' } },
    answer: (r) => ({ body: { Invoices: slice((num(r.headers['x-page'], 1) - 1) * SIZE) } }),
  },
  // cursor from the body
  {
    name: 'cursor: from the body into the query, null at the end',
    recordsPath: 'data',
    pagination: { type: 'cursor', cursorPath: 'meta.next_cursor', token: { in: 'query', name: 'cursor' } },
    answer: (r) => {
      const start = num(queryOf(r).get('cursor'), 0);
      return { body: { data: slice(start), meta: { next_cursor: start + SIZE < RECORDS.length ? String(start + SIZE) : null } } };
    },
  },
  {
    name: 'cursor: sent back in a header, missing at the end',
    recordsPath: 'values',
    pagination: { type: 'cursor', cursorPath: 'next', token: { in: 'header', name: 'X-Continuation' } },
    answer: (r) => {
      const start = num(r.headers['x-continuation'], 0);
      return { body: { values: slice(start), ...(start + SIZE < RECORDS.length ? { next: String(start + SIZE) } : {}) } };
    },
  },
  {
    name: 'cursor: POST search with the cursor in the JSON body (Square style)',
    method: 'POST',
    body: { limit: SIZE, query: { sort: 'asc' } },
    recordsPath: 'orders',
    pagination: { type: 'cursor', cursorPath: 'cursor', token: { in: 'body', name: 'cursor' } },
    answer: (r) => {
      const body = bodyOf(r);
      expect(body.query).toEqual({ sort: 'asc' });
      const start = typeof body.cursor === 'string' ? Number(body.cursor.slice(1)) : 0;
      return { body: { orders: slice(start), ...(start + SIZE < RECORDS.length ? { cursor: `c${start + SIZE}` } : {}) } };
    },
  },
  // last id (Stripe)
  {
    name: 'last_id: Stripe starting_after with has_more',
    recordsPath: 'data',
    pagination: { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' }, stop: { hasMorePath: 'has_more' } },
    answer: (r) => {
      const after = queryOf(r).get('starting_after');
      const start = after ? RECORDS.findIndex((x) => x.id === after) + 1 : 0;
      return { body: { object: 'list', data: slice(start), has_more: start + SIZE < RECORDS.length } };
    },
  },
  {
    name: 'last_id: top-level array, stops on the empty page',
    recordsPath: '',
    pagination: { type: 'last_id', idPath: 'n', token: { in: 'query', name: 'since_id' } },
    answer: (r) => ({ body: slice(num(queryOf(r).get('since_id'), 0)) }),
  },
  {
    name: 'last_id: nested id sent in a POST body',
    method: 'POST',
    body: {},
    recordsPath: 'edges',
    pagination: { type: 'last_id', idPath: 'node.id', token: { in: 'body', name: 'after' }, stop: { hasMorePath: 'pageInfo.hasNextPage' } },
    answer: (r) => {
      const after = bodyOf(r).after as string | undefined;
      const start = after ? RECORDS.findIndex((x) => x.id === after) + 1 : 0;
      return { body: { edges: slice(start).map((node) => ({ node })), pageInfo: { hasNextPage: start + SIZE < RECORDS.length } } };
    },
  },
  // RFC 8288 Link header
  {
    name: 'link_header: absolute next among several relations (GitHub style)',
    recordsPath: '',
    pagination: { type: 'link_header' },
    answer: (r, base) => {
      const page = num(queryOf(r).get('page'), 1);
      const links = [`<${base}/items?page=1>; rel="first"`, `<${base}/items?page=5>; rel="last"`];
      if (page * SIZE < RECORDS.length) links.unshift(`<${base}/items?page=${page + 1}&per_page=${SIZE}>; rel="next"`);
      return { body: slice((page - 1) * SIZE), headers: { link: links.join(', ') } };
    },
  },
  {
    name: 'link_header: relative URI with extra parameters and a multi-valued rel',
    recordsPath: 'results',
    pagination: { type: 'link_header' },
    answer: (r) => {
      const page = num(queryOf(r).get('page'), 1);
      const next = page * SIZE < RECORDS.length ? { link: `</items?page=${page + 1}>; title="page, next"; rel="next nofollow"` } : undefined;
      return { body: { results: slice((page - 1) * SIZE) }, ...(next ? { headers: next } : {}) };
    },
  },
  {
    name: 'link_header: custom rel name',
    recordsPath: 'data',
    pagination: { type: 'link_header', rel: 'continue' },
    answer: (r) => {
      const start = num(queryOf(r).get('from'), 0);
      const next = start + SIZE < RECORDS.length ? { link: `</items?from=${start + SIZE}>; rel=continue` } : undefined;
      return { body: { data: slice(start) }, ...(next ? { headers: next } : {}) };
    },
  },
  // next URL in the body
  {
    name: 'next_url: absolute href (eBay style), absent at the end',
    recordsPath: 'orders',
    pagination: { type: 'next_url', nextUrlPath: 'next' },
    answer: (r, base) => {
      const offset = num(queryOf(r).get('offset'), 0);
      const more = offset + SIZE < RECORDS.length;
      return { body: { orders: slice(offset), total: RECORDS.length, ...(more ? { next: `${base}/items?limit=${SIZE}&offset=${offset + SIZE}` } : {}) } };
    },
  },
  {
    name: 'next_url: relative path under links.next, null at the end',
    recordsPath: 'data',
    pagination: { type: 'next_url', nextUrlPath: 'links.next' },
    answer: (r) => {
      const offset = num(queryOf(r).get('o'), 0);
      return { body: { data: slice(offset), links: { next: offset + SIZE < RECORDS.length ? `/items?o=${offset + SIZE}` : null } } };
    },
  },
  {
    name: 'next_url: with a total count stop',
    recordsPath: 'value',
    pagination: { type: 'next_url', nextUrlPath: '@odata.nextLink', stop: { totalPath: 'count' } },
    answer: (r) => {
      const offset = num(queryOf(r).get('$skip'), 0);
      // The platform keeps sending a next link; the total count is what ends the read.
      return { body: { value: slice(offset), count: RECORDS.length, '@odata.nextLink': `/items?$skip=${offset + SIZE}` } };
    },
  },
  {
    name: 'none: a single page',
    recordsPath: 'all',
    pagination: { type: 'none' },
    answer: () => ({ body: { all: RECORDS } }),
  },
];

let server: LoopbackServer;
let client: FetchClient;
let current: Case;

beforeAll(async () => {
  server = await startLoopbackServer((request, res) => {
    const answer = current.answer(request, server.url);
    sendJson(res, 200, answer.body, answer.headers);
  });
  client = createFetchClient({ baseUrl: server.url, logger: createLogger({ level: 'silent' }) });
});

afterAll(async () => {
  await client.close();
  await server.close();
});

describe.each(CASES)('$name', (testCase) => {
  it('reads every record exactly once, in order, and stops', async () => {
    current = testCase;
    server.requests.length = 0;
    const request = Object.freeze({ method: testCase.method ?? 'GET', path: '/items', ...(testCase.body ? { body: testCase.body } : {}) });
    const ids: string[] = [];
    for await (const page of client.paginate({ request, recordsPath: testCase.recordsPath, pagination: testCase.pagination })) {
      for (const record of page.records as Array<{ id?: string; node?: { id: string } }>) ids.push(record.id ?? record.node!.id);
    }
    expect(ids).toEqual(RECORDS.map((r) => r.id));
    // Five pages hold the data; a paginator with no end signal but an empty page may ask once more.
    expect(server.requests.length).toBeGreaterThanOrEqual(testCase.pagination.type === 'none' ? 1 : 5);
    expect(server.requests.length).toBeLessThanOrEqual(testCase.pagination.type === 'none' ? 1 : 6);
    expect(server.requests.every((r) => r.method === (testCase.method ?? 'GET'))).toBe(true);
  });
});
