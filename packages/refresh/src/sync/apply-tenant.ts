import { setPath, type Entity, type TenantPlacement } from '@portage/core';

/**
 * The entity as one connection reads it: its requests carry the connection's tenant where
 * the entity (or else its connector) says. With `list`, "L1, L2" goes into a body as
 * ["L1", "L2"].
 *
 * @example const definition = applyTenant(entity, entity.tenant ?? connector.tenant, connection.tenant);
 */
export function applyTenant<E extends Entity>(entity: E, placement: TenantPlacement | undefined, tenant: string): E {
  if (!placement) return entity;
  const request = { ...entity.request };
  if (placement.in === 'query') request.query = { ...request.query, [placement.name]: tenant };
  else if (placement.in === 'header') request.headers = { ...request.headers, [placement.name]: tenant };
  else {
    const value = placement.list ? tenant.split(',').map((part) => part.trim()).filter((part) => part !== '') : tenant;
    request.body = setPath(request.body ?? {}, placement.name, value);
  }
  return { ...entity, request };
}
