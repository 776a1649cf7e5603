import type { PortageError } from '@portage/core';
import type { ExportResult } from '@portage/refresh';

/**
 * How one record's export ended, as the CLI reports it.
 *
 * @example const outcome: ExportOutcome = { localKey: 'crm-1', ok: true, result: { status: 'created', externalId: 'rec_1' } };
 */
export type ExportOutcome = { localKey: string; ok: true; result: ExportResult } | { localKey: string; ok: false; error: PortageError };

/**
 * One line per record: what happened, the platform id, and for a conflict both times and
 * what to do; for a failure its code, action and message.
 *
 * @example formatExportOutcome({ localKey: 'crm-1', ok: true, result: { status: 'created', externalId: 'rec_1' } }); // 'created crm-1 -> rec_1'
 */
export function formatExportOutcome(outcome: ExportOutcome): string {
  if (outcome.ok) {
    const { status, externalId, recovered } = outcome.result;
    const target = externalId === undefined ? '' : status === 'unchanged' || status === 'superseded' ? ` (${externalId})` : ` -> ${externalId}`;
    return `${status} ${outcome.localKey}${target}${recovered ? ' (found the record an earlier, unanswered create made)' : ''}`;
  }
  const { error } = outcome;
  const context = error.context;
  if (typeof context.exportConflict === 'string') {
    const times =
      context.platformUpdatedAt !== undefined
        ? `: changed on the platform at ${String(context.platformUpdatedAt)}${context.lastSyncedUpdatedAt !== undefined ? `, last synced version ${String(context.lastSyncedUpdatedAt)}` : ''}`
        : context.exportConflict === 'never_synced'
          ? ': never synced, so a change there cannot be ruled out'
          : '';
    return `conflict ${outcome.localKey} (${String(context.recordId)})${times}; sync it and re-apply, or export again with --force (or --resync-first)`;
  }
  return `failed ${outcome.localKey}: ${error.code} (${error.action}): ${error.message}`;
}

/**
 * The closing line: how many records ended which way.
 *
 * @example summarizeExports(outcomes); // 'exported 3 records: 2 created, 1 conflict'
 */
export function summarizeExports(outcomes: readonly ExportOutcome[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    const kind = outcome.ok ? outcome.result.status : typeof outcome.error.context.exportConflict === 'string' ? 'conflict' : 'failed';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const parts = ['created', 'updated', 'unchanged', 'superseded', 'conflict', 'failed'].filter((kind) => counts.has(kind)).map((kind) => `${counts.get(kind)} ${kind}`);
  return `exported ${outcomes.length} record${outcomes.length === 1 ? '' : 's'}: ${parts.join(', ') || 'none'}`;
}
