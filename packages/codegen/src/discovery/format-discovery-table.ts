import type { EntityWrites, ListEndpoint } from '../model.js';

const HEADERS = ['METHOD', 'PATH', 'RECORDS', 'PAGINATION', 'INCREMENTAL', 'PRIMARY KEY', 'CONFIDENCE', 'SUGGESTED ENTITY', 'WRITES'];

/** `create POST (form), update POST (form), read GET, idempotency Idempotency-Key`, or `-`. */
function writesCell(writes: EntityWrites | undefined): string {
  if (writes === undefined) return '-';
  const write = (role: string, found: EntityWrites['create']) => (found ? [`${role} ${found.method}${found.bodyFormat === 'form' ? ' (form)' : ''}`] : []);
  return [
    ...write('create', writes.create),
    ...write('update', writes.update),
    ...(writes.read ? ['read GET'] : []),
    ...(writes.idempotencyHeader ? [`idempotency ${writes.idempotencyHeader}`] : []),
  ].join(', ');
}

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
    writesCell(endpoint.writes),
  ];
}

/**
 * Discovered list endpoints as a plain-text table for people: one row per endpoint, columns
 * padded to line up, `-` where nothing was found, `(body)` for a top-level array; the last
 * column lists the operations that write its records (create, update, read by id).
 *
 * @example
 * console.log(formatDiscoveryTable(discoverListEndpoints(document, refs)));
 * // METHOD  PATH           RECORDS  PAGINATION                INCREMENTAL  PRIMARY KEY  CONFIDENCE  SUGGESTED ENTITY  WRITES
 * // GET     /v1/customers  data     last_id (starting_after)  -            id           0.96        Customer (1.00)   create POST (form), update POST (form), read GET
 */
export function formatDiscoveryTable(endpoints: readonly ListEndpoint[]): string {
  if (endpoints.length === 0) return 'No list endpoints found.';
  const rows = [HEADERS, ...endpoints.map(row)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  return rows.map((cells) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')).join('\n');
}
