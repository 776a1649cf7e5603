import { PortageError, type PaginationConfig } from '@portage/core';
import type { Paginator } from './paginator.js';
import { readToken } from './read-token.js';
import { isLastPage } from './stop-conditions.js';

type LastIdConfig = Extract<PaginationConfig, { type: 'last_id' }>;

/**
 * "Last id" pagination (Stripe's `starting_after`): the id of the page's last record asks for
 * the records after it. The read ends on an empty page or a `stop` signal such as
 * `has_more: false`; without one it costs one extra request that comes back empty.
 *
 * @example
 * const paginator = createLastIdPaginator({
 *   type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' },
 *   stop: { hasMorePath: 'has_more' },
 * });
 * paginator.next(pageEndingWithCh42); // starting_after=ch_42
 */
export function createLastIdPaginator(config: LastIdConfig): Paginator {
  return {
    start: () => [],
    next: (page) => {
      if (isLastPage(page, config.stop)) return undefined;
      const id = readToken(page.records.at(-1), config.idPath);
      // Stopping here would silently drop every later record, so a missing id is an error.
      if (id === undefined) {
        const message = `the last record of page ${page.pageIndex} has no id at "${config.idPath}"`;
        throw new PortageError('MALFORMED_RESPONSE', message, { context: { fieldPath: config.idPath } });
      }
      return [{ kind: 'param', placement: config.token, value: id }];
    },
  };
}
