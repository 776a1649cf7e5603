import type { Logger } from '@portage/fetch';
import type { PortageDatabase } from '@portage/persist';
import type { RefreshConfig } from '../config/index.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { enqueueDue } from './enqueue-due.js';

export const SCHEDULE_QUEUE = 'portage-schedule';

export interface SchedulerOptions {
  database: PortageDatabase;
  queue: JobQueue;
  /** The refresh config of a connection, or undefined when it has none (not scheduled). */
  configFor(connection: { id: string; platform: string; tenant: string }): RefreshConfig | undefined | Promise<RefreshConfig | undefined>;
  /** How often the planner runs, as cron (default every minute: the finest pg-boss cron). */
  every?: string;
  logger: Logger;
  now?: () => Date;
}

/**
 * Schedules the planner with pg-boss cron: however many workers run it, pg-boss fires each
 * tick once in the cluster, and that tick enqueues whatever is due (incremental reads by their
 * cron, full resyncs by theirs, backfills in priority order) for every connection.
 *
 * @example await startScheduler({ database, queue, configFor: () => config, logger });
 */
export async function startScheduler(options: SchedulerOptions): Promise<{ tick(): Promise<number> }> {
  const now = options.now ?? (() => new Date());
  const tick = async (): Promise<number> => {
    // Connections waiting for a person (needs_reauth, disabled) would only fail again.
    const connections = await options.database.db.selectFrom('connections').select(['id', 'platform', 'tenant']).where('health', 'in', ['healthy', 'degraded']).execute();
    let planned = 0;
    for (const connection of connections) {
      try {
        const config = await options.configFor(connection);
        if (!config) continue;
        const jobs = await enqueueDue({ database: options.database, queue: options.queue, connectionId: connection.id, config, now: now() });
        planned += jobs.length;
        for (const job of jobs) options.logger.info({ connectionId: connection.id, entity: job.entity, kind: job.kind, since: job.since }, job.reason);
      } catch (error) {
        // One connection's bad state must not stop the others' schedules.
        options.logger.error({ connectionId: connection.id, err: error }, 'planning failed for this connection');
      }
    }
    return planned;
  };
  await options.queue.ensureQueue(SCHEDULE_QUEUE, { retryLimit: 0, retryDelaySeconds: 0, retryBackoff: false, expireInSeconds: 300 });
  await options.queue.schedule(SCHEDULE_QUEUE, options.every ?? '* * * * *', {}, 'planner');
  await options.queue.work(SCHEDULE_QUEUE, { concurrency: 1 }, async () => {
    await tick();
  });
  return { tick };
}
