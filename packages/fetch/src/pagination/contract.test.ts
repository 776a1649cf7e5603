// One contract, every paginator: each case pairs a config with an in-memory server that
// pages a dataset the way a real API of that style does, and the same checks run on all.
import { getPath, type PaginationConfig } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { toRequestSpec, type RequestSpec, type ResponseHeaders } from '../http/request-spec.js';
import { createPaginator } from './create-paginator.js';
import type { PageContext, PageState, Paginator } from './paginator.js';
import { placeTokens } from './place-tokens.js';

interface Rec {
  id: string;
  n: number;
  ref: { key: string };
}

interface Served {
  status: number;
  headers: ResponseHeaders;
  body: unknown;
}

interface Server {
  /** The request the client starts from, before `start()` tokens. */
  request: RequestSpec;
  /** Where the records are in a body ("" = the body is the array). */
  recordsPath: string;
  /** Records the server returns per full page. */
  perPage: number;
  /** True when only an empty page ends the read (no signal on the last full page). */
  endsWithEmptyPage: boolean;
  serve(dataset: readonly Rec[], request: RequestSpec): Served;
}

type Case = readonly [name: string, config: PaginationConfig, server: Server];

const ORIGIN = 'https://api.test';
const SIZE = 5;
const DATASET_SIZES = [0, 1, 4, 5, 23, 25];

const inQuery = (name: string) => ({ in: 'query', name }) as const;
const inHeader = (name: string) => ({ in: 'header', name }) as const;
const inBody = (name: string) => ({ in: 'body', name }) as const;

const makeDataset = (count: number): Rec[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `rec_${String(i + 1).padStart(3, '0')}`,
    n: i + 1,
    ref: { key: `k${i + 1}` },
  }));

// --- what a server sees of a request ------------------------------------------------------

const pathOf = (request: RequestSpec): string => new URL(request.url, ORIGIN).pathname;

/** The query a server receives: the URL's own plus `query`; a name sent twice is a client bug. */
function queryParam(request: RequestSpec, name: string): string | undefined {
  const fromUrl = new URL(request.url, ORIGIN).searchParams.getAll(name);
  const values = [...fromUrl, ...(request.query[name] === undefined ? [] : [request.query[name]])];
  if (values.length > 1) throw new Error(`query parameter "${name}" sent ${values.length} times`);
  return values[0];
}

function header(request: RequestSpec, name: string): string | undefined {
  return Object.entries(request.headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

const ok = (body: unknown, headers: ResponseHeaders = {}): Served => ({ status: 200, headers, body });
const fail = (status: number, why: string): Served => ({ status, headers: {}, body: { error: why } });

/** A server-side opaque cursor: an encoded position, as real cursors often are. */
const encodeCursor = (position: number): string => Buffer.from(`pos:${position}`).toString('base64url');
function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return 0;
  const match = /^pos:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Records after the one with `id` (Stripe's `starting_after`); all when `id` is undefined. */
function after(dataset: readonly Rec[], id: unknown, idOf: (record: Rec) => string = (r) => r.id): Rec[] | undefined {
  if (id === undefined) return dataset.slice(0, SIZE);
  const index = dataset.findIndex((record) => idOf(record) === id);
  return index < 0 ? undefined : dataset.slice(index + 1, index + 1 + SIZE);
}

// --- the cases ------------------------------------------------------------------------------

const NONE: Case[] = [
  [
    'none: top-level array',
    { type: 'none' },
    {
      request: toRequestSpec({ path: '/v1/all' }),
      recordsPath: '',
      perPage: Number.MAX_SAFE_INTEGER,
      endsWithEmptyPage: false,
      serve: (data) => ok([...data]),
    },
  ],
  [
    'none: nested data.items',
    { type: 'none' },
    {
      request: toRequestSpec({ url: `${ORIGIN}/v1/all` }),
      recordsPath: 'data.items',
      perPage: Number.MAX_SAFE_INTEGER,
      endsWithEmptyPage: false,
      serve: (data) => ok({ data: { items: [...data] } }),
    },
  ],
  [
    'none: POST report',
    { type: 'none' },
    {
      request: toRequestSpec({ method: 'POST', path: '/v1/report', body: { range: 'all' } }),
      recordsPath: 'rows',
      perPage: Number.MAX_SAFE_INTEGER,
      endsWithEmptyPage: false,
      serve: (data, request) =>
        getPath(request.body, 'range') === 'all' ? ok({ rows: [...data] }) : fail(400, 'body lost'),
    },
  ],
];

const OFFSET: Case[] = [
  [
    'offset: query, top-level array, empty-page stop',
    { type: 'offset', offset: inQuery('offset'), limit: inQuery('limit'), pageSize: SIZE },
    {
      request: toRequestSpec({ path: '/v1/items', query: { status: 'open' } }),
      recordsPath: '',
      perPage: SIZE,
      endsWithEmptyPage: true,
      serve: (data, request) => {
        const offset = Number(queryParam(request, 'offset'));
        const limit = Number(queryParam(request, 'limit'));
        if (queryParam(request, 'status') !== 'open') return fail(400, 'filter lost');
        return ok(data.slice(offset, offset + limit));
      },
    },
  ],
  [
    'offset: server caps the limit at 4, data.items + meta.total',
    {
      type: 'offset',
      offset: inQuery('skip'),
      limit: inQuery('take'),
      pageSize: SIZE,
      stop: { totalPath: 'meta.total' },
    },
    {
      request: toRequestSpec({ url: `${ORIGIN}/v2/things` }),
      recordsPath: 'data.items',
      perPage: 4,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        const skip = Number(queryParam(request, 'skip'));
        const take = Math.min(Number(queryParam(request, 'take')), 4);
        return ok({ data: { items: data.slice(skip, skip + take) }, meta: { total: data.length } });
      },
    },
  ],
  [
    'offset: POST search, numbers in body paging, has_more',
    {
      type: 'offset',
      offset: inBody('paging.offset'),
      limit: inBody('paging.limit'),
      pageSize: SIZE,
      stop: { hasMorePath: 'has_more' },
    },
    {
      request: toRequestSpec({ method: 'POST', path: '/v1/search', body: { filter: { q: 'x' } } }),
      recordsPath: 'results',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        const offset = getPath(request.body, 'paging.offset');
        const limit = getPath(request.body, 'paging.limit');
        if (typeof offset !== 'number' || typeof limit !== 'number') return fail(400, 'paging must be numbers');
        if (getPath(request.body, 'filter.q') !== 'x') return fail(400, 'filter lost');
        return ok({ results: data.slice(offset, offset + limit), has_more: offset + limit < data.length });
      },
    },
  ],
];

const PAGE: Case[] = [
  [
    'page: 1-based query page/per_page, top-level array, empty-page stop',
    { type: 'page', page: inQuery('page'), size: inQuery('per_page'), pageSize: SIZE },
    {
      request: toRequestSpec({ path: '/v1/items' }),
      recordsPath: '',
      perPage: SIZE,
      endsWithEmptyPage: true,
      serve: (data, request) => {
        const page = Number(queryParam(request, 'page'));
        const size = Number(queryParam(request, 'per_page'));
        if (page < 1) return fail(400, 'pages start at 1');
        return ok(data.slice((page - 1) * size, page * size));
      },
    },
  ],
  [
    'page: 0-based page in a header, data.items + meta.total_pages',
    { type: 'page', page: inHeader('X-Page'), firstPage: 0, stop: { totalPagesPath: 'meta.total_pages' } },
    {
      request: toRequestSpec({ path: '/v1/items', headers: { Accept: 'application/json' } }),
      recordsPath: 'data.items',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        const page = Number(header(request, 'x-page'));
        if (!Number.isInteger(page) || page < 0) return fail(400, 'bad X-Page');
        const items = data.slice(page * SIZE, (page + 1) * SIZE);
        return ok({ data: { items }, meta: { total_pages: Math.ceil(data.length / SIZE) } });
      },
    },
  ],
  [
    'page: POST body page.number/page.size, total as a string',
    {
      type: 'page',
      page: inBody('page.number'),
      size: inBody('page.size'),
      pageSize: SIZE,
      stop: { totalPath: 'total' },
    },
    {
      request: toRequestSpec({ method: 'POST', path: '/v1/search', body: { query: 'all' } }),
      recordsPath: 'results',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        const page = getPath(request.body, 'page.number');
        const size = getPath(request.body, 'page.size');
        if (typeof page !== 'number' || typeof size !== 'number') return fail(400, 'page must be numbers');
        return ok({ results: data.slice((page - 1) * size, page * size), total: String(data.length) });
      },
    },
  ],
];

const CURSOR: Case[] = [
  [
    'cursor: query, data + next_cursor null at the end',
    { type: 'cursor', cursorPath: 'next_cursor', token: inQuery('cursor') },
    {
      request: toRequestSpec({ path: '/v1/items', query: { limit: SIZE } }),
      recordsPath: 'data',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        const position = decodeCursor(queryParam(request, 'cursor'));
        if (position === undefined) return fail(400, 'bad cursor');
        const end = position + SIZE;
        return ok({ data: data.slice(position, end), next_cursor: end < data.length ? encodeCursor(end) : null });
      },
    },
  ],
  [
    'cursor: header, items + meta.next "" at the end',
    { type: 'cursor', cursorPath: 'meta.next', token: inHeader('X-Cursor') },
    {
      request: toRequestSpec({ url: `${ORIGIN}/v1/items`, headers: { 'x-cursor': 'ignored-on-first-page' } }),
      recordsPath: 'items',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        const raw = header(request, 'x-cursor');
        const position = raw === 'ignored-on-first-page' ? 0 : decodeCursor(raw);
        if (position === undefined) return fail(400, 'bad cursor');
        const end = position + SIZE;
        return ok({ items: data.slice(position, end), meta: { next: end < data.length ? encodeCursor(end) : '' } });
      },
    },
  ],
  [
    'cursor: POST body search.after, cursor on every page, has_more decides',
    {
      type: 'cursor',
      cursorPath: 'cursor',
      token: inBody('search.after'),
      stop: { hasMorePath: 'has_more' },
    },
    {
      request: toRequestSpec({ method: 'POST', path: '/v1/search', body: { search: { q: 'x' } } }),
      recordsPath: 'results.items',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        const after = getPath(request.body, 'search.after');
        const position = decodeCursor(typeof after === 'string' ? after : undefined);
        if (position === undefined) return fail(400, 'bad cursor');
        const end = Math.min(position + SIZE, data.length);
        const items = data.slice(position, end);
        return ok({ results: { items }, cursor: encodeCursor(end), has_more: end < data.length });
      },
    },
  ],
  [
    'cursor: numeric cursor, field missing at the end',
    { type: 'cursor', cursorPath: 'paging.next_id', token: inQuery('since') },
    {
      request: toRequestSpec({ path: '/v1/events' }),
      recordsPath: 'events',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        const since = Number(queryParam(request, 'since') ?? '0');
        const end = since + SIZE;
        return ok({ events: data.slice(since, end), paging: end < data.length ? { next_id: end } : {} });
      },
    },
  ],
];

const LAST_ID: Case[] = [
  [
    'last_id: Stripe style, query starting_after, data + has_more',
    { type: 'last_id', idPath: 'id', token: inQuery('starting_after'), stop: { hasMorePath: 'has_more' } },
    {
      request: toRequestSpec({ path: '/v1/charges', query: { limit: SIZE } }),
      recordsPath: 'data',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        const page = after(data, queryParam(request, 'starting_after'));
        if (page === undefined) return fail(404, 'no such object');
        const last = page.at(-1);
        return ok({ object: 'list', data: page, has_more: last !== undefined && last !== data.at(-1) });
      },
    },
  ],
  [
    'last_id: header, top-level array, empty-page stop',
    { type: 'last_id', idPath: 'id', token: inHeader('X-After') },
    {
      request: toRequestSpec({ url: `${ORIGIN}/v1/items` }),
      recordsPath: '',
      perPage: SIZE,
      endsWithEmptyPage: true,
      serve: (data, request) => {
        const page = after(data, header(request, 'x-after'));
        return page === undefined ? fail(404, 'no such id') : ok(page);
      },
    },
  ],
  [
    'last_id: POST body after, nested id ref.key, total count',
    { type: 'last_id', idPath: 'ref.key', token: inBody('after'), stop: { totalPath: 'count' } },
    {
      request: toRequestSpec({ method: 'POST', path: '/v1/search', body: { q: 'x' } }),
      recordsPath: 'hits',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        const page = after(data, getPath(request.body, 'after'), (record) => record.ref.key);
        return page === undefined ? fail(404, 'no such key') : ok({ hits: page, count: data.length });
      },
    },
  ],
];

/** GitHub's shape: absolute URLs, quoted rels, next/last/first/prev. */
function githubLinks(url: string, page: number, lastPage: number): string {
  const link = (p: number, rel: string) => `<${url}?page=${p}&per_page=${SIZE}>; rel="${rel}"`;
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  return links.join(', ');
}

const GITHUB_ISSUES = 'https://api.github.test/repos/o/r/issues';

const LINK_HEADER: Case[] = [
  [
    'link_header: GitHub style absolute links, top-level array',
    { type: 'link_header' },
    {
      request: toRequestSpec({ url: GITHUB_ISSUES, query: { per_page: SIZE, state: 'all' } }),
      recordsPath: '',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        if (pathOf(request) !== '/repos/o/r/issues') return fail(404, 'wrong path');
        const page = Number(queryParam(request, 'page') ?? '1');
        const perPage = Number(queryParam(request, 'per_page'));
        const lastPage = Math.max(1, Math.ceil(data.length / perPage));
        const link = githubLinks(GITHUB_ISSUES, page, lastPage);
        return ok(data.slice((page - 1) * perPage, page * perPage), link === '' ? {} : { link });
      },
    },
  ],
  [
    'link_header: query-only relative links, unquoted rel, relative request path',
    { type: 'link_header' },
    {
      request: toRequestSpec({ path: '/v1/items' }),
      recordsPath: 'items',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        if (pathOf(request) !== '/v1/items') return fail(404, 'wrong path');
        const position = decodeCursor(queryParam(request, 'cursor'));
        if (position === undefined) return fail(400, 'bad cursor');
        const end = position + SIZE;
        const headers: ResponseHeaders = end < data.length ? { link: `<?cursor=${encodeCursor(end)}>; rel=next` } : {};
        return ok({ items: data.slice(position, end) }, headers);
      },
    },
  ],
  [
    'link_header: custom rel "older" among several rels, titles with commas, data.items',
    { type: 'link_header', rel: 'older' },
    {
      request: toRequestSpec({ url: `${ORIGIN}/v1/feed`, query: { since: '2024-01-01' } }),
      recordsPath: 'data.items',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        const before = Number(queryParam(request, 'before') ?? '0');
        const end = before + SIZE;
        const links = [`</v1/feed?after=${before}>; rel="newer prev"; title="newer, please"`];
        if (end < data.length) links.push(`</v1/feed?before=${end}>; title="older; more, items"; rel="next older"`);
        return ok({ data: { items: data.slice(before, end) } }, { link: links.join(', ') });
      },
    },
  ],
];

const NEXT_URL: Case[] = [
  [
    'next_url: Django REST style absolute next, null at the end',
    { type: 'next_url', nextUrlPath: 'next' },
    {
      request: toRequestSpec({ path: '/api/items/', query: { page_size: SIZE } }),
      recordsPath: 'results',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        const page = Number(queryParam(request, 'page') ?? '1');
        const size = Number(queryParam(request, 'page_size'));
        const next = page * size < data.length ? `${ORIGIN}/api/items/?page=${page + 1}&page_size=${size}` : null;
        return ok({ count: data.length, next, results: data.slice((page - 1) * size, page * size) });
      },
    },
  ],
  [
    'next_url: base-relative next in paging.next, missing at the end',
    { type: 'next_url', nextUrlPath: 'paging.next' },
    {
      request: toRequestSpec({ url: `${ORIGIN}/v3/objects` }),
      recordsPath: 'items',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        if (pathOf(request) !== '/v3/objects') return fail(404, 'wrong path');
        const position = decodeCursor(queryParam(request, 'after'));
        if (position === undefined) return fail(400, 'bad cursor');
        const end = position + SIZE;
        const paging = end < data.length ? { next: `/v3/objects?after=${encodeCursor(end)}` } : {};
        return ok({ items: data.slice(position, end), paging });
      },
    },
  ],
  [
    'next_url: POST search, links.next always present, meta.has_more decides',
    { type: 'next_url', nextUrlPath: 'links.next', stop: { hasMorePath: 'meta.has_more' } },
    {
      request: toRequestSpec({ method: 'POST', path: '/v1/search', body: { q: 'x' } }),
      recordsPath: 'data.hits',
      perPage: SIZE,
      endsWithEmptyPage: false,
      serve: (data, request) => {
        if (getPath(request.body, 'q') !== 'x') return fail(400, 'body lost');
        const position = decodeCursor(queryParam(request, 'page_token'));
        if (position === undefined) return fail(400, 'bad token');
        const end = Math.min(position + SIZE, data.length);
        return ok({
          data: { hits: data.slice(position, end) },
          links: { next: `${ORIGIN}/v1/search?page_token=${encodeCursor(end)}` },
          meta: { has_more: end < data.length },
        });
      },
    },
  ],
];

const CASES: Case[] = [...NONE, ...OFFSET, ...PAGE, ...CURSOR, ...LAST_ID, ...LINK_HEADER, ...NEXT_URL];

// --- the driver: what the client will do, minus HTTP ---------------------------------------

const MAX_REQUESTS = 100;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** The state a read starts from: what `start()` asks for on the base request. */
function startState(config: PaginationConfig, base: RequestSpec): PageState {
  return { request: placeTokens(base, createPaginator(config).start()), pageIndex: 0, recordsSoFar: 0 };
}

/** Reads to the end from `from`, keeping the state before each request (what a checkpoint stores). */
function drive(paginator: Paginator, server: Server, dataset: readonly Rec[], from: PageState) {
  const states: PageState[] = [];
  const records: unknown[] = [];
  let state = deepFreeze(from);
  for (;;) {
    if (states.length === MAX_REQUESTS) throw new Error(`no end after ${MAX_REQUESTS} requests`);
    states.push(state);
    const { request, pageIndex } = state;
    const response = deepFreeze(server.serve(dataset, request));
    if (response.status !== 200) {
      throw new Error(`server answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    const pageRecords = getPath(response.body, server.recordsPath);
    if (!Array.isArray(pageRecords)) throw new Error(`no records at "${server.recordsPath}"`);
    records.push(...pageRecords);
    const recordsSoFar = state.recordsSoFar + pageRecords.length;
    const page: PageContext = deepFreeze({ request, ...response, records: pageRecords, pageIndex, recordsSoFar });
    const snapshot = structuredClone(page);
    const tokens = paginator.next(page);
    expect(page).toEqual(snapshot);
    if (tokens === undefined) return { requests: states.map((s) => s.request), states, records };
    state = deepFreeze({ request: placeTokens(request, tokens), pageIndex: pageIndex + 1, recordsSoFar });
  }
}

const read = (config: PaginationConfig, server: Server, dataset: readonly Rec[], base = server.request) =>
  drive(createPaginator(config), server, dataset, startState(config, base));

for (const [name, config, server] of CASES) {
  describe(`paginator contract: ${name}`, () => {
    it.each(DATASET_SIZES)('%i records: each exactly once, in order, then stops', (size) => {
      const dataset = deepFreeze(makeDataset(size));
      const { requests, records } = read(config, server, dataset);
      expect(records).toEqual(dataset);
      const pages = Math.ceil(size / server.perPage);
      expect(requests).toHaveLength(size === 0 ? 1 : pages + (server.endsWithEmptyPage ? 1 : 0));
    });

    it('empty dataset: one request, zero records', () => {
      const { requests, records } = read(config, server, []);
      expect(requests).toHaveLength(1);
      expect(records).toEqual([]);
    });

    it('never mutates the request it starts from', () => {
      const base = deepFreeze(structuredClone(server.request));
      const snapshot = structuredClone(base);
      read(config, server, makeDataset(12), base);
      expect(base).toEqual(snapshot);
    });

    it('is stateless: one paginator serves two reads with the same requests', () => {
      const paginator = createPaginator(config);
      const dataset = makeDataset(12);
      const first = drive(paginator, server, dataset, startState(config, server.request));
      const second = drive(paginator, server, dataset, startState(config, server.request));
      expect(second.requests).toEqual(first.requests);
    });

    it('resumes from any checkpointed state (after a JSON round trip) with the records that remain', () => {
      const dataset = makeDataset(23);
      const { states } = read(config, server, dataset);
      for (const state of states) {
        const restored = JSON.parse(JSON.stringify(state)) as PageState;
        const resumed = drive(createPaginator(config), server, dataset, restored);
        expect(resumed.records).toEqual(dataset.slice(state.recordsSoFar));
      }
    });
  });
}

describe('paginator contract coverage', () => {
  it.each(['none', 'offset', 'page', 'cursor', 'last_id', 'link_header', 'next_url'] as const)(
    '%s has at least 3 response shapes',
    (type) => {
      expect(CASES.filter(([, config]) => config.type === type).length).toBeGreaterThanOrEqual(3);
    },
  );
});
