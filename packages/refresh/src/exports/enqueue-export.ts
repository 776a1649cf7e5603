import { requestExport, type PortageDatabase } from '@portage/persist';
import type { JobQueue } from '../jobs/job-queue.js';
import type { ExportJobData } from './export-job.js';
import { EXPORT_QUEUE } from './export-queues.js';

/**
 * Queues one export for the export workers. The record's link gets the next sequence number,
 * which the job carries: should an older export of the same record still be waiting (or
 * retrying), it steps aside when it runs, so a record is never written back with content older
 * than the last requested. Call `ensureExportQueues` once before.
 *
 * @example const { jobId, seq } = await enqueueExport(queue, database, { connectionId, entity: 'customers', localKey: 'crm-42', record });
 */
export async function enqueueExport(
  queue: JobQueue,
  database: PortageDatabase,
  data: Omit<ExportJobData, 'seq' | 'deadLetter'>,
): Promise<{ jobId: string | null; seq: number }> {
  const seq = await requestExport(database.db, { connectionId: data.connectionId, entity: data.entity, localKey: data.localKey });
  const jobId = await queue.send(EXPORT_QUEUE, { ...data, seq } satisfies ExportJobData);
  return { jobId, seq };
}
