import { getPath, type PageStop } from '@portage/core';
import type { PageContext } from './paginator.js';

/** What a stop check needs beyond the page itself. */
export interface StopOptions {
  /**
   * Records of the collection that lie before the first request (an offset paginator's
   * `startOffset`): `total` counts the whole collection, so a read that skipped records
   * has reached the end once `recordsBefore + recordsSoFar >= total`. Default 0.
   */
  recordsBefore?: number;
}

/**
 * Whether `page` is the last one: an empty page always is; otherwise the `stop` signals
 * found in the body decide, and a signal that is absent or unreadable never stops a read
 * (the next empty page will).
 *
 * `totalPagesPath` compares the number of pages received (`pageIndex + 1`), not a page
 * number: that count is the same whether the API numbers pages from 0 or 1, so no
 * `firstPage` is needed and a 0-based API does not get one request too many.
 *
 * @example
 * isLastPage(page, { hasMorePath: 'has_more' }); // true when the body says { has_more: false }
 * isLastPage(page, { totalPath: 'total' }, { recordsBefore: 100 }); // true once 100 + recordsSoFar >= total
 */
export function isLastPage(page: PageContext, stop?: PageStop, options: StopOptions = {}): boolean {
  if (page.records.length === 0) return true;
  if (stop === undefined) return false;
  if (stop.hasMorePath !== undefined && saysNo(getPath(page.body, stop.hasMorePath))) return true;
  if (stop.totalPath !== undefined) {
    const total = toCount(getPath(page.body, stop.totalPath));
    if (total !== undefined && (options.recordsBefore ?? 0) + page.recordsSoFar >= total) return true;
  }
  if (stop.totalPagesPath !== undefined) {
    const totalPages = toCount(getPath(page.body, stop.totalPagesPath));
    if (totalPages !== undefined && page.pageIndex + 1 >= totalPages) return true;
  }
  return false;
}

/** APIs spell "no more" as false, "false", 0 or "0"; null or a missing field says nothing. */
function saysNo(value: unknown): boolean {
  if (typeof value === 'string') return ['false', '0'].includes(value.trim().toLowerCase());
  return value === false || value === 0;
}

/** Totals sometimes arrive as strings ("23"); anything else that is not a count is ignored. */
function toCount(value: unknown): number | undefined {
  const count = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof count === 'number' && Number.isFinite(count) && count >= 0 ? count : undefined;
}
