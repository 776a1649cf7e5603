import type { PaginationConfig } from '@portage/core';
import { findLinkTarget } from './link-header.js';
import type { Paginator } from './paginator.js';
import { resolveUrl } from './resolve-url.js';
import { isLastPage } from './stop-conditions.js';

type LinkHeaderConfig = Extract<PaginationConfig, { type: 'link_header' }>;

/**
 * Follows the RFC 8288 `Link` response header (GitHub, Shopify REST, Okta): the next request
 * is the target of the link whose rel is `rel` (default "next"), resolved against the request
 * that got this page. No such link, or an empty page, ends the read.
 *
 * @example
 * const paginator = createLinkHeaderPaginator({ type: 'link_header' });
 * paginator.next(pageWithHeaders({ link: '<https://api.github.com/x?page=2>; rel="next"' }));
 * // [{ kind: 'url', url: 'https://api.github.com/x?page=2' }]
 */
export function createLinkHeaderPaginator(config: LinkHeaderConfig): Paginator {
  const rel = config.rel ?? 'next';
  return {
    start: () => [],
    next: (page) => {
      if (isLastPage(page)) return undefined;
      const target = findLinkTarget(page.headers['link'], rel);
      if (target === undefined || target === '') return undefined;
      return [{ kind: 'url', url: resolveUrl(target, page.request) }];
    },
  };
}
