import { PortageError } from '@portage/core';
import type { JobQueue } from '../jobs/job-queue.js';
import { syncJobKey, type SyncJobData } from '../sync/sync-job.js';
import { SYNC_DEAD_LETTER_QUEUE, SYNC_QUEUE } from '../worker/sync-queues.js';
import type { DeadLetter } from './dead-letter.js';
import { listDeadLetters } from './list-dead-letters.js';

/**
 * What happened to one dead-lettered job: `replayed` as a new sync job, or `kept` because its
 * entity already has a sync queued or running (replay it later).
 *
 * @example if (outcome.status === 'replayed') console.log(`${outcome.jobId} -> ${outcome.newJobId}`);
 */
export type ReplayOutcome =
  | { status: 'replayed'; jobId: string; newJobId: string; data: SyncJobData }
  | { status: 'kept'; jobId: string; data: SyncJobData };

/** Which dead letters to replay: these ids, or the oldest `limit`. */
export type ReplaySelection = { jobIds: readonly string[] } | { all: true; limit: number };

const MAX_SCANNED = 10_000;

/**
 * Sends dead-lettered sync jobs back to the sync queue (same connection, entity, kind and
 * window) and removes them from the dead-letter queue. A job whose entity already has a sync
 * queued or running stays where it is. The replay resumes from the checkpoint its last attempt
 * left, and counts in a new run (the ended run's id is dropped from its data).
 *
 * @throws PortageError NOT_FOUND when a given id is not in the dead-letter queue (nothing is replayed then).
 * @example const [outcome] = await replayDeadLetters(queue, { jobIds: [jobId] });
 */
export async function replayDeadLetters(queue: Pick<JobQueue, 'list' | 'send' | 'remove'>, selection: ReplaySelection): Promise<ReplayOutcome[]> {
  const waiting = await listDeadLetters(queue, 'all' in selection ? selection.limit : MAX_SCANNED);
  const byId = new Map(waiting.map((job) => [job.id, job]));
  let chosen: DeadLetter[] = waiting;
  if ('jobIds' in selection) {
    const missing = selection.jobIds.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      throw new PortageError('NOT_FOUND', `not in the dead-letter queue: ${missing.join(', ')} (see \`portage dlq list\`)`, { context: { jobIds: missing } });
    }
    chosen = [...new Set(selection.jobIds)].map((id) => byId.get(id)!);
  }
  const outcomes: ReplayOutcome[] = [];
  for (const job of chosen) {
    // The run the job counted in has ended as failed; without its id the replay starts a new one.
    const { runId: _endedRun, ...data } = job.data;
    const newJobId = await queue.send(SYNC_QUEUE, data, { singletonKey: syncJobKey(data) });
    if (newJobId === null) {
      outcomes.push({ status: 'kept', jobId: job.id, data });
      continue;
    }
    await queue.remove(SYNC_DEAD_LETTER_QUEUE, job.id);
    outcomes.push({ status: 'replayed', jobId: job.id, newJobId, data });
  }
  return outcomes;
}
