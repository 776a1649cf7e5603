import { PortageError } from '@portage/core';
import { canSync, enqueueDue, SYNC_QUEUE, syncJobKey, ensureSyncQueues } from '@portage/refresh';
import { chooseRenderer } from '../progress/choose-renderer.js';
import type { ProgressRenderer } from '../progress/progress-renderer.js';
import { watchSync } from '../progress/watch-sync.js';
import { fillIncrementalSince } from './fill-incremental-since.js';
import { reportFailures } from './report-failures.js';
import type { SyncRunOptions } from './sync-run-options.js';

// How long jobs may sit untouched before `--wait` suggests starting a worker.
const STALL_HINT_MS = 15_000;

/**
 * `sync` through the queue: sends the jobs (or lets the refresh planner send what is due),
 * and with `wait` shows their progress until no job of these entities is queued or running.
 *
 * @example return syncQueued({ runtime, connection, plan, startedAt, wait: true, timeoutMs: 600_000 });
 */
export async function syncQueued(options: SyncRunOptions): Promise<number> {
  const { runtime, connection, plan, startedAt } = options;
  const { io } = runtime;
  if (!canSync(connection.health)) {
    // Workers skip such jobs: queueing them would only look like progress.
    const until = connection.health === 'needs_reauth' ? 'its credentials are renewed' : 'it is enabled again';
    throw new PortageError(connection.health === 'needs_reauth' ? 'AUTH_INVALID' : 'CONFIG_INVALID', `connection ${connection.id} is ${connection.health}${connection.healthReason ? ` (${connection.healthReason})` : ''}: workers skip its jobs until ${until}; \`--inline\` syncs it anyway`, {
      context: { connectionId: connection.id },
    });
  }
  const database = runtime.database();
  const queue = await runtime.queue();
  await ensureSyncQueues(queue);

  let entities: string[];
  if (plan.mode === 'refresh') {
    const planned = await enqueueDue({ database, queue, connectionId: connection.id, config: plan.refresh, now: startedAt });
    for (const job of planned) io.stdout.write(`queued ${job.entity} (${job.kind}): ${job.reason}\n`);
    entities = planned.map((job) => job.entity);
  } else {
    entities = [];
    for (const job of await fillIncrementalSince(database, plan.jobs)) {
      const id = await queue.send(SYNC_QUEUE, job, { singletonKey: syncJobKey(job) });
      io.stdout.write(id ? `queued ${job.entity} (${job.kind}) as job ${id}\n` : `${job.entity}: a sync is already queued or running, not queued again\n`);
      entities.push(job.entity);
    }
  }
  if (entities.length === 0) {
    io.stdout.write(`nothing is due for connection ${connection.id} under its refresh config: name entities with --entity to sync anyway\n`);
    return 0;
  }
  if (!options.wait) {
    io.stdout.write(`a worker (\`portage worker\`) runs the jobs; follow them with \`portage status ${connection.id}\`\n`);
    return 0;
  }

  const views = await watchSync({
    database,
    connectionId: connection.id,
    entities,
    since: startedAt,
    isDone: async (entity) => !(await queue.pending(SYNC_QUEUE, syncJobKey({ connectionId: connection.id, entity }))),
    renderer: withStallHint(chooseRenderer(io.stdout, io.env, entities), (text) => io.stderr.write(text)),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
  });
  return reportFailures(
    io.stderr,
    views.flatMap((view) => {
      if (view.state === 'no-run') {
        return [{ entity: view.entity, error: { code: 'UNKNOWN', action: 'alert_customer', message: 'the job ended without recording a run: see the worker log' } }];
      }
      return view.state === 'failed' ? [{ entity: view.entity, error: view.lastError ?? { code: 'UNKNOWN', action: 'alert_customer', message: 'the run failed' } }] : [];
    }),
  );
}

function withStallHint(renderer: ProgressRenderer, write: (text: string) => unknown): ProgressRenderer {
  const started = Date.now();
  let hinted = false;
  return {
    update: (views) => {
      if (!hinted && Date.now() - started >= STALL_HINT_MS && views.every((view) => view.state === 'queued')) {
        hinted = true;
        write('still queued: is a worker running? start one with `portage worker` (same config and database)\n');
      }
      renderer.update(views);
    },
    finish: (views) => renderer.finish(views),
  };
}
