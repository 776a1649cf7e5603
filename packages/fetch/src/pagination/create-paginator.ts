import { PortageError, SOAP_PAGINATION_TYPES, type PaginationConfig, type PaginationType, type SoapPaginationType } from '@portage/core';
import { createCursorPaginator } from './cursor-paginator.js';
import { createLastIdPaginator } from './last-id-paginator.js';
import { createLinkHeaderPaginator } from './link-header-paginator.js';
import { createNextUrlPaginator } from './next-url-paginator.js';
import { createNonePaginator } from './none-paginator.js';
import { createOffsetPaginator } from './offset-paginator.js';
import { createPageNumberPaginator } from './page-number-paginator.js';
import type { Paginator } from './paginator.js';

/** Builds the paginator for one config `type`. */
export type PaginatorFactory<K extends PaginationType> = (config: Extract<PaginationConfig, { type: K }>) => Paginator;

/** Types paged by URL, query, header or body tokens; SOAP continuation is the SOAP client's (src/soap). */
type HttpPaginationType = Exclude<PaginationType, SoapPaginationType>;

/** One factory per config `type`; `satisfies` makes a new type in core fail to compile here until it has one. */
export const PAGINATOR_FACTORIES = {
  none: createNonePaginator,
  offset: createOffsetPaginator,
  page: createPageNumberPaginator,
  cursor: createCursorPaginator,
  last_id: createLastIdPaginator,
  link_header: createLinkHeaderPaginator,
  next_url: createNextUrlPaginator,
} as const satisfies { [K in HttpPaginationType]: PaginatorFactory<K> };

/**
 * The paginator a pagination config describes. Expects a config already validated with
 * core's `paginationSchema`; an unknown `type` still fails loudly rather than reading one page.
 *
 * @example
 * const paginator = createPaginator({ type: 'cursor', cursorPath: 'next', token: { in: 'query', name: 'cursor' } });
 * let request = placeTokens(baseRequest, paginator.start());
 */
export function createPaginator(config: PaginationConfig): Paginator {
  if ((SOAP_PAGINATION_TYPES as readonly string[]).includes(config.type)) {
    throw new PortageError('CONFIG_INVALID', `pagination "${config.type}" is read by the SOAP client: give the entity a request.soap call and the fetch client a \`soap\` client`);
  }
  if (!Object.hasOwn(PAGINATOR_FACTORIES, config.type)) {
    throw new PortageError(
      'CONFIG_INVALID',
      `unknown pagination type "${String(config.type)}": use one of ${Object.keys(PAGINATOR_FACTORIES).join(', ')}`,
    );
  }
  // TypeScript cannot correlate `config.type` with the factory it picks; the registry's
  // `satisfies` clause is what guarantees each factory receives its own config shape.
  const factory = PAGINATOR_FACTORIES[config.type as HttpPaginationType] as PaginatorFactory<PaginationType>;
  return factory(config);
}
