import type { PaginationConfig } from '@portage/core';
import type { PageToken, Paginator } from './paginator.js';
import { isLastPage } from './stop-conditions.js';

type PageNumberConfig = Extract<PaginationConfig, { type: 'page' }>;

/**
 * Page-number pagination: pages `firstPage`, `firstPage + 1`, ... (`firstPage` defaults to 1).
 * The size parameter is sent only when both `size` and `pageSize` are configured.
 *
 * @example
 * const paginator = createPageNumberPaginator({
 *   type: 'page', page: { in: 'query', name: 'page' },
 *   size: { in: 'query', name: 'per_page' }, pageSize: 50,
 * });
 * paginator.start(); // page=1, per_page=50
 * paginator.next(firstPage); // page=2, per_page=50
 */
export function createPageNumberPaginator(config: PageNumberConfig): Paginator {
  const firstPage = config.firstPage ?? 1;
  const { size, pageSize } = config;
  // The size is repeated on every page, so a token list is complete whichever request it is placed on.
  const tokens = (pageNumber: number): PageToken[] => [
    { kind: 'param', placement: config.page, value: pageNumber },
    ...(size !== undefined && pageSize !== undefined
      ? [{ kind: 'param', placement: size, value: pageSize } as const]
      : []),
  ];
  return {
    start: () => tokens(firstPage),
    next: (page) => (isLastPage(page, config.stop) ? undefined : tokens(firstPage + page.pageIndex + 1)),
  };
}
