import { setPath, type Entity } from '@portage/core';

/**
 * The entity as it reads with a configured page size: offset and page pagination take it as
 * their `pageSize`; other paginations put it where the entity's `pageSize.param` says, capped
 * at the platform's `max`. An entity with nowhere to put it keeps its own page size.
 *
 * @example const definition = applyPageSize(connector.entities.orders, 250);
 */
export function applyPageSize<E extends Entity>(entity: E, pageSize: number | undefined): E {
  if (pageSize === undefined) return entity;
  const size = Math.min(pageSize, entity.pageSize?.max ?? Number.POSITIVE_INFINITY);
  const { pagination } = entity;
  if (pagination.type === 'offset') return { ...entity, pagination: { ...pagination, pageSize: size } };
  if (pagination.type === 'page' && pagination.size) return { ...entity, pagination: { ...pagination, pageSize: size } };
  const param = entity.pageSize?.param;
  if (!param) return entity;
  const request = { ...entity.request };
  if (param.in === 'query') request.query = { ...request.query, [param.name]: size };
  else if (param.in === 'header') request.headers = { ...request.headers, [param.name]: String(size) };
  else request.body = setPath(request.body ?? {}, param.name, size);
  return { ...entity, request };
}
