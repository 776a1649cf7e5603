import type { SyncRun } from '@portage/persist';
import type { ActivityDay } from '../data/load-run-activity.js';

/**
 * What the charts draw: records per run of one connection (oldest first) and the error rate
 * per day over every connection.
 *
 * @example const series: ChartSeries = chartSeries(connectionId, runs, activity.days);
 */
export interface ChartSeries {
  connectionId: string | null;
  recordsPerRun: Array<{ runId: string; startedAt: string; status: string; added: number; updated: number; unchanged: number; deleted: number }>;
  /** `failureRate` is failed runs / runs (0 on a day without runs). */
  errorRate: Array<ActivityDay & { failureRate: number }>;
}

/**
 * Pure: the chart series from a connection's runs (newest first, as `listRuns` returns them)
 * and the per-day activity.
 *
 * @example chartSeries(id, await listRuns(db, id, 30), (await loadRunActivity(database, { days: 14, now })).days);
 */
export function chartSeries(connectionId: string | null, runs: readonly SyncRun[], days: readonly ActivityDay[]): ChartSeries {
  const sum = (run: SyncRun, key: 'created' | 'updated' | 'unchanged' | 'deleted') => run.entities.reduce((total, entity) => total + entity[key], 0);
  return {
    connectionId,
    recordsPerRun: [...runs].reverse().map((run) => ({
      runId: run.id,
      startedAt: run.startedAt.toISOString(),
      status: run.status,
      added: sum(run, 'created'),
      updated: sum(run, 'updated'),
      unchanged: sum(run, 'unchanged'),
      deleted: sum(run, 'deleted'),
    })),
    errorRate: days.map((day) => ({ ...day, failureRate: day.runs === 0 ? 0 : day.failed / day.runs })),
  };
}
