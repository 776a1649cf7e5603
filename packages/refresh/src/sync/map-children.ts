import { getPath, PortageError, validateUnified, type ChildEntity } from '@portage/core';
import type { MappedPage, MappedRecord, RejectedRecord } from './map-page.js';

/** The children of one page, grouped by the entity they are stored under. */
export type MappedChildren = Map<string, MappedPage>;

/**
 * Stitching: pulls nested child records (variants inside products) out of a page of parent
 * records and maps them as their own entity, so they are stored exactly as if read from their
 * own endpoint.
 *
 * @example const children = mapChildren(products.children ?? [], page.records);
 */
export function mapChildren(children: readonly ChildEntity[], parents: readonly unknown[]): MappedChildren {
  const out: MappedChildren = new Map();
  for (const child of children) {
    const group = { records: [] as MappedRecord[], rejected: [] as RejectedRecord[] };
    out.set(child.entity, group);
    for (const parent of parents) {
      const nested = getPath(parent, child.path);
      if (nested === undefined || nested === null) continue;
      if (!Array.isArray(nested)) {
        throw new PortageError('MALFORMED_RESPONSE', `${child.entity} nested at "${child.path}" is not a list`, { context: { entity: child.entity, fieldPath: child.path } });
      }
      for (const raw of nested) {
        const id = getPath(raw, child.primaryKey);
        if (typeof id !== 'string' && typeof id !== 'number') {
          throw new PortageError('MALFORMED_RESPONSE', `a nested ${child.entity} record has no id at "${child.primaryKey}"`, { context: { entity: child.entity, fieldPath: child.primaryKey } });
        }
        const externalId = String(id);
        try {
          group.records.push({ externalId, data: validateUnified(child.unified, child.map(raw, parent), { entity: child.entity, recordId: externalId }), remoteUpdatedAt: null });
        } catch (cause) {
          const error = cause instanceof PortageError ? cause : new PortageError('VALIDATION_FAILED', `the ${child.entity} mapping threw on record ${externalId}`, { cause, context: { entity: child.entity, recordId: externalId } });
          group.rejected.push({ externalId, error });
        }
      }
    }
  }
  return out;
}
