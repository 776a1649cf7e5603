import { PortageError } from '@portage/core';

/** One page cut from a list of records. */
export interface Page<T> {
  items: T[];
  /** Whether records remain after this page. */
  hasMore: boolean;
  /** Where the next page starts, or null after the last one. */
  nextStart: number | null;
}

/**
 * Cuts `size` records starting at index `start`, for test handlers that serve a list in pages
 * whatever the platform's paging style (turn a cursor into `start` first).
 *
 * @example
 * const page = pageOf(charges, 0, 2); // { items: [c0, c1], hasMore: true, nextStart: 2 }
 * ({ object: 'list', data: page.items, has_more: page.hasMore, url: '/v1/charges' })
 */
export function pageOf<T>(records: readonly T[], start: number, size: number): Page<T> {
  if (!Number.isInteger(start) || start < 0) throw new PortageError('CONFIG_INVALID', `pageOf: start must be an integer >= 0, got ${start}`);
  if (!Number.isInteger(size) || size < 1) throw new PortageError('CONFIG_INVALID', `pageOf: size must be an integer >= 1, got ${size}`);
  const items = records.slice(start, start + size);
  const end = start + items.length;
  const hasMore = end < records.length;
  return { items, hasMore, nextStart: hasMore ? end : null };
}
