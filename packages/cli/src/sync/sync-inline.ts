import { createCredentialCipher } from '@portage/persist';
import { chooseRenderer } from '../progress/choose-renderer.js';
import { watchSync } from '../progress/watch-sync.js';
import { fillIncrementalSince } from './fill-incremental-since.js';
import { planInline } from './plan-inline.js';
import { reportFailures } from './report-failures.js';
import { runInlineJobs } from './run-inline-jobs.js';
import type { SyncRunOptions } from './sync-run-options.js';

/**
 * `sync --inline`: runs the jobs in this process (no queue, no worker) while showing their
 * progress, and returns the exit code.
 *
 * @example return syncInline({ runtime, connection, plan, startedAt, wait: true, timeoutMs: undefined });
 */
export async function syncInline(options: SyncRunOptions): Promise<number> {
  const { runtime, connection, plan, startedAt } = options;
  const { io } = runtime;
  // Checked before any run starts, so a missing key is a clear error rather than a failed run.
  createCredentialCipher(io.env.PORTAGE_ENCRYPTION_KEY);
  const database = runtime.database();
  const planned =
    plan.mode === 'jobs'
      ? plan.jobs
      : (await planInline(database, connection.id, plan.refresh, startedAt)).map((job) => ({
          connectionId: connection.id,
          entity: job.entity,
          kind: job.kind,
          ...(job.since ? { since: job.since } : {}),
        }));
  const jobs = await fillIncrementalSince(database, planned);
  if (jobs.length === 0) {
    io.stdout.write(`nothing is due for connection ${connection.id} under its refresh config: name entities with --entity to sync anyway\n`);
    return 0;
  }
  const entities = jobs.map((job) => job.entity);
  io.stdout.write(`syncing ${jobs.map((job) => `${job.entity} (${job.kind})`).join(', ')} of ${connection.platform}/${connection.tenant} in this process\n`);

  const ended = new Map<string, 'succeeded' | 'failed' | undefined>();
  const watching = watchSync({
    database,
    connectionId: connection.id,
    entities,
    since: startedAt,
    isDone: (entity) => ended.has(entity),
    outcomeOf: (entity) => ended.get(entity),
    renderer: chooseRenderer(io.stdout, io.env, entities),
    ...(io.signal ? { signal: io.signal } : {}),
  });
  let outcomes;
  try {
    outcomes = await runInlineJobs({
      database,
      connections: runtime.connections(),
      connectors: runtime.requireConfig().config.connectors,
      jobs,
      logger: runtime.logger(),
      onJobEnd: (entity, outcome) => ended.set(entity, outcome),
      ...(io.signal ? { signal: io.signal } : {}),
    });
  } finally {
    // However the jobs ended, the watcher must too.
    for (const entity of entities) if (!ended.has(entity)) ended.set(entity, undefined);
    await watching.catch(() => undefined);
  }
  return reportFailures(
    io.stderr,
    outcomes.flatMap((outcome) => (outcome.ok ? [] : [{ entity: outcome.entity, error: outcome.error }])),
  );
}
