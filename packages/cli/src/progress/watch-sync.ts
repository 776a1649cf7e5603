import { setTimeout as sleep } from 'node:timers/promises';
import { PortageError } from '@portage/core';
import { listRuns, type PortageDatabase } from '@portage/persist';
import type { EntityProgress } from './entity-progress.js';
import { pickEntityProgress } from './pick-entity-progress.js';
import type { ProgressRenderer } from './progress-renderer.js';

/**
 * Options of {@link watchSync}.
 *
 * @example const options: WatchSyncOptions = { database, connectionId, entities: ['orders'], since, isDone, renderer };
 */
export interface WatchSyncOptions {
  database: PortageDatabase;
  connectionId: string;
  entities: readonly string[];
  /** When the sync was started, by the database's clock (runs are timestamped by it). */
  since: Date;
  /** Whether the entity's job is over (no longer queued or running). */
  isDone(entity: string): boolean | Promise<boolean>;
  /** How an entity's job ended, when the caller knows better than its run (a shared run). */
  outcomeOf?(entity: string): 'succeeded' | 'failed' | undefined;
  renderer: ProgressRenderer;
  /** Default 500 ms. */
  intervalMs?: number;
  /** Give up waiting (TIMEOUT) after this long; the jobs go on. */
  timeoutMs?: number;
  /** Stops watching early, returning the progress so far. */
  signal?: AbortSignal;
}

// Enough to cover every entity's run even when other runs of the connection interleave.
const RUNS_READ = 50;

/**
 * Polls the connection's runs until every entity's job is over, rendering the counts each
 * time, and returns the final progress. "Over" is read before the runs, so the last read
 * always sees what the finished jobs recorded.
 *
 * @throws PortageError TIMEOUT after `timeoutMs`.
 * @example const final = await watchSync({ database, connectionId, entities, since, isDone, renderer });
 */
export async function watchSync(options: WatchSyncOptions): Promise<EntityProgress[]> {
  const started = Date.now();
  for (;;) {
    const done = new Set<string>();
    for (const entity of options.entities) if (await options.isDone(entity)) done.add(entity);
    const runs = await listRuns(options.database.db, options.connectionId, RUNS_READ);
    const outcomes = new Map<string, 'succeeded' | 'failed'>();
    for (const entity of done) {
      const outcome = options.outcomeOf?.(entity);
      if (outcome) outcomes.set(entity, outcome);
    }
    const views = pickEntityProgress(runs, options.entities, { since: options.since, done, outcomes });
    if (done.size === options.entities.length || options.signal?.aborted) {
      options.renderer.finish(views);
      return views;
    }
    if (options.timeoutMs !== undefined && Date.now() - started >= options.timeoutMs) {
      options.renderer.finish(views);
      throw new PortageError('TIMEOUT', `stopped waiting after ${Math.round(options.timeoutMs / 1000)}s; the sync goes on: follow it with \`portage status ${options.connectionId}\``, {
        context: { connectionId: options.connectionId },
      });
    }
    options.renderer.update(views);
    await sleep(options.intervalMs ?? 500, undefined, options.signal ? { signal: options.signal } : {}).catch(() => undefined);
  }
}
