import { isPortageError, validateUnified, type Connector, type UnifiedEntityName } from '@portage/core';
import type { PortageDatabase } from '@portage/persist';

/**
 * One record a contract sync stored, under the entity it is stored as (a parent entity, or a
 * child entity stitched from it).
 *
 * @example { entity: 'charges', externalId: 'ch_1', deleted: false, data: { id: 'ch_1', ... } }
 */
export interface ContractRecord {
  entity: string;
  externalId: string;
  deleted: boolean;
  data: unknown;
}

/**
 * A record the sync refused, as its run reported it.
 *
 * @example { entity: 'prices', recordId: 'price_1', code: 'VALIDATION_FAILED', message: '...' }
 */
export interface ContractRejection {
  entity: string;
  recordId?: string;
  code: string;
  message: string;
}

/**
 * Every record stored for a connection, by entity then external id: a stable order to
 * snapshot.
 *
 * @example const records = await storedRecords(database, connectionId);
 */
export async function storedRecords(database: PortageDatabase, connectionId: string): Promise<ContractRecord[]> {
  const rows = await database.db
    .selectFrom('records')
    .select(['entity', 'external_id', 'data', 'deleted_at'])
    .where('connection_id', '=', connectionId)
    .orderBy('entity')
    .orderBy('external_id')
    .execute();
  return rows.map((row) => ({ entity: row.entity, externalId: row.external_id, deleted: row.deleted_at !== null, data: row.data }));
}

/**
 * The records a run rejected (mapping threw, or its output failed the unified schema), by
 * entity then record id.
 *
 * @example const rejected = await rejectedRecords(database, result.runId);
 */
export async function rejectedRecords(database: PortageDatabase, runId: string): Promise<ContractRejection[]> {
  const rows = await database.db.selectFrom('sync_run_entities').select(['entity', 'errors']).where('run_id', '=', runId).orderBy('entity').execute();
  return rows.flatMap((row) =>
    row.errors
      .map((error) => ({
        entity: row.entity,
        ...(typeof error.recordId === 'string' ? { recordId: error.recordId } : {}),
        code: error.code,
        message: error.message,
      }))
      .sort((a, b) => (a.recordId ?? '').localeCompare(b.recordId ?? '')),
  );
}

/** The unified entity an entity name stores: its own, or that of the child entity stored under it. */
function unifiedOf(connector: Connector, entity: string): UnifiedEntityName | undefined {
  const own = connector.entities[entity];
  if (own) return own.unified;
  for (const parent of Object.values(connector.entities)) {
    const child = parent.children?.find((candidate) => candidate.entity === entity);
    if (child) return child.unified as UnifiedEntityName;
  }
  return undefined;
}

/**
 * Checks each stored record against its unified schema, as read back from Postgres (what
 * services get). One line per record that fails, or whose entity the connector does not
 * declare.
 *
 * @example expect(invalidStoredRecords(stripe, records)).toEqual([]);
 */
export function invalidStoredRecords(connector: Connector, records: readonly ContractRecord[]): string[] {
  const problems: string[] = [];
  for (const record of records) {
    const unified = unifiedOf(connector, record.entity);
    if (unified === undefined) {
      problems.push(`stored ${record.entity} ${record.externalId}: the connector declares no entity "${record.entity}"`);
      continue;
    }
    try {
      validateUnified(unified, record.data, { entity: record.entity, recordId: record.externalId });
    } catch (error) {
      if (!isPortageError(error)) throw error;
      problems.push(`stored ${record.entity} ${record.externalId}: ${error.message}`);
    }
  }
  return problems;
}
