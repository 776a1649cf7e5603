import { PortageError } from '@portage/core';
import { describeCron, nextCronTime } from '../config/cron.js';
import { subtractDuration } from '../config/duration.js';
import type { EntityRefresh, RefreshConfig } from '../config/refresh-config.js';

/**
 * What the planner knows about one entity of a connection, as the sync runs recorded it.
 *
 * @example
 * const orders: EntityRefreshState = {
 *   fullPass: { startedAt: '2026-05-01T00:00:00.000Z', complete: true },
 *   lastFullCompletedAt: '2026-05-01T02:10:00.000Z',
 *   lastIncrementalAt: '2026-05-01T09:45:00.000Z',
 * };
 */
export interface EntityRefreshState {
  /** A job for this entity is queued or active; nothing else is planned for it. */
  running?: boolean;
  /** The latest full pass (first backfill or resync). */
  fullPass?: {
    startedAt: string;
    complete: boolean;
    /** Where an interrupted pass continues; opaque to the planner. */
    checkpoint?: unknown;
    /**
     * The lower bound the pass started with. When recorded it is reused verbatim on resume;
     * otherwise it is derived again from `startedAt` and the window.
     */
    since?: string;
  };
  lastFullCompletedAt?: string;
  /** The high-water mark: start time of the last successful incremental or full run. */
  lastIncrementalAt?: string;
}

/**
 * The planner's view of a connection: per entity name, what has run.
 *
 * @example
 * const state: PlannerState = { entities: { orders: { running: true } } };
 */
export interface PlannerState {
  entities: Record<string, EntityRefreshState>;
}

/**
 * One job to start now.
 *
 * @example
 * const job: PlannedJob = { entity: 'orders', kind: 'full', since: '2026-02-01T10:00:00.000Z', reason: 'backfill orders (window 3 months)' };
 */
export interface PlannedJob {
  entity: string;
  kind: 'full' | 'incremental';
  /** ISO instant: the lower bound for records; absent for a full pass over all history. */
  since?: string;
  /** The checkpoint an interrupted full pass continues from. */
  resumeFrom?: unknown;
  /** Records per request, when the config sets one. */
  pageSize?: number;
  /** A short human explanation, for logs and `status`. */
  reason: string;
}

function instant(value: string, entity: string, field: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    // State is written by our own runs, so this is a bug or a hand edit: stop rather than guess.
    const fieldPath = `state.entities.${entity}.${field}`;
    throw new PortageError('CONFIG_INVALID', `${fieldPath} is "${value}", not an ISO 8601 instant (e.g. 2026-05-01T10:00:00.000Z)`, {
      context: { entity, fieldPath },
    });
  }
  return date;
}

function windowSince(config: EntityRefresh, from: Date): string | undefined {
  return config.window.kind === 'all' ? undefined : subtractDuration(from, config.window.duration).toISOString();
}

function windowText(config: EntityRefresh): string {
  return config.window.kind === 'all' ? 'all' : config.window.text;
}

function fullJob(config: EntityRefresh, since: string | undefined, reason: string, resumeFrom?: unknown): PlannedJob {
  return {
    entity: config.entity,
    kind: 'full',
    ...(since !== undefined && { since }),
    ...(resumeFrom !== undefined && { resumeFrom }),
    ...(config.pageSize !== undefined && { pageSize: config.pageSize }),
    reason,
  };
}

// The one job an entity that is not running needs now, if any, ignoring concurrency.
function jobFor(config: EntityRefresh, state: EntityRefreshState, now: Date): PlannedJob | undefined {
  const { entity } = config;
  const pass = state.fullPass;

  // An interrupted pass goes on with the bounds it started with, so the records it has
  // already written and the ones still to come form one consistent pass.
  if (pass && !pass.complete) {
    const started = instant(pass.startedAt, entity, 'fullPass.startedAt');
    const since = pass.since ?? windowSince(config, started);
    return pass.checkpoint === undefined
      ? fullJob(config, since, `restart ${entity} full pass started ${pass.startedAt} (no checkpoint saved)`)
      : fullJob(config, since, `resume ${entity} from checkpoint`, pass.checkpoint);
  }

  const lastFull = state.lastFullCompletedAt ?? (pass?.complete ? pass.startedAt : undefined);
  if (lastFull === undefined) {
    return fullJob(config, windowSince(config, now), `backfill ${entity} (window ${windowText(config)})`);
  }

  // Deletions only show on full passes, so a due resync wins over an incremental.
  if (config.fullResync) {
    const field = state.lastFullCompletedAt === undefined ? 'fullPass.startedAt' : 'lastFullCompletedAt';
    if (nextCronTime(config.fullResync.every, instant(lastFull, entity, field)) <= now) {
      return fullJob(config, windowSince(config, now), `full resync ${entity} (${describeCron(config.fullResync.every)}; last completed ${lastFull})`);
    }
  }

  if (config.incremental) {
    // Runs record the mark after full passes too; should it be missing, the completed pass's
    // start is the same instant, and its completion the closest later one.
    const [mark, field] =
      state.lastIncrementalAt !== undefined
        ? [state.lastIncrementalAt, 'lastIncrementalAt']
        : pass?.complete
          ? [pass.startedAt, 'fullPass.startedAt']
          : [lastFull, 'lastFullCompletedAt'];
    const markDate = instant(mark, entity, field);
    if (nextCronTime(config.incremental.every, markDate) <= now) {
      // The overlap re-reads a margin before the mark: clock skew between us and the
      // platform, and records the platform indexes late, would otherwise fall in a gap.
      const since = new Date(markDate.getTime() - config.incremental.overlapMs).toISOString();
      return { entity, kind: 'incremental', since, ...(config.pageSize !== undefined && { pageSize: config.pageSize }), reason: `incremental ${entity} since ${since}` };
    }
  }
  return undefined;
}

/**
 * What runs next, from which pointer: at most one job per entity, in priority order.
 *
 * - An entity whose first full pass is not done backfills from `now - window` (or all
 *   history); an interrupted full pass resumes from its checkpoint with its original `since`.
 * - Once its first pass is done: a full resync when its cron is due since the last full
 *   completion, else an incremental when its cron is due since the high-water mark, reading
 *   from the mark minus the overlap.
 * - Running entities get nothing. Concurrency caps how many entities sync at once, each
 *   entity's `concurrency` counting for the whole group it would run in (so `1` means "alone",
 *   and with all at 1 each first pass completes before the next entity starts). Jobs are taken
 *   in priority order and the first that does not fit stops the plan, so lower priorities
 *   never overtake a waiting higher one.
 *
 * Pure: the same config, state and `now` always give the same plan.
 *
 * @example
 * planNext(config, { entities: {} }, new Date('2026-05-01T10:00:00Z'));
 * // concurrency 1: [{ entity: 'orders', kind: 'full', since: '2026-02-01T10:00:00.000Z', reason: 'backfill orders (window 3 months)' }]
 */
export function planNext(config: RefreshConfig, state: PlannerState, now: Date): PlannedJob[] {
  const byName = new Map(config.entities.map((entity) => [entity.entity, entity]));
  const running = Object.entries(state.entities).filter(([, entity]) => entity.running === true);
  let active = running.length;
  // An entity no longer in the config still takes a slot while it runs, but sets no limit.
  let limit = Math.min(...running.map(([name]) => byName.get(name)?.concurrency ?? Number.POSITIVE_INFINITY));

  const jobs: PlannedJob[] = [];
  for (const entity of [...config.entities].sort((a, b) => a.priority - b.priority)) {
    const entityState = state.entities[entity.entity] ?? {};
    if (entityState.running === true) continue;
    const job = jobFor(entity, entityState, now);
    if (job === undefined) continue;
    const groupLimit = Math.min(limit, entity.concurrency);
    if (active + 1 > groupLimit) break;
    jobs.push(job);
    active += 1;
    limit = groupLimit;
  }
  return jobs;
}
