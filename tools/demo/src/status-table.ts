import type { SyncRun } from '@portage/persist';

/** One row of the status table: one entity of one run, and the demo step it belongs to. */
export interface StatusRow {
  step: string;
  entity: string;
  kind: SyncRun['kind'];
  status: SyncRun['status'];
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  pages: number;
  durationMs: number | null;
  /** The first error the run recorded for this entity, if any. */
  error?: string;
}

/**
 * Flattens runs (as `listRuns` returns them) into one row per entity, oldest run first.
 *
 * @example statusRows(await listRuns(db, connectionId, 20), (run) => stepOf.get(run.id) ?? '?');
 */
export function statusRows(runs: readonly SyncRun[], stepOf: (run: SyncRun) => string): StatusRow[] {
  const oldestFirst = [...runs].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.id.localeCompare(b.id));
  return oldestFirst.flatMap((run) => {
    const durationMs = run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null;
    const entities = run.entities.length > 0 ? run.entities : [{ entity: '-', created: 0, updated: 0, unchanged: 0, deleted: 0, pages: 0, errors: [] }];
    return entities.map((entity): StatusRow => {
      const error = entity.errors[0] ?? run.error ?? undefined;
      return {
        step: stepOf(run),
        entity: entity.entity,
        kind: run.kind,
        status: run.status,
        created: entity.created,
        updated: entity.updated,
        unchanged: entity.unchanged,
        deleted: entity.deleted,
        pages: entity.pages,
        durationMs,
        ...(error ? { error: `${error.code}: ${error.message}` } : {}),
      };
    });
  });
}

const HEADERS = ['step', 'entity', 'kind', 'status', 'created', 'updated', 'unchanged', 'deleted', 'pages', 'duration'] as const;
const RIGHT_ALIGNED = new Set<string>(['created', 'updated', 'unchanged', 'deleted', 'pages', 'duration']);

/**
 * The rows as an aligned text table, counts marked `+created ~updated =unchanged -deleted`.
 *
 * @example for (const line of formatStatusTable(rows)) console.log(line);
 */
export function formatStatusTable(rows: readonly StatusRow[]): string[] {
  const cells = rows.map((row) => [
    row.step,
    row.entity,
    row.kind,
    row.status,
    `+${row.created}`,
    `~${row.updated}`,
    `=${row.unchanged}`,
    `-${row.deleted}`,
    String(row.pages),
    row.durationMs === null ? 'running' : `${(row.durationMs / 1000).toFixed(2)} s`,
  ]);
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...cells.map((line) => line[column]?.length ?? 0)));
  const format = (line: readonly string[]) =>
    line
      .map((cell, column) => (RIGHT_ALIGNED.has(HEADERS[column] ?? '') ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const lines = [format(HEADERS), format(widths.map((width) => '-'.repeat(width)))];
  rows.forEach((row, index) => {
    lines.push(format(cells[index] ?? []));
    if (row.error) lines.push(`    ${row.error}`);
  });
  return lines;
}
