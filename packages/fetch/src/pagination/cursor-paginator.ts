import type { PaginationConfig } from '@portage/core';
import type { Paginator } from './paginator.js';
import { readToken } from './read-token.js';
import { isLastPage } from './stop-conditions.js';

type CursorConfig = Extract<PaginationConfig, { type: 'cursor' }>;

/**
 * Opaque cursor read from the body at `cursorPath` and sent back where `token` says. The read
 * ends when the cursor is missing, null or "", on an empty page, or on a `stop` signal (some
 * APIs keep returning a cursor on the last page and say `has_more: false` instead).
 *
 * A cursor equal to the previous one is returned as is: detecting a loop needs the history
 * of a whole read, which is the client's to keep, not a page-by-page paginator's.
 *
 * @example
 * const paginator = createCursorPaginator({
 *   type: 'cursor', cursorPath: 'meta.next_cursor', token: { in: 'query', name: 'cursor' },
 * });
 * paginator.start(); // []
 * paginator.next(pageWithNextCursorAbc); // cursor=abc
 */
export function createCursorPaginator(config: CursorConfig): Paginator {
  return {
    start: () => [],
    next: (page) => {
      if (isLastPage(page, config.stop)) return undefined;
      const cursor = readToken(page.body, config.cursorPath);
      return cursor === undefined ? undefined : [{ kind: 'param', placement: config.token, value: cursor }];
    },
  };
}
