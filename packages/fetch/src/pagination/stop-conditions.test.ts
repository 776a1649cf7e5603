import type { PageStop } from '@portage/core';
import { describe, expect, it } from 'vitest';
import { toRequestSpec } from '../http/request-spec.js';
import type { PageContext } from './paginator.js';
import { isLastPage, type StopOptions } from './stop-conditions.js';

function page(body: unknown, { records = 5, pageIndex = 0, recordsSoFar = 5 } = {}): PageContext {
  return {
    request: toRequestSpec({ path: '/items' }),
    status: 200,
    headers: {},
    body,
    records: Array.from({ length: records }, (_, i) => ({ id: i })),
    pageIndex,
    recordsSoFar,
  };
}

describe('isLastPage', () => {
  it.each<[string, PageContext, PageStop | undefined, StopOptions | undefined, boolean]>([
    ['an empty page is the last, with no stop config', page({}, { records: 0 }), undefined, undefined, true],
    ['an empty page is the last even if has_more says true', page({ has_more: true }, { records: 0 }), { hasMorePath: 'has_more' }, undefined, true],
    ['a full page without stop config is not', page({}), undefined, undefined, false],
    ['has_more true', page({ has_more: true }), { hasMorePath: 'has_more' }, undefined, false],
    ['has_more false', page({ has_more: false }), { hasMorePath: 'has_more' }, undefined, true],
    ['has_more "false"', page({ meta: { more: 'false' } }), { hasMorePath: 'meta.more' }, undefined, true],
    ['has_more "FALSE "', page({ more: 'FALSE ' }), { hasMorePath: 'more' }, undefined, true],
    ['has_more 0', page({ more: 0 }), { hasMorePath: 'more' }, undefined, true],
    ['has_more "0"', page({ more: '0' }), { hasMorePath: 'more' }, undefined, true],
    ['has_more 1', page({ more: 1 }), { hasMorePath: 'more' }, undefined, false],
    ['has_more missing says nothing', page({}), { hasMorePath: 'has_more' }, undefined, false],
    ['has_more null says nothing', page({ has_more: null }), { hasMorePath: 'has_more' }, undefined, false],
    ['total not reached', page({ total: 23 }, { recordsSoFar: 20 }), { totalPath: 'total' }, undefined, false],
    ['total reached', page({ total: 23 }, { recordsSoFar: 23 }), { totalPath: 'total' }, undefined, true],
    ['total as a string', page({ meta: { total: '10' } }, { recordsSoFar: 10 }), { totalPath: 'meta.total' }, undefined, true],
    ['total unreadable is ignored', page({ total: 'many' }, { recordsSoFar: 99 }), { totalPath: 'total' }, undefined, false],
    ['total counts records skipped by a start offset', page({ total: 23 }, { recordsSoFar: 13 }), { totalPath: 'total' }, { recordsBefore: 10 }, true],
    ['start offset, total not reached', page({ total: 23 }, { recordsSoFar: 12 }), { totalPath: 'total' }, { recordsBefore: 10 }, false],
    ['total pages not reached', page({ pages: 5 }, { pageIndex: 3 }), { totalPagesPath: 'pages' }, undefined, false],
    ['total pages reached on the 5th page', page({ pages: 5 }, { pageIndex: 4 }), { totalPagesPath: 'pages' }, undefined, true],
    ['total pages 1 on the first page', page({ pages: '1' }), { totalPagesPath: 'pages' }, undefined, true],
    ['any one signal is enough', page({ has_more: true, total: 5 }), { hasMorePath: 'has_more', totalPath: 'total' }, undefined, true],
  ])('%s', (_name, context, stop, options, want) => {
    expect(isLastPage(context, stop, options)).toBe(want);
  });
});
