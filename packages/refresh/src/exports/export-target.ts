import { PortageError, validateUnified, type Connector, type Entity, type EntityExport, type UnifiedEntityName } from '@portage/core';
import type { Connection } from '@portage/persist';
import type { ExportContext } from './export-context.js';

/**
 * One record to write to the platform.
 *
 * @example const input: ExportInput = { connectionId, entity: 'customers', localKey: 'crm-42', record: { id: 'crm-42', email: 'ada@example.test' } };
 */
export interface ExportInput {
  connectionId: string;
  /** The connector's entity name (e.g. `customers`), which declares `export`. */
  entity: string;
  /** The record's key in the caller's system; its link to the platform record is kept under it. */
  localKey: string;
  /** The unified record to write. */
  record: unknown;
  /**
   * `create` a new platform record, `update` the linked one, or `upsert` (default): update when
   * linked, else create. A create whose link already holds an external id never creates again.
   */
  operation?: 'create' | 'update' | 'upsert';
  /** For an update of a platform record not yet linked to `localKey` (e.g. one that came in by sync). */
  externalId?: string;
  /**
   * Re-read the platform's record and store it (as a sync would, with its change events) right
   * before writing: the caller accepts overwriting what changed there, and learns what it was.
   */
  resyncFirst?: boolean;
  /** Skip the conflict check, and create again after a lost create that cannot be looked up. */
  force?: boolean;
  /** The export's sequence number from `requestExport` (queued exports): an older one is superseded. */
  seq?: number;
  signal?: AbortSignal;
}

/**
 * What an export did. `superseded`: a newer export of the same record was requested, so this
 * older content was not written.
 *
 * @example const { status, externalId } = await exportRecord(context, input);
 */
export interface ExportResult {
  status: 'created' | 'updated' | 'unchanged' | 'superseded';
  externalId?: string;
  /** The platform's updated-at of the written record, when it says. */
  remoteUpdatedAt?: string;
  /** A create whose answer was lost earlier had landed: this export found it instead of creating again. */
  recovered?: boolean;
}

/** What an export writes to: the connection, its connector, the entity and its export operations. */
export interface Target {
  connection: Connection;
  connector: Connector;
  entity: Entity;
  spec: EntityExport<UnifiedEntityName, unknown, unknown>;
}

/** The connection, connector and entity an export names, or CONFIG_INVALID saying what is missing. */
export async function resolveTarget(context: ExportContext, input: ExportInput): Promise<Target> {
  const connection = await context.getConnection(input.connectionId);
  const connector = context.connectors[connection.platform];
  if (!connector) {
    throw new PortageError('CONFIG_INVALID', `no connector is registered for platform "${connection.platform}"`, { context: { entity: input.entity } });
  }
  const entity = (connector.entities as Record<string, Entity>)[input.entity];
  if (!entity) {
    throw new PortageError('CONFIG_INVALID', `connector "${connector.name}" has no entity "${input.entity}" (it has: ${Object.keys(connector.entities).join(', ')})`, {
      context: { entity: input.entity },
    });
  }
  if (!entity.export) {
    throw new PortageError('CONFIG_INVALID', `${connector.name} ${input.entity} declares no export: add \`export: { create, update, read }\` to its defineEntity`, {
      context: { entity: input.entity },
    });
  }
  return { connection, connector, entity, spec: entity.export as EntityExport<UnifiedEntityName, unknown, unknown> };
}

// A bad record is the caller's to fix, and says which field. A record to create may not have
// its platform id yet, so the local key stands in for the id the unified schema requires.
export function checkRecord(target: Target, input: ExportInput): Record<string, unknown> {
  if (input.record === null || typeof input.record !== 'object' || Array.isArray(input.record)) {
    throw new PortageError('VALIDATION_FAILED', `the ${input.entity} record of local key "${input.localKey}" must be an object (a unified ${target.entity.unified})`, {
      context: { entity: input.entity, localKey: input.localKey },
    });
  }
  const record = input.record as Record<string, unknown>;
  validateUnified(target.entity.unified, { ...record, id: record.id ?? input.externalId ?? input.localKey }, { entity: input.entity, recordId: input.localKey });
  return record;
}

