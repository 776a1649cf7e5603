import { PortageError } from '@portage/core';
import type { JobQueue } from '../jobs/job-queue.js';
import type { ExportJobData } from './export-job.js';
import { EXPORT_DEAD_LETTER_QUEUE, EXPORT_QUEUE, ensureExportQueues } from './export-queues.js';

/**
 * What a replay did with each chosen job.
 *
 * @example for (const { jobId, newJobId } of await replayDeadExports(queue, { all: true })) console.log(jobId, '->', newJobId);
 */
export interface ReplayedExport {
  jobId: string;
  newJobId: string | null;
  data: ExportJobData;
}

/**
 * Sends dead-lettered exports back to the export queue (same record, same sequence number, so
 * one that a newer export overtook meanwhile steps aside) and removes them from the dead-letter
 * queue. The replay reuses the link's attempt: its idempotency key and body, and its lookup of
 * a create whose answer was lost.
 *
 * @example await replayDeadExports(queue, { jobIds: ['0b6f...'] });
 */
export async function replayDeadExports(
  queue: JobQueue,
  options: { jobIds?: readonly string[]; all?: boolean; limit?: number; force?: boolean },
): Promise<ReplayedExport[]> {
  await ensureExportQueues(queue);
  const waiting = await queue.list<ExportJobData>(EXPORT_DEAD_LETTER_QUEUE, options.limit ?? 1000);
  const byId = new Map(waiting.map((job) => [job.id, job]));
  const missing = (options.jobIds ?? []).filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw new PortageError('NOT_FOUND', `not in the export dead-letter queue: ${missing.join(', ')}`, { context: { jobIds: missing } });
  }
  const chosen = options.all ? waiting : (options.jobIds ?? []).map((id) => byId.get(id)!);
  const replayed: ReplayedExport[] = [];
  for (const job of chosen) {
    const { deadLetter: _why, ...data } = job.data;
    const resend: ExportJobData = options.force ? { ...data, force: true } : data;
    const newJobId = await queue.send(EXPORT_QUEUE, resend);
    await queue.remove(EXPORT_DEAD_LETTER_QUEUE, job.id);
    replayed.push({ jobId: job.id, newJobId, data: resend });
  }
  return replayed;
}
