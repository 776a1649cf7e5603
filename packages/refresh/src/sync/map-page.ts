import { getPath, PortageError, validateUnified, type Entity, type UnifiedEntityName } from '@portage/core';

/** One record ready for the store. */
export interface MappedRecord {
  externalId: string;
  data: unknown;
  remoteUpdatedAt: Date | null;
}

/** Records a mapping rejected: they are reported, never stored half-right. */
export interface RejectedRecord {
  externalId: string | undefined;
  error: PortageError;
}

/** What mapping a page gives: records for the store, and the ones rejected. */
export interface MappedPage {
  records: MappedRecord[];
  rejected: RejectedRecord[];
}

/**
 * Maps one page of raw platform records to validated unified records. A record whose mapping
 * throws or whose output fails the unified schema is rejected on its own (the sync goes on and
 * reports it); a record without an id stops the page, because without ids nothing can be
 * deduplicated or deleted safely.
 *
 * @example const { records, rejected } = mapPage(connector.entities.customers, 'customers', page.records);
 */
export function mapPage<Raw, N extends UnifiedEntityName>(
  entity: Entity<Raw, N>,
  entityName: string,
  raws: readonly unknown[],
): MappedPage {
  const records: MappedRecord[] = [];
  const rejected: RejectedRecord[] = [];
  for (const raw of raws) {
    const id = getPath(raw, entity.primaryKey);
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new PortageError('MALFORMED_RESPONSE', `a ${entityName} record has no id at "${entity.primaryKey}"`, {
        context: { entity: entityName, fieldPath: entity.primaryKey },
      });
    }
    const externalId = String(id);
    try {
      // The platform's JSON is what the generated Raw type describes; drift is caught by validation.
      const mapped = entity.map(raw as Raw);
      const outputs = Array.isArray(mapped) ? mapped : [mapped];
      for (const output of outputs) {
        const data = validateUnified(entity.unified, output, { entity: entityName, recordId: externalId });
        records.push({ externalId: outputs.length === 1 ? externalId : String((data as { id: string }).id), data, remoteUpdatedAt: remoteUpdatedAt(raw, entity.updatedAtPath) });
      }
    } catch (cause) {
      const error =
        cause instanceof PortageError
          ? cause
          : new PortageError('VALIDATION_FAILED', `the ${entityName} mapping threw on record ${externalId}: ${(cause as Error).message}`, {
              cause,
              context: { entity: entityName, recordId: externalId },
            });
      rejected.push({ externalId, error });
    }
  }
  return { records, rejected };
}

/**
 * The raw record's last-modified time at `path`: epoch seconds or milliseconds, an ISO 8601 or
 * HTTP date, or a Microsoft JSON date (Xero); null when absent or unreadable.
 *
 * @example remoteUpdatedAt({ UpdatedDateUTC: '/Date(1573755038314+0000)/' }, 'UpdatedDateUTC'); // 2019-11-14T18:10:38.314Z
 */
export function remoteUpdatedAt(raw: unknown, path: string | undefined): Date | null {
  if (!path) return null;
  const value = getPath(raw, path);
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value);
  if (typeof value === 'string') {
    // Microsoft JSON dates (Xero): "/Date(1573755038314+0000)/", epoch milliseconds.
    const ms = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value)?.[1];
    const date = ms === undefined ? new Date(value) : new Date(Number(ms));
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
