import type { ListEndpoint } from '../model.js';

const HEADERS = ['METHOD', 'PATH', 'RECORDS', 'PAGINATION', 'INCREMENTAL', 'PRIMARY KEY', 'CONFIDENCE', 'SUGGESTED ENTITY'];

function row(endpoint: ListEndpoint): string[] {
  const { pagination, paginationParam, incremental, suggestedEntity } = endpoint;
  return [
    endpoint.method,
    // SOAP entities share one endpoint path: the operation and record type tell them apart.
    endpoint.soap === undefined ? endpoint.path : `${endpoint.path} ${endpoint.soap.operation} ${endpoint.soap.recordType}`,
    endpoint.records === '' ? '(body)' : endpoint.records,
    paginationParam === undefined ? pagination.type : `${pagination.type} (${paginationParam})`,
    incremental === null ? '-' : `${incremental.in} ${incremental.name}`,
    endpoint.primaryKey ?? '-',
    endpoint.confidence.toFixed(2),
    suggestedEntity === null ? '-' : `${suggestedEntity.name} (${suggestedEntity.score.toFixed(2)})`,
  ];
}

/**
 * Discovered list endpoints as a plain-text table for people: one row per endpoint, columns
 * padded to line up, `-` where nothing was found, `(body)` for a top-level array.
 *
 * @example
 * console.log(formatDiscoveryTable(discoverListEndpoints(document, refs)));
 * // METHOD  PATH         RECORDS  PAGINATION                INCREMENTAL  PRIMARY KEY  CONFIDENCE  SUGGESTED ENTITY
 * // GET     /v1/charges  data     last_id (starting_after)  -            id           0.96        Transaction (1.00)
 */
export function formatDiscoveryTable(endpoints: readonly ListEndpoint[]): string {
  if (endpoints.length === 0) return 'No list endpoints found.';
  const rows = [HEADERS, ...endpoints.map(row)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  return rows.map((cells) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')).join('\n');
}
