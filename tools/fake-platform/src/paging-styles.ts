import { firstIndex } from './binary-search.js';
import type { FakeRecord } from './dataset.js';

/** How the fake platform pages; each mirrors a family of real APIs. */
export type PagingStyle = 'offset' | 'page' | 'cursor' | 'last_id' | 'link_header' | 'next_url';

export interface PageAnswer {
  body: unknown;
  headers?: Record<string, string>;
}

const MAX_PAGE_SIZE = 1000;

/**
 * Slices `records` (sorted by id, already filtered) for one request of a given style. `url` is
 * the request URL; the answer's body and headers carry whatever the style uses to point at
 * the next page.
 *
 * What a read sees while records change, by style (ids only grow, so inserts always sort last):
 * - `cursor` (an opaque token naming the last id served) and `last_id` (`starting_after`) are
 *   keyset pages: a record that is neither updated nor deleted during the read is served exactly
 *   once; inserted records are served; a record deleted before the read reaches it is not; a
 *   record updated ahead of the read is served once, updated; one updated behind it is not
 *   served again (with `updated_since`, a record that starts matching because it was updated is
 *   served only if it is ahead of the read). What was missed has `updated_at` or `deleted_at`
 *   after the read began, so the next incremental read gets it.
 * - `offset`, `page`, `link_header` and `next_url` count positions, as real offset APIs do:
 *   each deletion behind the read's position shifts the rest back, so a record is skipped;
 *   with `updated_since`, each record updated behind the position joins the view and shifts the
 *   rest forward, so a record is served twice. Inserts never shift anything.
 *
 * @example
 * answerPage('last_id', records, new URL('http://x/last_id/records?limit=2&starting_after=rec_0000001'), 100)
 * // { body: { object: 'list', data: [rec_0000002, rec_0000003], has_more: true } }
 */
export function answerPage(style: PagingStyle, records: readonly FakeRecord[], url: URL, pageSize: number): PageAnswer {
  const q = url.searchParams;
  const size = integerParam(q.get('limit'), pageSize, 1, MAX_PAGE_SIZE);
  switch (style) {
    case 'offset': {
      const offset = integerParam(q.get('offset'), 0, 0);
      return { body: { data: records.slice(offset, offset + size), total: records.length } };
    }
    case 'page': {
      const page = integerParam(q.get('page'), 1, 1);
      return { body: { items: records.slice((page - 1) * size, page * size), page } };
    }
    case 'cursor': {
      const cursor = q.get('cursor');
      const start = cursor ? indexAfter(records, decodeCursor(cursor)) : 0;
      const data = records.slice(start, start + size);
      const more = start + size < records.length;
      return { body: { data, next_cursor: more ? encodeCursor(data.at(-1)!.id) : null } };
    }
    case 'last_id': {
      const after = q.get('starting_after');
      const start = after ? indexAfter(records, after) : 0;
      const data = records.slice(start, start + size);
      return { body: { object: 'list', data, has_more: start + size < records.length } };
    }
    case 'link_header': {
      const page = integerParam(q.get('page'), 1, 1);
      const data = records.slice((page - 1) * size, page * size);
      const next = page * size < records.length ? withParam(url, 'page', page + 1) : undefined;
      return { body: data, ...(next ? { headers: { link: `<${next}>; rel="next"` } } : {}) };
    }
    case 'next_url': {
      const offset = integerParam(q.get('offset'), 0, 0);
      const end = offset + size;
      const next = end < records.length ? withParam(url, 'offset', end) : null;
      return { body: { orders: records.slice(offset, end), next } };
    }
  }
}

// The cursor names the last id served rather than a position, so records deleted or inserted
// behind it cannot shift the next page; base64url keeps clients from reading meaning into it.
function encodeCursor(id: string): string {
  return Buffer.from(id).toString('base64url');
}

function decodeCursor(cursor: string): string {
  return Buffer.from(cursor, 'base64url').toString();
}

// Ids are zero-padded, so string order is id order; an id no longer present still has a place.
function indexAfter(records: readonly FakeRecord[], id: string): number {
  return firstIndex(records.length, (i) => records[i]!.id > id);
}

// A missing or malformed number falls back rather than failing: this server tests clients,
// and `limit=0` or `limit=abc` must not send one into an endless read of empty pages.
function integerParam(value: string | null, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = value === null ? fallback : Number(value);
  return Number.isInteger(n) ? Math.min(Math.max(n, min), max) : fallback;
}

function withParam(url: URL, name: string, value: number): string {
  const next = new URL(url);
  next.searchParams.set(name, String(value));
  return next.toString();
}
