import { z } from 'zod';
import { PortageError } from '../errors/portage-error.js';
import { UNIFIED_ENTITY_NAMES, type UnifiedEntities, type UnifiedEntityName } from '../unified/registry.js';
import { entityRequestSchema, responseFormatSchema } from './entity-request.js';
import { incrementalSchema } from './incremental.js';
import { tenantPlacementSchema } from './tenant-placement.js';
import { paginationSchema, paramPlacementSchema, SOAP_PAGINATION_TYPES, type PaginationConfig } from './pagination.js';
import { fieldProblems, formatProblems } from '../validation/field-problems.js';
import { validateEntityExport, type EntityExport } from './define-export.js';

/** The serialisable part of an entity: everything but the mapping function. */
export const entityConfigSchema = z.object({
  /** The unified entity the records become. */
  unified: z.enum(UNIFIED_ENTITY_NAMES as [UnifiedEntityName, ...UnifiedEntityName[]]),
  request: entityRequestSchema,
  format: responseFormatSchema.default({ type: 'json' }),
  /** Dot path of the record array in the response body; "" when the body is the array. */
  recordsPath: z.string(),
  /**
   * The platform leaves the records key out of a response with no records (Square answers
   * `{}`): such a body, holding no list at all, reads as an empty page instead of an error.
   */
  omitsEmptyRecords: z.boolean().optional(),
  pagination: paginationSchema,
  incremental: incrementalSchema.optional(),
  /** Dot path of the record's id in the raw platform record. */
  primaryKey: z.string().min(1),
  /** Dot path of the raw record's last-modified time, when the platform has one. */
  updatedAtPath: z.string().min(1).optional(),
  /**
   * Where a configured page size goes, for paginations that do not carry their own (offset and
   * page pagination have `pageSize`), and the most the platform accepts.
   *
   * @example { param: { in: 'query', name: 'limit' }, max: 100 }
   */
  pageSize: z.object({ param: paramPlacementSchema, max: z.number().int().positive().optional() }).optional(),
  /** Where this entity's requests carry the connection's tenant, instead of the connector's `tenant`. */
  tenant: tenantPlacementSchema.optional(),
  /**
   * Where the platform reports deleted records (tombstones), read by incremental syncs so
   * deletions arrive without waiting for the next full pass.
   */
  deletions: z
    .object({
      request: entityRequestSchema,
      recordsPath: z.string(),
      /** Dot path of the deleted record's id in one tombstone. */
      idPath: z.string().min(1),
      pagination: paginationSchema,
      incremental: incrementalSchema,
    })
    .optional(),
});
export type EntityConfig = z.input<typeof entityConfigSchema>;
export type ResolvedEntityConfig = z.output<typeof entityConfigSchema>;

/** A pure mapping from one raw platform record to one or more unified records. */
export type EntityMapper<Raw, N extends UnifiedEntityName> = (
  raw: Raw,
) => UnifiedEntities[N] | UnifiedEntities[N][];

/**
 * Stitching: records of another entity nested in this one's records (Square catalog items
 * carry their variations). They are stored under `entity`, exactly as if that entity had been
 * read from its own endpoint, so both shapes give the same rows.
 */
export interface ChildEntity<ParentRaw = unknown, ChildRaw = unknown, N extends UnifiedEntityName = UnifiedEntityName> {
  /** The entity name the children are stored under (the same as its own endpoint's, if any). */
  entity: string;
  unified: N;
  /** Dot path of the child array inside a parent record. */
  path: string;
  /** Dot path of a child's id inside the child record. */
  primaryKey: string;
  /** The parent is passed for what nested children leave out (e.g. their parent's id). */
  map: (raw: ChildRaw, parent: ParentRaw) => UnifiedEntities[N];
}

export interface EntityDefinition<Raw = unknown, N extends UnifiedEntityName = UnifiedEntityName>
  extends Omit<EntityConfig, 'unified'> {
  unified: N;
  map: EntityMapper<Raw, N>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each child has its own raw and unified types
  children?: readonly ChildEntity<Raw, any, any>[];
  /** How records are written back to the platform (create/update with reverse mappings). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the request bodies are the connector's platform types
  export?: EntityExport<N, any, any>;
}

export interface Entity<Raw = unknown, N extends UnifiedEntityName = UnifiedEntityName>
  extends Omit<ResolvedEntityConfig, 'unified'> {
  readonly unified: N;
  readonly map: EntityMapper<Raw, N>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each child has its own raw and unified types
  readonly children?: readonly ChildEntity<Raw, any, any>[];
  /** How records are written back to the platform, when the connector declares it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the request bodies are the connector's platform types
  readonly export?: EntityExport<N, any, any>;
}

/**
 * Declares one list endpoint of a platform and how its records map to a unified entity.
 * The config is validated here, so a typo fails at load time with the field named.
 *
 * @example
 * const charges = defineEntity<Stripe['Charge'], 'Transaction'>({
 *   unified: 'Transaction',
 *   request: { path: '/v1/charges', query: { limit: 100 } },
 *   recordsPath: 'data',
 *   pagination: { type: 'last_id', idPath: 'id', token: { in: 'query', name: 'starting_after' }, stop: { hasMorePath: 'has_more' } },
 *   primaryKey: 'id',
 *   map: (raw) => ({ id: raw.id, ... }),
 * });
 */
export function defineEntity<Raw, N extends UnifiedEntityName>(definition: EntityDefinition<Raw, N>): Entity<Raw, N> {
  const { map, children, export: entityExport, ...config } = definition;
  if (typeof map !== 'function') {
    throw new PortageError('CONFIG_INVALID', 'entity needs a `map` function from the raw record to the unified one');
  }
  for (const [index, child] of (children ?? []).entries()) {
    if (!child.entity || !child.path || !child.primaryKey || typeof child.map !== 'function' || !UNIFIED_ENTITY_NAMES.includes(child.unified)) {
      throw new PortageError('CONFIG_INVALID', `children.${index}: a child entity needs entity, unified (a unified entity name), path, primaryKey and map`);
    }
  }
  if (entityExport !== undefined) validateEntityExport(entityExport);
  const parsed = entityConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new PortageError('CONFIG_INVALID', `invalid entity config: ${formatProblems(fieldProblems(parsed.error))}`);
  }
  checkSoapPairing('', parsed.data.request.soap !== undefined, parsed.data.pagination);
  if (parsed.data.deletions) checkSoapPairing('deletions.', parsed.data.deletions.request.soap !== undefined, parsed.data.deletions.pagination);
  return Object.freeze({
    ...parsed.data,
    unified: definition.unified,
    map,
    ...(children ? { children } : {}),
    ...(entityExport ? { export: entityExport } : {}),
  });
}

// SOAP continuation needs a SOAP first call, and a SOAP call cannot be paged by URL, query or
// body tokens: catching a mismatch here beats a sync that reads one page and stops.
function checkSoapPairing(prefix: string, isSoap: boolean, pagination: PaginationConfig): void {
  const soapPagination = (SOAP_PAGINATION_TYPES as readonly string[]).includes(pagination.type);
  if (soapPagination && !isSoap) {
    throw new PortageError('CONFIG_INVALID', `${prefix}pagination "${pagination.type}" needs ${prefix}request.soap (the operation of the first page)`);
  }
  if (isSoap && !soapPagination && pagination.type !== 'none') {
    throw new PortageError('CONFIG_INVALID', `${prefix}request.soap cannot be paged by "${pagination.type}": use ${SOAP_PAGINATION_TYPES.join(' or ')} or none`);
  }
}
