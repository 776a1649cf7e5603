import { PortageError } from '@portage/core';
import { assertUuid } from '../database/assert-uuid.js';

/**
 * Checks the (connection, entity) every record function is scoped by, so a bad value fails
 * with a Portage error before any query runs.
 *
 * @example assertRecordScope(input.connectionId, input.entity);
 */
export function assertRecordScope(connectionId: unknown, entity: unknown): void {
  assertUuid(connectionId, 'connectionId');
  if (typeof entity !== 'string' || entity === '') {
    throw new PortageError('VALIDATION_FAILED', 'entity must be a non-empty string such as "order"');
  }
}

/**
 * Checks one external id: a non-empty string (platform ids that are numbers must be turned
 * into strings by the mapping, so `42` and `"42"` cannot become two records).
 *
 * @example assertExternalId(record.externalId, 'order');
 */
export function assertExternalId(externalId: unknown, entity: string): asserts externalId is string {
  if (typeof externalId !== 'string' || externalId === '') {
    throw new PortageError('VALIDATION_FAILED', `every ${entity} record needs a non-empty string externalId: convert numeric ids with String(id)`, {
      context: { entity, recordId: typeof externalId === 'string' || typeof externalId === 'number' ? String(externalId) : undefined },
    });
  }
}
