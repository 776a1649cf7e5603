import { PortageError, type PaginationConfig } from '@portage/core';
import type { Paginator } from './paginator.js';
import { readToken } from './read-token.js';
import { resolveUrl } from './resolve-url.js';
import { isLastPage } from './stop-conditions.js';

type NextUrlConfig = Extract<PaginationConfig, { type: 'next_url' }>;

/**
 * Follows a next-page URL read from the body at `nextUrlPath` (Django REST `next`, HubSpot
 * `paging.next.link`, eBay `next`). A relative URL is resolved against the request that got
 * the page, as for `Link` targets. Missing, null or "", an empty page, or a `stop` signal end
 * the read.
 *
 * @example
 * const paginator = createNextUrlPaginator({ type: 'next_url', nextUrlPath: 'next' });
 * paginator.next(pageWithBody({ results: [...], next: 'https://api.test/items?page=2' }));
 * // [{ kind: 'url', url: 'https://api.test/items?page=2' }]
 */
export function createNextUrlPaginator(config: NextUrlConfig): Paginator {
  return {
    start: () => [],
    next: (page) => {
      if (isLastPage(page, config.stop)) return undefined;
      const url = readToken(page.body, config.nextUrlPath);
      if (url === undefined) return undefined;
      if (typeof url !== 'string') {
        throw new PortageError('MALFORMED_RESPONSE', `expected a URL at "${config.nextUrlPath}", got a number`, {
          context: { fieldPath: config.nextUrlPath },
        });
      }
      return [{ kind: 'url', url: resolveUrl(url, page.request) }];
    },
  };
}
