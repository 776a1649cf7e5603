import { isPortageError, type PaginationConfig } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { toRequestSpec } from '../http/request-spec.js';
import { createPaginator, PAGINATOR_FACTORIES } from './create-paginator.js';
import type { PageContext, PageToken } from './paginator.js';

function page(body: unknown, records: unknown[], { pageIndex = 0, recordsSoFar = records.length } = {}): PageContext {
  return { request: toRequestSpec({ path: '/items' }), status: 200, headers: {}, body, records, pageIndex, recordsSoFar };
}

const query = (name: string) => ({ in: 'query' as const, name });
const q = (name: string, value: string | number): PageToken => ({ kind: 'param', placement: query(name), value });

describe('createPaginator', () => {
  it('has a factory for every pagination type', () => {
    expect(Object.keys(PAGINATOR_FACTORIES).sort()).toEqual(['cursor', 'last_id', 'link_header', 'next_url', 'none', 'offset', 'page']);
  });

  it('rejects an unknown type with CONFIG_INVALID', () => {
    const config = { type: 'scroll' } as unknown as PaginationConfig;
    expect(() => createPaginator(config)).toThrowError(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it.each<[string, PaginationConfig, PageToken[]]>([
    ['none', { type: 'none' }, []],
    ['offset with a start offset', { type: 'offset', offset: query('o'), limit: query('l'), pageSize: 5, startOffset: 10 }, [q('o', 10), q('l', 5)]],
    ['page with default first page, no size', { type: 'page', page: query('p') }, [q('p', 1)]],
    ['page with size but no pageSize sends no size', { type: 'page', page: query('p'), size: query('s') }, [q('p', 1)]],
    ['page from 0 with a size', { type: 'page', page: query('p'), size: query('s'), pageSize: 5, firstPage: 0 }, [q('p', 0), q('s', 5)]],
    ['cursor', { type: 'cursor', cursorPath: 'next', token: query('c') }, []],
    ['last_id', { type: 'last_id', idPath: 'id', token: query('after') }, []],
    ['link_header', { type: 'link_header' }, []],
    ['next_url', { type: 'next_url', nextUrlPath: 'next' }, []],
  ])('start tokens: %s', (_name, config, want) => {
    expect(createPaginator(config).start()).toEqual(want);
  });

  it.each<[string, PaginationConfig, PageContext, PageToken[] | undefined]>([
    [
      'offset continues from startOffset + recordsSoFar, even after a short page',
      { type: 'offset', offset: query('o'), limit: query('l'), pageSize: 5, startOffset: 10 },
      page({}, [1, 2, 3], { recordsSoFar: 8 }),
      [q('o', 18), q('l', 5)],
    ],
    [
      'offset stops on total including the start offset',
      { type: 'offset', offset: query('o'), limit: query('l'), pageSize: 5, startOffset: 10, stop: { totalPath: 'total' } },
      page({ total: 23 }, [1, 2, 3], { recordsSoFar: 13 }),
      undefined,
    ],
    [
      '0-based page numbers stop on total pages without an extra request',
      { type: 'page', page: query('p'), firstPage: 0, stop: { totalPagesPath: 'pages' } },
      page({ pages: 2 }, [1], { pageIndex: 1 }),
      undefined,
    ],
    ['page next = firstPage + pageIndex + 1', { type: 'page', page: query('p'), firstPage: 0 }, page({}, [1], { pageIndex: 2 }), [q('p', 3)]],
    [
      'a repeated cursor is returned as is (loop detection is the client’s)',
      { type: 'cursor', cursorPath: 'next', token: query('c') },
      { ...page({ next: 'same' }, [1]), request: toRequestSpec({ path: '/items', query: { c: 'same' } }) },
      [q('c', 'same')],
    ],
    ['a numeric cursor stays a number', { type: 'cursor', cursorPath: 'next', token: query('c') }, page({ next: 7 }, [1]), [q('c', 7)]],
    ['cursor "" ends the read', { type: 'cursor', cursorPath: 'next', token: query('c') }, page({ next: '' }, [1]), undefined],
    [
      'cursor present but has_more false ends the read',
      { type: 'cursor', cursorPath: 'next', token: query('c'), stop: { hasMorePath: 'has_more' } },
      page({ next: 'abc', has_more: false }, [1]),
      undefined,
    ],
    [
      'last_id reads a nested id of the last record',
      { type: 'last_id', idPath: 'ref.id', token: query('after') },
      page({}, [{ ref: { id: 'a' } }, { ref: { id: 'b' } }]),
      [q('after', 'b')],
    ],
    [
      'link_header resolves a relative target against the request',
      { type: 'link_header' },
      { ...page({}, [1]), request: toRequestSpec({ url: 'https://api.test/v1/items', query: { page: 1 } }), headers: { link: '<?page=2>; rel="next"' } },
      [{ kind: 'url', url: 'https://api.test/v1/items?page=2' }],
    ],
    [
      'link_header with a custom rel',
      { type: 'link_header', rel: 'older' },
      { ...page({}, [1]), headers: { link: '</feed?before=9>; rel="next older"' } },
      [{ kind: 'url', url: '/feed?before=9' }],
    ],
    [
      'next_url passes a base-relative URL on as written',
      { type: 'next_url', nextUrlPath: 'links.next' },
      page({ links: { next: '/items?page=2' } }, [1]),
      [{ kind: 'url', url: '/items?page=2' }],
    ],
  ])('next: %s', (_name, config, context, want) => {
    expect(createPaginator(config).next(context)).toEqual(want);
  });

  it.each<[string, PaginationConfig, PageContext]>([
    ['a cursor that is an object', { type: 'cursor', cursorPath: 'next', token: query('c') }, page({ next: { id: 1 } }, [1])],
    ['a last record without an id', { type: 'last_id', idPath: 'id', token: query('after') }, page({}, [{ id: 'a' }, { name: 'no id' }])],
    ['a next URL that is a number', { type: 'next_url', nextUrlPath: 'next' }, page({ next: 2 }, [1])],
  ])('throws MALFORMED_RESPONSE rather than silently stopping on %s', (_name, config, context) => {
    const paginator = createPaginator(config);
    let caught: unknown;
    try {
      paginator.next(context);
    } catch (error) {
      caught = error;
    }
    expect(isPortageError(caught) && caught.code).toBe('MALFORMED_RESPONSE');
  });
});
