import { PortageError } from '@portage/core';
import { markSilentSubscriptions, type PortageDatabase, type SilencedSubscription } from '@portage/persist';
import type { JobQueue } from '@portage/refresh';
import { SILENT_LOGGER, type IntakeLogger } from '../handler/intake-logger.js';

/**
 * The pg-boss queue the silence check is scheduled on.
 *
 * @example await queue.list(SILENCE_MONITOR_QUEUE, 10);
 */
export const SILENCE_MONITOR_QUEUE = 'portage-webhook-silence';

/**
 * Options of {@link createSilenceMonitor}.
 *
 * @example const options: SilenceMonitorOptions = { database, queue, every: '*\/5 * * * *' };
 */
export interface SilenceMonitorOptions {
  database: PortageDatabase;
  /** Needed by `start()` only: the check runs as a pg-boss cron job, once per cluster. */
  queue?: JobQueue;
  /** How often the check runs, as cron; default every five minutes. */
  every?: string;
  logger?: IntakeLogger;
  /** The instant a check judges by; default the database's clock. */
  now?: () => Date;
}

/**
 * The silence monitor: `check()` once, or `start()` on a schedule.
 *
 * @example const silenced = await monitor.check();
 */
export interface SilenceMonitor {
  /** Marks overdue subscriptions silent (a `health` change event each) and returns them. */
  check(): Promise<SilencedSubscription[]>;
  /** Schedules `check()` with pg-boss cron (fired once per tick however many processes start it) and works that queue here. */
  start(): Promise<void>;
}

/**
 * Watches webhook subscriptions: one that has heard nothing for longer than its max silence is
 * marked `silent`, with a `health` change event (`{ subject: 'webhooks', from, to, reason }`),
 * and turns `active` again with its next event. A silent subscription changes nothing else:
 * the scheduler's resyncs go on regardless, and they are what covers the events that never came.
 *
 * @example
 * const monitor = createSilenceMonitor({ database, queue, logger });
 * await monitor.start();
 */
export function createSilenceMonitor(options: SilenceMonitorOptions): SilenceMonitor {
  const logger = options.logger ?? SILENT_LOGGER;
  const check = async (): Promise<SilencedSubscription[]> => {
    const silenced = await markSilentSubscriptions(options.database, options.now ? { now: options.now() } : {});
    for (const subscription of silenced) {
      logger.warn(
        { connectionId: subscription.connectionId, lastEventAt: subscription.lastEventAt?.toISOString() ?? null, maxSilenceSeconds: subscription.maxSilenceSeconds },
        'webhook subscription is silent: no event for longer than expected (scheduled resyncs go on)',
      );
    }
    return silenced;
  };

  return {
    check,
    start: async () => {
      const queue = options.queue;
      if (!queue) throw new PortageError('CONFIG_INVALID', 'createSilenceMonitor needs a queue to start(): pass the job queue, or call check() on your own schedule');
      await queue.ensureQueue(SILENCE_MONITOR_QUEUE, { retryLimit: 0, retryDelaySeconds: 0, retryBackoff: false, expireInSeconds: 300 });
      await queue.schedule(SILENCE_MONITOR_QUEUE, options.every ?? '*/5 * * * *', {}, 'silence-monitor');
      await queue.work(SILENCE_MONITOR_QUEUE, { concurrency: 1 }, async () => {
        await check();
      });
    },
  };
}
