import type { SurfaceField, SurfaceOperation } from '@portage/codegen';
import type { Connector, Entity, PaginationConfig, ParamPlacement } from '@portage/core';

/** The part of a surface (specs/<platform>/surface.json) the check reads. */
export interface RequestSurface {
  operations: readonly Pick<SurfaceOperation, 'method' | 'path' | 'parameters' | 'requestBody'>[];
  schemas: Readonly<Record<string, readonly Pick<SurfaceField, 'path' | 'ref'>[]>>;
}

function paginationParameters(pagination: PaginationConfig): ParamPlacement[] {
  switch (pagination.type) {
    case 'offset':
      return [pagination.offset, pagination.limit];
    case 'page':
      return pagination.size === undefined ? [pagination.page] : [pagination.page, pagination.size];
    case 'cursor':
    case 'last_id':
      return [pagination.token];
    default:
      // Next-page URLs and SOAP continuations come from the platform: nothing of ours to send.
      return [];
  }
}

/** Dot paths of the leaves of a JSON body (an array is a leaf: its items are values, not fields). */
function bodyLeaves(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : [];
  return Object.entries(value).flatMap(([key, child]) => bodyLeaves(child, prefix ? `${prefix}.${key}` : key));
}

/** Every parameter one entity's requests can carry, the connection's tenant included. */
function sentParameters(entity: Entity, connector: Connector): ParamPlacement[] {
  const tenant = entity.tenant ?? connector.tenant;
  return [
    ...bodyLeaves(entity.request.body).map((name) => ({ in: 'body' as const, name })),
    ...Object.keys(entity.request.query ?? {}).map((name) => ({ in: 'query' as const, name })),
    ...Object.keys(entity.request.headers ?? {}).map((name) => ({ in: 'header' as const, name })),
    ...paginationParameters(entity.pagination),
    ...(entity.pageSize ? [entity.pageSize.param] : []),
    ...(entity.incremental ? [{ in: entity.incremental.in, name: entity.incremental.name }] : []),
    ...(tenant ? [{ in: tenant.in, name: tenant.name }] : []),
  ];
}

/** Whether a body dot path is a field of the schema, following `ref`s into nested objects. */
function hasField(surface: RequestSurface, fields: readonly Pick<SurfaceField, 'path' | 'ref'>[], path: string): boolean {
  return fields.some(
    (field) =>
      field.path === path ||
      (field.ref !== undefined && path.startsWith(`${field.path}.`) && hasField(surface, surface.schemas[field.ref] ?? [], path.slice(field.path.length + 1))),
  );
}

function declares(surface: RequestSurface, operation: RequestSurface['operations'][number], sent: ParamPlacement): boolean {
  if (sent.in === 'body') {
    const schema = operation.requestBody?.schema;
    return hasField(surface, typeof schema === 'string' ? (surface.schemas[schema] ?? []) : (schema ?? []), sent.name);
  }
  return operation.parameters.some((declared) => {
    if (declared.in !== sent.in) return false;
    // Header names are case-insensitive; `created[gte]` is the deep-object form of `created`.
    if (sent.in === 'header') return declared.name.toLowerCase() === sent.name.toLowerCase();
    return declared.name === sent.name || sent.name.startsWith(`${declared.name}[`);
  });
}

/**
 * The contract every generated connector checks: each entity's request is an operation of the
 * pinned spec's surface, and every parameter, header and body field it can send (pagination,
 * page size, modified-since filter, tenant) is declared there; a SOAP entity's operation and
 * its continuation are operations of the WSDL surface (`SOAP <operation>`). Returns one line
 * per problem; none means the connector asks only for what the spec offers.
 *
 * @example expect(undeclaredRequests(stripe, surface)).toEqual([]);
 */
export function undeclaredRequests(connector: Connector, surface: RequestSurface): string[] {
  const problems: string[] = [];
  for (const [name, entity] of Object.entries(connector.entities) as [string, Entity][]) {
    if (entity.request.soap !== undefined) {
      problems.push(...undeclaredSoapOperations(name, entity, surface));
      continue;
    }
    const { method = 'GET', path } = entity.request;
    const operation = surface.operations.find((candidate) => candidate.method.toUpperCase() === method && candidate.path === path);
    if (operation === undefined) {
      problems.push(`${name}: ${method} ${path} is not an operation of the spec`);
      continue;
    }
    for (const sent of sentParameters(entity, connector)) {
      if (!declares(surface, operation, sent)) problems.push(`${name}: ${method} ${path} sends ${sent.in} ${sent.name}, which the spec does not declare`);
    }
  }
  return problems;
}

/** A SOAP entity calls operations by name: each must be one the WSDL surface lists. */
function undeclaredSoapOperations(name: string, entity: Entity, surface: RequestSurface): string[] {
  const operations = [entity.request.soap?.operation, entity.pagination.type === 'soap_continuation' ? entity.pagination.operation : undefined];
  return operations
    .filter((operation): operation is string => operation !== undefined)
    .filter((operation) => !surface.operations.some((candidate) => candidate.method === 'SOAP' && candidate.path === operation))
    .map((operation) => `${name}: SOAP ${operation} is not an operation of the WSDL`);
}
