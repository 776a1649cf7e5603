import type { FakeRecord } from './dataset.js';

/** How the fake platform pages; each mirrors a family of real APIs. */
export type PagingStyle = 'offset' | 'page' | 'cursor' | 'last_id' | 'link_header' | 'next_url';

export interface PageAnswer {
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * Slices the dataset for one request of a given style. `url` is the request URL; the answer's
 * body and headers carry whatever the style uses to point at the next page.
 */
export function answerPage(style: PagingStyle, records: readonly FakeRecord[], url: URL, pageSize: number): PageAnswer {
  const q = url.searchParams;
  const size = Math.min(Number(q.get('limit') ?? pageSize), 1000);
  switch (style) {
    case 'offset': {
      const offset = Number(q.get('offset') ?? 0);
      return { body: { data: records.slice(offset, offset + size), total: records.length } };
    }
    case 'page': {
      const page = Number(q.get('page') ?? 1);
      return { body: { items: records.slice((page - 1) * size, page * size), page } };
    }
    case 'cursor': {
      const start = Number(q.get('cursor') ?? 0);
      const end = start + size;
      return { body: { data: records.slice(start, end), next_cursor: end < records.length ? String(end) : null } };
    }
    case 'last_id': {
      const after = q.get('starting_after');
      const start = after ? indexAfter(records, after) : 0;
      const data = records.slice(start, start + size);
      return { body: { object: 'list', data, has_more: start + size < records.length } };
    }
    case 'link_header': {
      const page = Number(q.get('page') ?? 1);
      const data = records.slice((page - 1) * size, page * size);
      const next = page * size < records.length ? withParam(url, 'page', page + 1) : undefined;
      return { body: data, ...(next ? { headers: { link: `<${next}>; rel="next"` } } : {}) };
    }
    case 'next_url': {
      const offset = Number(q.get('offset') ?? 0);
      const end = offset + size;
      const next = end < records.length ? withParam(url, 'offset', end) : null;
      return { body: { orders: records.slice(offset, end), next } };
    }
  }
}

// Binary search: ids are zero-padded, so they sort like their positions.
function indexAfter(records: readonly FakeRecord[], id: string): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (records[mid]!.id <= id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function withParam(url: URL, name: string, value: number): string {
  const next = new URL(url);
  next.searchParams.set(name, String(value));
  return next.toString();
}
