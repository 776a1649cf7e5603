import { contentHash } from '@portage/persist';
import { isPortageError, PortageError } from '@portage/core';

/**
 * What the conflict check knows: the platform's record now, what the last sync stored of it,
 * and what the last export wrote.
 *
 * @example const input: ConflictInput = { platform: { updatedAt, content }, synced, exported: link };
 */
export interface ConflictInput {
  platform: { updatedAt?: Date | undefined; content: unknown };
  synced?: { remoteUpdatedAt?: Date | undefined; data: unknown; deleted?: boolean } | undefined;
  exported?: { remoteUpdatedAt?: Date | undefined; remoteHash?: string | undefined } | undefined;
}

/**
 * The check's verdict. `knownUpdatedAt` is the newest updated-at Portage saw (sync or export).
 *
 * @example if (verdict.conflict) throw exportConflict(...);
 */
export type ConflictVerdict =
  | { conflict: false; reason: string }
  | { conflict: true; reason: 'changed_since_sync' | 'never_synced'; platformUpdatedAt?: Date; knownUpdatedAt?: Date };

/**
 * Whether writing over the platform's record would overwrite a change Portage never saw.
 * Pure. With updated-at on both sides, time decides: the platform's record is newer than the
 * newest version the last sync stored or the last export wrote, so it changed since. Without
 * times, content decides (the mapped record, `updatedAt` left out, matches neither known
 * version). A record Portage never synced nor wrote has nothing to compare with: a conflict,
 * which the caller resolves by syncing first or forcing.
 *
 * @example
 * decideConflict({ platform: { updatedAt: new Date('2026-02-02'), content }, synced: { remoteUpdatedAt: new Date('2026-02-01'), data } });
 * // { conflict: true, reason: 'changed_since_sync', ... }
 */
export function decideConflict(input: ConflictInput): ConflictVerdict {
  const { platform, synced, exported } = input;
  if (!synced && !exported) return { conflict: true, reason: 'never_synced', ...(platform.updatedAt && { platformUpdatedAt: platform.updatedAt }) };
  const times = [synced?.remoteUpdatedAt, exported?.remoteUpdatedAt].filter((time): time is Date => time instanceof Date);
  const knownUpdatedAt = times.length > 0 ? new Date(Math.max(...times.map((time) => time.getTime()))) : undefined;
  if (platform.updatedAt && knownUpdatedAt) {
    if (platform.updatedAt.getTime() > knownUpdatedAt.getTime()) {
      return { conflict: true, reason: 'changed_since_sync', platformUpdatedAt: platform.updatedAt, knownUpdatedAt };
    }
    return { conflict: false, reason: 'the platform record is not newer than the last sync or export' };
  }
  const platformHash = contentHashWithoutUpdatedAt(platform.content);
  const known = [synced ? contentHashWithoutUpdatedAt(synced.data) : undefined, exported?.remoteHash];
  if (known.includes(platformHash)) return { conflict: false, reason: 'the platform record has the content last synced or written' };
  return { conflict: true, reason: 'changed_since_sync', ...(platform.updatedAt && { platformUpdatedAt: platform.updatedAt }), ...(knownUpdatedAt && { knownUpdatedAt }) };
}

/**
 * A unified record's content hash with `updatedAt` left out: the platform's own stamp says
 * nothing about whether the content changed.
 *
 * @example contentHashWithoutUpdatedAt({ id: '1', email: 'a@example.test', updatedAt: '...' }) === contentHashWithoutUpdatedAt({ id: '1', email: 'a@example.test' }); // true
 */
export function contentHashWithoutUpdatedAt(record: unknown): string {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return contentHash(record);
  const { updatedAt: _updatedAt, ...rest } = record as Record<string, unknown>;
  return contentHash(rest);
}

/**
 * The CONFLICT error an export is refused with: both times, and what the caller can do.
 *
 * @example throw exportConflict({ entity: 'customers', localKey: 'crm-1', externalId: 'rec_1', verdict });
 */
export function exportConflict(details: { entity: string; localKey: string; externalId: string; verdict: Extract<ConflictVerdict, { conflict: true }> }): PortageError {
  const { entity, localKey, externalId, verdict } = details;
  const platformAt = verdict.platformUpdatedAt?.toISOString();
  const knownAt = verdict.knownUpdatedAt?.toISOString();
  const what =
    verdict.reason === 'never_synced'
      ? `${entity} ${externalId} was never synced or exported, so Portage cannot tell whether the platform holds changes this write would overwrite`
      : `${entity} ${externalId} changed on the platform${platformAt ? ` at ${platformAt}` : ''}, after the version Portage last synced or wrote${knownAt ? ` (${knownAt})` : ''}`;
  return new PortageError('CONFLICT', `${what}: the export of local record "${localKey}" was not written. Sync the entity and re-apply your change to the new version, or export again with force to overwrite`, {
    context: {
      entity,
      recordId: externalId,
      localKey,
      exportConflict: verdict.reason,
      ...(platformAt && { platformUpdatedAt: platformAt }),
      ...(knownAt && { lastSyncedUpdatedAt: knownAt }),
      resolve: ['resync then re-apply', 'force'],
    },
  });
}

/**
 * Whether an error is an export refused by the conflict check (not a platform's own 409).
 *
 * @example if (isExportConflict(error)) showConflict(error.context);
 */
export function isExportConflict(error: unknown): error is PortageError {
  return isPortageError(error) && error.code === 'CONFLICT' && typeof error.context.exportConflict === 'string';
}
