import type { PaginationConfig } from '@portage/core';
import type { Paginator } from './paginator.js';

type NoneConfig = Extract<PaginationConfig, { type: 'none' }>;

/**
 * One request, one page: for endpoints that return everything at once.
 *
 * @example
 * const paginator = createNonePaginator({ type: 'none' });
 * paginator.start(); // []
 * paginator.next(page); // undefined
 */
export function createNonePaginator(_config: NoneConfig): Paginator {
  return { start: () => [], next: () => undefined };
}
