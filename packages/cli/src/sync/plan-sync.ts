import { PortageError } from '@portage/core';
import type { RefreshConfig, SyncJobData } from '@portage/refresh';

/**
 * What `sync` was asked for on the command line.
 *
 * @example const request: SyncRequest = { entities: ['orders'], kind: 'full' };
 */
export interface SyncRequest {
  /** `--entity` values; empty for "the default set". */
  entities: readonly string[];
  kind?: SyncJobData['kind'];
  /** ISO instant from `--since`. */
  since?: string;
}

/**
 * Either these jobs, or whatever the refresh config plans now.
 *
 * @example const plan: SyncPlan = { mode: 'jobs', jobs: [{ connectionId, entity: 'orders', kind: 'full' }] };
 */
export type SyncPlan = { mode: 'jobs'; jobs: SyncJobData[] } | { mode: 'refresh'; refresh: RefreshConfig };

/**
 * Pure: what `sync` runs. With a refresh config and neither `--entity` nor `--kind`, the
 * refresh planner decides; otherwise the named entities (default: the refresh config's, in
 * priority order, else all of the connector's) with `--kind` (default full).
 *
 * @throws PortageError CONFIG_INVALID for an entity the connector does not have.
 * @example planSync({ connectionId, connector: { name: 'shop', entities: ['orders'] }, refresh: undefined, request: { entities: [] } });
 * // { mode: 'jobs', jobs: [{ connectionId, entity: 'orders', kind: 'full' }] }
 */
export function planSync(input: {
  connectionId: string;
  connector: { name: string; entities: readonly string[] };
  refresh: RefreshConfig | undefined;
  request: SyncRequest;
}): SyncPlan {
  const { connectionId, connector, refresh, request } = input;
  const unknown = request.entities.filter((entity) => !connector.entities.includes(entity));
  if (unknown.length > 0) {
    throw new PortageError('CONFIG_INVALID', `connector "${connector.name}" has no entity ${unknown.map((name) => `"${name}"`).join(', ')}: it has ${connector.entities.join(', ')}`, {
      context: { entity: unknown[0] },
    });
  }
  if (refresh && request.entities.length === 0 && request.kind === undefined && request.since === undefined) return { mode: 'refresh', refresh };
  const entities = request.entities.length > 0 ? [...new Set(request.entities)] : refresh ? refresh.entities.map((entity) => entity.entity) : connector.entities;
  const kind = request.kind ?? 'full';
  return { mode: 'jobs', jobs: entities.map((entity) => ({ connectionId, entity, kind, ...(request.since ? { since: request.since } : {}) })) };
}
