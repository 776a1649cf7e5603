import { afterEach, describe, expect, it } from 'vitest';
import { createFetchClient, createLogger, type PageState } from '../src/index.js';
import { queryOf, sendJson, startLoopbackServer, type LoopbackServer } from './loopback-server.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const silent = createLogger({ level: 'silent' });
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: `r${from + i}` }));

describe('paginate', () => {
  it('a platform repeating the same cursor fails instead of looping', async () => {
    server = await startLoopbackServer((_r, res) => sendJson(res, 200, { data: ids(2), next: 'same' }));
    const client = createFetchClient({ baseUrl: server.url, logger: silent });
    const read = async () => {
      for await (const _page of client.paginate({ request: { path: '/x' }, recordsPath: 'data', pagination: { type: 'cursor', cursorPath: 'next', token: { in: 'query', name: 'c' } } })) {
        // keep reading
      }
    };
    await expect(read()).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE' });
    expect(server.requests.length).toBe(2);
  });

  it('refuses a next page on another origin, so credentials never follow a response elsewhere', async () => {
    server = await startLoopbackServer((_r, res) => sendJson(res, 200, { data: ids(2), next: 'http://127.0.0.2:9/steal' }));
    const client = createFetchClient({ baseUrl: server.url, auth: { type: 'bearer' }, credentials: { type: 'bearer', token: ['tok', 'en'].join('') }, logger: silent });
    const pages: number[] = [];
    const read = async () => {
      for await (const page of client.paginate({ request: { path: '/x' }, recordsPath: 'data', pagination: { type: 'next_url', nextUrlPath: 'next' } })) pages.push(page.index);
    };
    await expect(read()).rejects.toMatchObject({ code: 'MALFORMED_RESPONSE', message: expect.stringContaining('http://127.0.0.2:9') });
    expect(pages).toEqual([]);
    expect(server.requests.length).toBe(1);
  });

  it.each([
    ['{} reads as an empty page when the entity says the platform omits empty lists', true, {}, 'ok'],
    ['{} is an error otherwise', false, {}, 'MALFORMED_RESPONSE'],
    ['records moved to another key stay an error even then', true, { items: [{ id: 'r1' }] }, 'MALFORMED_RESPONSE'],
  ])('%s', async (_label, omitsEmptyRecords, body, want) => {
    server = await startLoopbackServer((_r, res) => sendJson(res, 200, body));
    const client = createFetchClient({ baseUrl: server.url, logger: silent });
    const read = async () => {
      const records: unknown[] = [];
      for await (const page of client.paginate({ request: { path: '/x' }, recordsPath: 'data', omitsEmptyRecords, pagination: { type: 'none' } })) records.push(...page.records);
      return records;
    };
    if (want === 'ok') expect(await read()).toEqual([]);
    else await expect(read()).rejects.toMatchObject({ code: want });
  });

  it('resumes from a checkpointed state (after a JSON round trip) exactly where it stopped', async () => {
    server = await startLoopbackServer((request, res) => {
      const offset = Number(queryOf(request).get('offset') ?? 0);
      sendJson(res, 200, { data: offset < 30 ? ids(10, offset) : [] });
    });
    const client = createFetchClient({ baseUrl: server.url, logger: silent });
    const source = { request: { path: '/x' }, recordsPath: 'data', pagination: { type: 'offset', offset: { in: 'query', name: 'offset' }, limit: { in: 'query', name: 'limit' }, pageSize: 10 } } as const;
    let checkpoint: string | undefined;
    for await (const page of client.paginate(source)) {
      checkpoint = JSON.stringify(page.next);
      if (page.index === 1) break; // the worker dies after committing page 1
    }
    const seen: string[] = [];
    for await (const page of client.paginate(source, { resume: JSON.parse(checkpoint!) as PageState })) {
      seen.push(...(page.records as Array<{ id: string }>).map((r) => r.id));
    }
    expect(seen).toEqual(ids(10, 20).map((r) => r.id));
  });

  it('keeps the base URL path prefix and resolves relative next links against the request', async () => {
    server = await startLoopbackServer((request, res) => {
      const page = Number(queryOf(request).get('page') ?? 1);
      const headers: Record<string, string> = page < 3 ? { link: `<?page=${page + 1}>; rel="next"` } : {};
      sendJson(res, 200, ids(1, page), headers);
    });
    const client = createFetchClient({ baseUrl: `${server.url}/api/v2`, logger: silent });
    const seen: string[] = [];
    for await (const page of client.paginate({ request: { path: '/items' }, recordsPath: '', pagination: { type: 'link_header' } })) {
      seen.push(...(page.records as Array<{ id: string }>).map((r) => r.id));
    }
    expect(seen).toEqual(['r1', 'r2', 'r3']);
    expect(server.requests.map((r) => r.url)).toEqual(['/api/v2/items', '/api/v2/items?page=2', '/api/v2/items?page=3']);
  });

  it('sends the modified-since filter on every page', async () => {
    server = await startLoopbackServer((request, res) => {
      const page = Number(queryOf(request).get('page') ?? 1);
      sendJson(res, 200, { items: page < 3 ? ids(2, page * 2) : [] });
    });
    const client = createFetchClient({ baseUrl: server.url, logger: silent });
    const since = new Date('2026-11-01T00:00:00Z');
    const source = {
      request: { path: '/x' },
      recordsPath: 'items',
      pagination: { type: 'page', page: { in: 'query', name: 'page' } },
      incremental: { in: 'header', name: 'If-Modified-Since' },
    } as const;
    for await (const _page of client.paginate(source, { since })) {
      // read all
    }
    expect(server.requests.map((r) => r.headers['if-modified-since'])).toEqual(Array(3).fill('Sun, 01 Nov 2026 00:00:00 GMT'));
    await expect(client.paginate({ ...source, incremental: undefined }, { since }).next()).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
