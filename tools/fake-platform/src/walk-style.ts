import type { FakeRecord } from './dataset.js';
import type { PagingStyle } from './paging-styles.js';

export interface WalkOptions {
  limit?: number;
  /** Extra query parameters sent on every page, such as `updated_since`. */
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** Runs before each page after the first, with the number of pages and the records read so far. */
  beforePage?: (pagesRead: number, read: readonly FakeRecord[]) => void | Promise<void>;
}

/**
 * Reads `/<style>/records` by hand, following whatever each answer points at, with no client
 * library in between: the tests use it to check the server itself.
 *
 * @example const records = await walkStyle(platform.url, 'cursor', { limit: 10 });
 */
export async function walkStyle(baseUrl: string, style: PagingStyle, options: WalkOptions = {}): Promise<FakeRecord[]> {
  const first = new URL(`${baseUrl}/${style}/records`);
  first.searchParams.set('limit', String(options.limit ?? 10));
  for (const [name, value] of Object.entries(options.query ?? {})) first.searchParams.set(name, value);
  const read: FakeRecord[] = [];
  let url: URL | undefined = first;
  let pages = 0;
  while (url) {
    if (pages > 0) await options.beforePage?.(pages, read);
    const res = await fetch(url, { headers: options.headers ?? {} });
    if (!res.ok) throw new Error(`${url.href} answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as Record<string, unknown> | FakeRecord[];
    const b = body as Record<string, unknown>;
    const records = Array.isArray(body) ? body : ((b.data ?? b.items ?? b.orders) as FakeRecord[]);
    read.push(...records);
    pages++;
    const next = (param: string, value: string | undefined): URL | undefined => {
      if (value === undefined) return undefined;
      const u = new URL(first);
      u.searchParams.set(param, value);
      return u;
    };
    const link = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
    const pointers: Record<PagingStyle, () => URL | undefined> = {
      offset: () => next('offset', records.length ? String(Number(url!.searchParams.get('offset') ?? 0) + records.length) : undefined),
      page: () => next('page', records.length ? String(pages + 1) : undefined),
      cursor: () => next('cursor', (b.next_cursor as string | null) ?? undefined),
      last_id: () => next('starting_after', b.has_more ? records.at(-1)?.id : undefined),
      link_header: () => (link ? new URL(link) : undefined),
      next_url: () => (b.next ? new URL(b.next as string) : undefined),
    };
    url = pointers[style]();
  }
  return read;
}
