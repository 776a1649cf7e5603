import type { PaginationConfig } from '@portage/core';
import type { PageToken, Paginator } from './paginator.js';
import { isLastPage } from './stop-conditions.js';

type OffsetConfig = Extract<PaginationConfig, { type: 'offset' }>;

/**
 * Offset/limit pagination. The next offset is `startOffset + recordsSoFar`, counted from the
 * records actually received rather than `pageSize`, because many APIs silently cap the limit:
 * for the same reason a short page does not end the read, only an empty page or a `stop`
 * signal does.
 *
 * @example
 * const paginator = createOffsetPaginator({
 *   type: 'offset', pageSize: 100,
 *   offset: { in: 'query', name: 'offset' }, limit: { in: 'query', name: 'limit' },
 * });
 * paginator.start(); // offset=0, limit=100
 * paginator.next(pageOf100Records); // offset=100, limit=100
 */
export function createOffsetPaginator(config: OffsetConfig): Paginator {
  const startOffset = config.startOffset ?? 0;
  // Both tokens every time, so a token list is complete whichever request it is placed on.
  const tokens = (offset: number): PageToken[] => [
    { kind: 'param', placement: config.offset, value: offset },
    { kind: 'param', placement: config.limit, value: config.pageSize },
  ];
  return {
    start: () => tokens(startOffset),
    next: (page) => {
      if (isLastPage(page, config.stop, { recordsBefore: startOffset })) return undefined;
      return tokens(startOffset + page.recordsSoFar);
    },
  };
}
