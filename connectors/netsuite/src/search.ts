import type { EntityDefinition, UnifiedEntityName } from '@portage/core';
import { ENDPOINT_PATH, NS } from './namespaces.js';

// The full pass filters on "modified on or after the epoch" (every record): an incremental
// read then only replaces the instant, keeping the operator and namespaces the filter needs.
const EVERYTHING = '1970-01-01T00:00:00.000Z';
const SEARCH_VALUE = 'platformCore:searchValue';

/** A search field filter: `operator` and value(s), its searchValue in the core namespace. */
function filter(operator: string, value: string | string[]): Record<string, unknown> {
  return { attributes: { operator, 'xmlns:platformCore': NS.core }, [SEARCH_VALUE]: value };
}

/**
 * The read part of a search entity: `search` with a `<Type>SearchBasic` record (optionally
 * narrowed to record `types`, e.g. `_salesOrder`) modified since a moment, then
 * `searchMoreWithId(searchId, pageIndex)` until `pageIndex` reaches `totalPages`.
 *
 * @example defineEntity({ unified: 'Customer', ...searchEntity('CustomerSearchBasic'), map: toCustomer })
 */
export function searchEntity<N extends UnifiedEntityName>(
  searchType: string,
  types?: string[],
): Omit<EntityDefinition<unknown, N>, 'unified' | 'map'> {
  const searchRecord = {
    attributes: { xsi_type: { type: searchType, xmlns: NS.common, prefix: 'platformCommon' } },
    ...(types ? { type: filter('anyOf', types) } : {}),
    lastModifiedDate: filter('onOrAfter', EVERYTHING),
  };
  return {
    request: { method: 'POST', path: ENDPOINT_PATH, soap: { operation: 'search', input: { searchRecord } } },
    recordsPath: 'searchResult.recordList.record',
    pagination: {
      type: 'soap_continuation',
      operation: 'searchMoreWithId',
      input: { searchId: 'searchResult.searchId' },
      pageNumber: { param: 'pageIndex', path: 'searchResult.pageIndex', totalPagesPath: 'searchResult.totalPages' },
      // A failed search answers with isSuccess="false" rather than a fault.
      status: {
        successPath: 'searchResult.status.attributes.isSuccess',
        codePath: 'searchResult.status.statusDetail.0.code',
        messagePath: 'searchResult.status.statusDetail.0.message',
      },
    },
    incremental: { in: 'body', name: `searchRecord.lastModifiedDate.${SEARCH_VALUE}`, format: 'iso8601' },
    primaryKey: 'attributes.internalId',
    updatedAtPath: 'lastModifiedDate',
  };
}

/**
 * The `searchPreferences` header: records with their sublists (`bodyFieldsOnly` false, so
 * orders and invoices carry their lines), `pageSize` records per page.
 *
 * @example searchPreferencesXml(200)
 */
export function searchPreferencesXml(pageSize: number): string {
  return (
    `<searchPreferences xmlns="${NS.messages}"><bodyFieldsOnly>false</bodyFieldsOnly>` +
    `<returnSearchColumns>false</returnSearchColumns><pageSize>${pageSize}</pageSize></searchPreferences>`
  );
}
