import { z } from 'zod';
import { PortageError } from '../errors/portage-error.js';
import { UNIFIED_ENTITY_NAMES, type UnifiedEntities, type UnifiedEntityName } from '../unified/registry.js';
import { entityRequestSchema, responseFormatSchema } from './entity-request.js';
import { incrementalSchema } from './incremental.js';
import { paginationSchema } from './pagination.js';
import { fieldProblems, formatProblems } from '../validation/field-problems.js';

/** The serialisable part of an entity: everything but the mapping function. */
export const entityConfigSchema = z.object({
  /** The unified entity the records become. */
  unified: z.enum(UNIFIED_ENTITY_NAMES as [UnifiedEntityName, ...UnifiedEntityName[]]),
  request: entityRequestSchema,
  format: responseFormatSchema.default({ type: 'json' }),
  /** Dot path of the record array in the response body; "" when the body is the array. */
  recordsPath: z.string(),
  pagination: paginationSchema,
  incremental: incrementalSchema.optional(),
  /** Dot path of the record's id in the raw platform record. */
  primaryKey: z.string().min(1),
  /** Dot path of the raw record's last-modified time, when the platform has one. */
  updatedAtPath: z.string().min(1).optional(),
  /** Entities whose records this one's records are nested in (stitching), e.g. Variant in Product. */
  parent: z.string().optional(),
});
export type EntityConfig = z.input<typeof entityConfigSchema>;
export type ResolvedEntityConfig = z.output<typeof entityConfigSchema>;

/** A pure mapping from one raw platform record to one or more unified records. */
export type EntityMapper<Raw, N extends UnifiedEntityName> = (
  raw: Raw,
) => UnifiedEntities[N] | UnifiedEntities[N][];

export interface EntityDefinition<Raw = unknown, N extends UnifiedEntityName = UnifiedEntityName>
  extends Omit<EntityConfig, 'unified'> {
  unified: N;
  map: EntityMapper<Raw, N>;
}

export interface Entity<Raw = unknown, N extends UnifiedEntityName = UnifiedEntityName>
  extends Omit<ResolvedEntityConfig, 'unified'> {
  readonly unified: N;
  readonly map: EntityMapper<Raw, N>;
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
  const { map, ...config } = definition;
  if (typeof map !== 'function') {
    throw new PortageError('CONFIG_INVALID', 'entity needs a `map` function from the raw record to the unified one');
  }
  const parsed = entityConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new PortageError('CONFIG_INVALID', `invalid entity config: ${formatProblems(fieldProblems(parsed.error))}`);
  }
  return Object.freeze({ ...parsed.data, unified: definition.unified, map });
}
