import { errorAnswer, jsonAnswer, type Answer } from './answer.js';
import { readModifiedSince } from './modified-since.js';
import { PageCache } from './page-cache.js';
import { answerPage, type PagingStyle } from './paging-styles.js';
import type { RecordStore } from './record-store.js';

/** Every paging style, each served at `/<style>/records`. */
export const PAGING_STYLES: readonly PagingStyle[] = ['offset', 'page', 'cursor', 'last_id', 'link_header', 'next_url'];

/**
 * The platform's data endpoints over `store`: `/<style>/records` in every paging style,
 * filtered by `updated_since` or `If-Modified-Since`, and the deletions feed
 * `/deleted?since=`. Pages are served from a cache of serialized bytes, dropped whenever the
 * store's version moves; anything else is a 404.
 *
 * @example
 * const route = createDataRoutes(store, 100);
 * route(new URL('http://127.0.0.1/cursor/records?limit=10'), undefined); // { status: 200, ... }
 */
export function createDataRoutes(store: RecordStore, pageSize: number): (url: URL, ifModifiedSince: string | undefined) => Answer {
  const pages = new PageCache();
  let cachedVersion = store.version;
  return (url, ifModifiedSince) => {
    const [, first, second, ...rest] = url.pathname.split('/');
    if (first === 'deleted' && second === undefined) {
      const filter = readModifiedSince(url, ifModifiedSince, 'since');
      if ('error' in filter) return errorAnswer(400, filter.error);
      return jsonAnswer(200, { data: store.deletedSince(filter.since) });
    }
    const style = first as PagingStyle;
    if (!PAGING_STYLES.includes(style) || second !== 'records' || rest.length > 0) return errorAnswer(404, 'no such endpoint');
    const filter = readModifiedSince(url, ifModifiedSince);
    if ('error' in filter) return errorAnswer(400, filter.error);
    if (store.version !== cachedVersion) {
      pages.clear();
      cachedVersion = store.version;
    }
    // The URL names the style and every parameter; the header's filter is not in it.
    const key = `${filter.since ?? ''} ${url.href}`;
    const page =
      pages.get(key) ??
      pages.set(key, serialize(answerPage(style, filter.since ? store.updatedSince(filter.since) : store.live, url, pageSize)));
    return { status: 200, headers: page.headers, body: page.body };
  };
}

function serialize(answer: ReturnType<typeof answerPage>) {
  return { body: Buffer.from(JSON.stringify(answer.body)), headers: { 'content-type': 'application/json', ...answer.headers } };
}
