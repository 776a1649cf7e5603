import type { EntityWrites, ListEndpoint, ListEndpointReport, ReportPaginationType, WritesReport } from '../model.js';

/**
 * The report's pagination type for an endpoint: `last_id` is a kind of cursor to readers of
 * the report, and a next-page URL that advances an `offset` parameter (eBay) is offset
 * pagination; discovery sets `paginationParam` on a `next_url` config only in that case.
 */
export function reportPaginationType(endpoint: Pick<ListEndpoint, 'pagination' | 'paginationParam'>): ReportPaginationType {
  switch (endpoint.pagination.type) {
    case 'last_id':
    case 'cursor':
    // SOAP continuations (a search id or query locator) are cursors to readers of the report.
    case 'soap_continuation':
      return 'cursor';
    case 'next_url':
      return endpoint.paginationParam === undefined ? 'next_url' : 'offset';
    default:
      return endpoint.pagination.type;
  }
}

/** The report's view of the write operations: method, path and body format of each, the read path, the idempotency header. */
function writesReport(writes: EntityWrites): WritesReport {
  const write = ({ method, path, bodyFormat }: NonNullable<EntityWrites['create']>) => ({ method, path, bodyFormat });
  return {
    ...(writes.create ? { create: write(writes.create) } : {}),
    ...(writes.update ? { update: write(writes.update) } : {}),
    ...(writes.read ? { read: { path: writes.read.path } } : {}),
    ...(writes.idempotencyHeader ? { idempotencyHeader: writes.idempotencyHeader } : {}),
  };
}

/**
 * The stable JSON report of discovered list endpoints (`portage generate --dry-run --report
 * --format json`). Keys are always in the same order; `incremental` is null for filters the
 * report cannot express (a field of a POST search body); SOAP entities (a WSDL source) add
 * `soap: { operation, recordType }`, and endpoints whose records the spec can also write add
 * `writes: { create?, update?, read?, idempotencyHeader? }`.
 *
 * @example
 * toListEndpointReport(discoverListEndpoints(document, refs))[0];
 * // { method: 'GET', path: '/v1/charges', records: 'data',
 * //   pagination: { type: 'cursor', param: 'starting_after' }, incremental: null, primaryKey: 'id', confidence: 0.96 }
 */
export function toListEndpointReport(endpoints: readonly ListEndpoint[]): ListEndpointReport[] {
  return endpoints.map((endpoint) => {
    const type = reportPaginationType(endpoint);
    const { incremental } = endpoint;
    return {
      method: endpoint.method,
      path: endpoint.path,
      records: endpoint.records,
      pagination: type === 'none' || endpoint.paginationParam === undefined ? { type } : { type, param: endpoint.paginationParam },
      incremental: incremental === null || incremental.in === 'body' ? null : { in: incremental.in, name: incremental.name },
      primaryKey: endpoint.primaryKey,
      confidence: endpoint.confidence,
      ...(endpoint.soap !== undefined ? { soap: { operation: endpoint.soap.operation, recordType: endpoint.soap.recordType } } : {}),
      ...(endpoint.writes !== undefined ? { writes: writesReport(endpoint.writes) } : {}),
    };
  });
}
