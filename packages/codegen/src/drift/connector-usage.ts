import type { Connector, Entity, PaginationConfig, ParamPlacement } from '@portage/core';

/** Why a connector sends a value or reads a path: shown in reports next to the change it meets. */
export type UsePurpose = 'request' | 'pagination' | 'page-size' | 'incremental' | 'tenant' | 'default-header' | 'records' | 'primary-key' | 'updated-at' | 'child';

/** One value a request carries (query parameter, header, or dot path inside a JSON body). */
export interface SentValue extends ParamPlacement {
  purpose: UsePurpose;
}

/** One dot path the connector itself reads from responses, outside the mapping functions. */
export interface ReadPath {
  /** `envelope`: from the response body root (records, cursors, stop flags); `record`: inside one record. */
  from: 'envelope' | 'record';
  path: string;
  purpose: UsePurpose;
}

/**
 * What one HTTP entity (or its deletions feed) of a connector relies on in the platform's API:
 * the operation, what it sends, what it reads besides the mapping, and the mapping functions.
 */
export interface EntityUsage {
  /** The entity name; `<name> (deletions)` for its tombstone feed. */
  entity: string;
  method: string;
  path: string;
  /** `GET /v1/charges`: the key operations have in a surface. */
  operation: string;
  sends: SentValue[];
  reads: ReadPath[];
  recordsPath: string;
  /** Names of the functions that map its records (the entity's `map`, its children's), when named. */
  mappers: string[];
}

function paginationSends(pagination: PaginationConfig): SentValue[] {
  const as = (placement: ParamPlacement): SentValue => ({ in: placement.in, name: placement.name, purpose: 'pagination' });
  switch (pagination.type) {
    case 'offset':
      return [as(pagination.offset), as(pagination.limit)];
    case 'page':
      return pagination.size === undefined ? [as(pagination.page)] : [as(pagination.page), as(pagination.size)];
    case 'cursor':
    case 'last_id':
      return [as(pagination.token)];
    default:
      // Link headers, next-page URLs and SOAP continuations: the platform builds the next request.
      return [];
  }
}

function paginationReads(pagination: PaginationConfig): ReadPath[] {
  const stop = 'stop' in pagination && pagination.stop !== undefined ? pagination.stop : {};
  const envelope = [stop.hasMorePath, stop.totalPath, stop.totalPagesPath];
  if (pagination.type === 'cursor') envelope.push(pagination.cursorPath);
  if (pagination.type === 'next_url') envelope.push(pagination.nextUrlPath);
  const reads: ReadPath[] = envelope.filter((path): path is string => path !== undefined).map((path) => ({ from: 'envelope', path, purpose: 'pagination' }));
  if (pagination.type === 'last_id') reads.push({ from: 'record', path: pagination.idPath, purpose: 'pagination' });
  return reads;
}

/** Dot paths of the leaves of a JSON body; an array is a leaf (its items are values, not fields). */
function bodyLeaves(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix === '' ? [] : [prefix];
  return Object.entries(value).flatMap(([key, child]) => bodyLeaves(child, prefix === '' ? key : `${prefix}.${key}`));
}

/** Same place, same name (headers case-insensitively): listed once, the first purpose kept. */
function uniqueSends(sends: SentValue[]): SentValue[] {
  const seen = new Set<string>();
  return sends.filter((sent) => {
    const key = `${sent.in}:${sent.in === 'header' ? sent.name.toLowerCase() : sent.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface FeedConfig {
  request: Entity['request'];
  pagination: PaginationConfig;
  recordsPath: string;
  incremental?: Entity['incremental'];
}

function feedUsage(name: string, feed: FeedConfig, connector: Connector, extra: { sends: SentValue[]; reads: ReadPath[]; mappers: string[] }): EntityUsage {
  const method = (feed.request.method ?? 'GET').toUpperCase();
  const defaults = connector.defaults?.headers ?? {};
  const sends: SentValue[] = [
    ...bodyLeaves(feed.request.body).map((path): SentValue => ({ in: 'body', name: path, purpose: 'request' })),
    ...Object.keys(feed.request.query ?? {}).map((key): SentValue => ({ in: 'query', name: key, purpose: 'request' })),
    ...Object.keys(feed.request.headers ?? {}).map((key): SentValue => ({ in: 'header', name: key, purpose: 'request' })),
    ...paginationSends(feed.pagination),
    ...(feed.incremental ? [{ in: feed.incremental.in, name: feed.incremental.name, purpose: 'incremental' as const }] : []),
    ...extra.sends,
    ...Object.keys(defaults).map((key): SentValue => ({ in: 'header', name: key, purpose: 'default-header' })),
  ];
  const reads: ReadPath[] = [
    ...(feed.recordsPath === '' ? [] : [{ from: 'envelope' as const, path: feed.recordsPath, purpose: 'records' as const }]),
    ...paginationReads(feed.pagination),
    ...extra.reads,
  ];
  return { entity: name, method, path: feed.request.path, operation: `${method} ${feed.request.path}`, sends: uniqueSends(sends), reads, recordsPath: feed.recordsPath, mappers: extra.mappers };
}

/**
 * Everything a connector's HTTP entities rely on in the platform's API, as plain data: the
 * operation of each entity (and of its deletions feed), every query parameter, header and body
 * field its requests can carry (pagination, page size, modified-since filter, tenant, default
 * headers), the response paths its config reads (records, cursors, stop flags, ids, timestamps)
 * and the names of its mapping functions. SOAP entities (no HTTP operation) are left out.
 *
 * @example
 * connectorUsage(stripe)[0]
 * // { entity: 'charges', operation: 'GET /v1/charges', sends: [{ in: 'query', name: 'limit', purpose: 'request' }, ...], mappers: ['toTransaction'], ... }
 */
export function connectorUsage(connector: Connector): EntityUsage[] {
  const usages: EntityUsage[] = [];
  for (const [name, entity] of Object.entries(connector.entities) as [string, Entity][]) {
    if (entity.request.soap !== undefined) continue;
    const tenant = entity.tenant ?? connector.tenant;
    const tenantSend: SentValue[] = tenant ? [{ in: tenant.in, name: tenant.name, purpose: 'tenant' }] : [];
    const children = entity.children ?? [];
    usages.push(
      feedUsage(name, entity, connector, {
        sends: [...(entity.pageSize ? [{ ...entity.pageSize.param, purpose: 'page-size' as const }] : []), ...tenantSend],
        reads: [
          { from: 'record', path: entity.primaryKey, purpose: 'primary-key' },
          ...(entity.updatedAtPath !== undefined ? [{ from: 'record' as const, path: entity.updatedAtPath, purpose: 'updated-at' as const }] : []),
          ...children.map((child): ReadPath => ({ from: 'record', path: child.path, purpose: 'child' })),
        ],
        mappers: [entity.map, ...children.map((child) => child.map)].map((fn) => fn.name).filter((fnName) => fnName !== '' && fnName !== 'map'),
      }),
    );
    if (entity.deletions !== undefined && entity.deletions.request.soap === undefined) {
      usages.push(
        feedUsage(`${name} (deletions)`, entity.deletions, connector, {
          sends: tenantSend,
          reads: [{ from: 'record', path: entity.deletions.idPath, purpose: 'primary-key' }],
          mappers: [],
        }),
      );
    }
  }
  return usages;
}

/**
 * The parameters each operation pages or filters with, in the form `diffSurfaces` takes as
 * `contractParameters`: any change to them is then classified as breaking.
 *
 * @example diffSurfaces(pinned, latest, { contractParameters: contractParametersOf(connectorUsage(stripe)) })
 */
export function contractParametersOf(usages: readonly EntityUsage[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const usage of usages) {
    const names = usage.sends.filter((sent) => sent.in !== 'body' && (sent.purpose === 'pagination' || sent.purpose === 'page-size' || sent.purpose === 'incremental')).map((sent) => sent.name);
    if (names.length > 0) out[usage.operation] = [...new Set([...(out[usage.operation] ?? []), ...names])];
  }
  return out;
}
