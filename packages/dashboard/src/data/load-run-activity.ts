import type { ExpressionBuilder } from 'kysely';
import type { PortageDatabase, PortageTables } from '@portage/persist';

/**
 * Runs and errors per UTC day, over every connection.
 *
 * @example const day: ActivityDay = { day: '2026-11-23', runs: 12, failed: 1, errors: 3 };
 */
export interface ActivityDay {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  runs: number;
  failed: number;
  /** Errors recorded on the day's runs (per entity: failed jobs and rejected records). */
  errors: number;
}

/**
 * Run activity: per day for the last `days` days (oldest first, days without runs included
 * as zeros) and the totals of the last 24 hours.
 *
 * @example const activity: RunActivity = await loadRunActivity(database, { days: 14, now: new Date() });
 */
export interface RunActivity {
  days: ActivityDay[];
  last24h: { runs: number; failed: number; errors: number };
}

const DAY_MS = 86_400_000;

type Runs = ExpressionBuilder<PortageTables & { r: PortageTables['sync_runs'] }, 'r'>;

// The run's start as a UTC calendar day, whatever the session's time zone.
const dayOf = (eb: Runs) => eb.fn<string>('to_char', [eb.fn('timezone', [eb.val('UTC'), eb.ref('r.started_at')]), eb.val('YYYY-MM-DD')]);

/**
 * Counts runs, failed runs and recorded errors per UTC day with aggregate queries (the chart
 * must not depend on how many runs each connection keeps on the page).
 *
 * @example const activity = await loadRunActivity(database, { days: 14, now: new Date() });
 */
export async function loadRunActivity(database: PortageDatabase, options: { days: number; now: Date }): Promise<RunActivity> {
  const today = Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate());
  const from = new Date(today - (options.days - 1) * DAY_MS);
  const perDay = await countRuns(database, from, true);
  const byDay = new Map(perDay.map((row) => [row.day, row]));
  const days: ActivityDay[] = [];
  for (let time = from.getTime(); time <= today; time += DAY_MS) {
    const day = new Date(time).toISOString().slice(0, 10);
    days.push(byDay.get(day) ?? { day, runs: 0, failed: 0, errors: 0 });
  }
  const [recent] = await countRuns(database, new Date(options.now.getTime() - DAY_MS), false);
  return { days, last24h: { runs: recent?.runs ?? 0, failed: recent?.failed ?? 0, errors: recent?.errors ?? 0 } };
}

async function countRuns(database: PortageDatabase, from: Date, perDay: boolean): Promise<ActivityDay[]> {
  const { db } = database;
  // Grouped in an outer query on the inner one's `day` column: Postgres cannot match a GROUP BY
  // expression whose constants are bound parameters with the same expression in the SELECT.
  const runs = db
    .selectFrom('sync_runs as r')
    .where('r.started_at', '>=', from)
    .select((eb) => [(perDay ? dayOf(eb) : eb.val('')).as('day'), 'r.status'])
    .as('runs');
  const errors = db
    .selectFrom('sync_run_entities as e')
    .innerJoin('sync_runs as r', 'r.id', 'e.run_id')
    .where('r.started_at', '>=', from)
    .select((eb) => [(perDay ? dayOf(eb) : eb.val('')).as('day'), eb.fn<number>('jsonb_array_length', [eb.ref('e.errors')]).as('count')])
    .as('errors');
  const [runRows, errorRows] = await Promise.all([
    db
      .selectFrom(runs)
      .select((eb) => ['runs.day', eb.fn.countAll<string>().as('runs'), eb.fn.countAll<string>().filterWhere('runs.status', '=', 'failed').as('failed')])
      .groupBy('runs.day')
      .execute(),
    db
      .selectFrom(errors)
      .select((eb) => ['errors.day', eb.fn.sum<string>('errors.count').as('errors')])
      .groupBy('errors.day')
      .execute(),
  ]);
  const errorsByDay = new Map(errorRows.map((row) => [row.day, Number(row.errors ?? 0)]));
  return runRows.map((row) => ({ day: row.day, runs: Number(row.runs), failed: Number(row.failed), errors: errorsByDay.get(row.day) ?? 0 }));
}
