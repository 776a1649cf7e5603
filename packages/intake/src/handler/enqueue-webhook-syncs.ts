import { loadCheckpoint, type DeliveryTransaction } from '@portage/persist';
import { MARKS_WINDOW, SYNC_QUEUE, syncJobKey, type JobQueue, type SyncJobData, type SyncMarks } from '@portage/refresh';

/**
 * What {@link enqueueWebhookSyncs} needs.
 *
 * @example const input: EnqueueWebhookSyncsInput = { transaction, queue, connectionId, entities: ['customers'], overlapMs: 300_000 };
 */
export interface EnqueueWebhookSyncsInput {
  /** The transaction the event is being stored in: the jobs commit with it. */
  transaction: DeliveryTransaction;
  queue: JobQueue;
  connectionId: string;
  entities: readonly string[];
  /** How far before the entity's high-water mark the read starts, as the planner's overlap does. */
  overlapMs: number;
}

/**
 * Sends one incremental sync job per entity, inside the event's transaction. Each reads from
 * the entity's high-water mark (the start of its last successful run) minus the overlap, or
 * everything when it never synced. The sync queue keeps one queued job per (connection,
 * entity), so a burst of events for one entity still costs one job.
 *
 * @returns the ids of the jobs sent (an entity whose job was already queued sends none).
 * @example await enqueueWebhookSyncs({ transaction, queue, connectionId, entities: ['customers'], overlapMs: 300_000 });
 */
export async function enqueueWebhookSyncs(input: EnqueueWebhookSyncsInput): Promise<string[]> {
  const { transaction, connectionId } = input;
  const sent: string[] = [];
  for (const entity of input.entities) {
    const marks = (await loadCheckpoint(transaction.db, { connectionId, entity, windowKey: MARKS_WINDOW }))?.state as SyncMarks | undefined;
    const mark = marks?.lastIncrementalAt ? Date.parse(marks.lastIncrementalAt) : Number.NaN;
    const since = Number.isNaN(mark) ? undefined : new Date(mark - input.overlapMs).toISOString();
    const data: SyncJobData = { connectionId, entity, kind: 'incremental', ...(since ? { since } : {}) };
    const id = await input.queue.send(SYNC_QUEUE, data, { singletonKey: syncJobKey(data), db: transaction.executor });
    if (id) sent.push(id);
  }
  return sent;
}
