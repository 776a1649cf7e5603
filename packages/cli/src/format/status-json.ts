import type { RunError } from '@portage/persist';
import type { ConnectionStatus } from './connection-status.js';

/**
 * The JSON `portage status --format json` prints (stable field names; instants in ISO 8601).
 *
 * @example const first: StatusJson['connections'][number]['runs'][number]['entities'][number] = { entity: 'orders', added: 5, updated: 0, unchanged: 0, deleted: 0, pages: 1, errors: [] };
 */
export interface StatusJson {
  connections: Array<{
    id: string;
    platform: string;
    tenant: string;
    health: string;
    healthReason: string | null;
    runs: Array<{
      id: string;
      kind: string;
      status: string;
      startedAt: string;
      finishedAt: string | null;
      /** Null while the run is going. */
      durationMs: number | null;
      error: RunError | null;
      entities: Array<{ entity: string; added: number; updated: number; unchanged: number; deleted: number; pages: number; errors: RunError[] }>;
    }>;
  }>;
}

/**
 * Pure: statuses as {@link StatusJson}. "added" is what the store calls `created`.
 *
 * @example JSON.stringify(toStatusJson([{ connection, runs }]), null, 2);
 */
export function toStatusJson(statuses: readonly ConnectionStatus[]): StatusJson {
  return {
    connections: statuses.map(({ connection, runs }) => ({
      id: connection.id,
      platform: connection.platform,
      tenant: connection.tenant,
      health: connection.health,
      healthReason: connection.healthReason,
      runs: runs.map((run) => ({
        id: run.id,
        kind: run.kind,
        status: run.status,
        startedAt: run.startedAt.toISOString(),
        finishedAt: run.finishedAt?.toISOString() ?? null,
        durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
        error: run.error,
        entities: run.entities.map((entity) => ({
          entity: entity.entity,
          added: entity.created,
          updated: entity.updated,
          unchanged: entity.unchanged,
          deleted: entity.deleted,
          pages: entity.pages,
          errors: entity.errors,
        })),
      })),
    })),
  };
}
