import { PortageError } from '@portage/core';
import type { JobQueue } from '@portage/refresh';

const unavailable = (): never => {
  throw new PortageError('CONFIG_INVALID', 'sync --inline has no job queue: drop --inline to go through the queue');
};

/**
 * The queue an inline sync plans against: nothing is pending in it, and anything else is a
 * bug. Lets `loadPlannerState` run without pg-boss (e.g. on a database without it).
 *
 * @example const state = await loadPlannerState(database, NO_QUEUE, connectionId, entities);
 */
export const NO_QUEUE: JobQueue = {
  start: async () => undefined,
  stop: async () => undefined,
  pending: async () => false,
  ensureQueue: unavailable,
  send: unavailable,
  work: unavailable,
  schedule: unavailable,
  list: unavailable,
  remove: unavailable,
};
