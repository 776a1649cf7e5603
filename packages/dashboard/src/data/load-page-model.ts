import type { PortageDatabase } from '@portage/persist';
import { listDeadLetters, type JobQueue } from '@portage/refresh';
import type { PageModel } from '../page/page-model.js';
import { toConnectionView } from '../views/connection-view.js';
import { toDeadLetterView, type DeadLetterView } from '../views/dead-letter-view.js';
import { errorViews } from '../views/error-view.js';
import { toRunView } from '../views/run-view.js';
import { loadDriftReport } from './load-drift-report.js';
import { loadRunActivity } from './load-run-activity.js';
import { loadSnapshot, type Snapshot } from './load-snapshot.js';

/**
 * What the page and the API read from: the store, the job queue and the drift report file.
 *
 * @example const sources: DashboardSources = { database, queue, driftReportPath: 'drift.json', runsPerConnection: 20 };
 */
export interface DashboardSources {
  database: PortageDatabase;
  queue: Pick<JobQueue, 'list'>;
  driftReportPath?: string | undefined;
  /** Runs loaded per connection for the overview, the runs table and the errors (default 20). */
  runsPerConnection: number;
}

/** Dead letters shown at most. */
export const DEAD_LETTERS_SHOWN = 200;
/** Errors listed at most. */
export const ERRORS_SHOWN = 50;

/**
 * The dead letters as views, or why the queue could not be read (the rest of the page still
 * shows).
 *
 * @example const { jobs } = await loadDeadLetterViews(queue, snapshot);
 */
export async function loadDeadLetterViews(queue: Pick<JobQueue, 'list'>, snapshot: Snapshot): Promise<{ jobs: DeadLetterView[]; problem?: string }> {
  const connections = new Map(snapshot.connections.map(({ connection }) => [connection.id, connection]));
  try {
    const jobs = await listDeadLetters(queue, DEAD_LETTERS_SHOWN);
    return { jobs: jobs.map((job) => toDeadLetterView(job, connections)) };
  } catch (error) {
    return { jobs: [], problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Loads everything the page shows. The selected connection is the one asked for, else the
 * first that needs attention, else the first.
 *
 * @example const model = await loadPageModel(sources, { connectionId, actionsEnabled: true, now: new Date() });
 */
export async function loadPageModel(sources: DashboardSources, options: { connectionId?: string | undefined; actionsEnabled: boolean; now: Date }): Promise<PageModel> {
  const snapshot = await loadSnapshot(sources.database, sources.runsPerConnection);
  const [activity, deadLetters, drift] = await Promise.all([
    loadRunActivity(sources.database, { days: 1, now: options.now }),
    loadDeadLetterViews(sources.queue, snapshot),
    loadDriftReport(sources.driftReportPath),
  ]);
  const connections = snapshot.connections.map(({ connection, runs }) => toConnectionView(connection, runs));
  const chosen =
    connections.find((connection) => connection.id === options.connectionId) ??
    connections.find((connection) => connection.health === 'needs_reauth' || connection.health === 'degraded') ??
    connections[0];
  const selectedRuns = snapshot.connections.find(({ connection }) => connection.id === chosen?.id)?.runs ?? [];
  return {
    now: options.now,
    actionsEnabled: options.actionsEnabled,
    connections,
    selected: chosen ? { connection: chosen, runs: selectedRuns.map(toRunView) } : null,
    errors: errorViews(snapshot, ERRORS_SHOWN),
    deadLetters,
    activity: activity.last24h,
    drift,
  };
}
